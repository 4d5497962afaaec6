import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorPeriod, dueAsOf } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { type DueRow, type IndicatorsResult, dueNotStartedQuery, toIndicatorsResult } from "./get-indicators";
import { type IndustryRow, toIndustryRows } from "./get-industry-breakdown";
import { type TrendMonth, monthlyTrendQuery } from "./get-monthly-trend";
import { type OverdueProblems, getOverdueProblems } from "./get-overdue-problems";
import { type ParkRankingRow, rankingParks, toParkRanking } from "./get-park-ranking";
import { figuresDbFor, queryCounts, scopeParkIds } from "./indicator-sql";

export interface DashboardFigures {
  indicators: IndicatorsResult;
  ranking: ParkRankingRow[];
  trend: TrendMonth[];
  industries: IndustryRow[];
  overdue: OverdueProblems;
}

/**
 * Everything the leaders' dashboard shows, the same figures getIndicators,
 * getParkRanking, getIndustryBreakdown and getMonthlyTrend give one by one, but with the
 * headline, per-park and per-industry counts in one GROUPING SETS statement (the projects
 * and their reports are read once, not three times). The statements run in parallel.
 */
export async function getDashboard(actor: Actor, scope: IndicatorScope, today = todayInShanghai()): Promise<DashboardFigures> {
  const parkIds = await scopeParkIds(actor, scope);
  const period: IndicatorPeriod = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const db = figuresDbFor(actor, parkIds);
  const [rows, due, trend, parks, overdue] = await Promise.all([
    queryCounts(actor, parkIds, period, today, ["none", "park", "industry"]),
    db.$queryRaw<DueRow[]>(dueNotStartedQuery(actor, parkIds, period, today)),
    db.$queryRaw<TrendMonth[]>(monthlyTrendQuery(actor, parkIds, scope, today)),
    rankingParks(parkIds),
    getOverdueProblems(actor, scope, today),
  ]);
  const whole = rows.find((r) => r.dim === "none");
  if (!whole) throw new Error("the whole-scope grouping set returned no row");
  return {
    indicators: toIndicatorsResult(whole, due, period, dueAsOf(period, today), parkIds),
    ranking: toParkRanking(rows, parks, period.through),
    trend,
    industries: toIndustryRows(rows, period.through),
    overdue,
  };
}
