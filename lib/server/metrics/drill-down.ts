import "server-only";
// Drill-down: the projects behind each dashboard figure, for the ledger list
// (lib/server/projects/list-projects.ts), its Excel export and a bulletin's frozen figures.
// They are read where the counts are: ProjectFigures (one row of facts per project, kept by
// the database in the write's transaction) with figure_rows (the as-of rule) under each
// figure's condition of figure-sql.ts (figureMetricSql, the FILTER the count sums), so a
// list is the rows its figure counts by construction, read from the scope's parks only.
// The integration tests compare the list's total with the figure for every metric, and the
// ids with the raw tables' (rawMetricProjectIdsQuery) after random writes.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorPeriod, METRICS, type Metric, defaultPeriod } from "@/lib/domain/indicators";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { visibleProjectsSql } from "@/lib/server/actor";
import { factsState, figureFactsSql, figureMetricIdsQuery, figureMetricSql } from "./figure-sql";
import { metricSql, projectsAsOfSql, scopeSql, seesWholeParks } from "./indicator-sql";

/** The period a drill-down URL names (period=YYYY-MM, cohort=YYYY), with the dashboard's defaults. */
export function drillPeriod(f: { period?: string; cohort?: number }, today = todayInShanghai()): IndicatorPeriod {
  const d = defaultPeriod(today);
  const [year, through] = f.period ? f.period.split("-").map(Number) : [d.year, d.through];
  return { year, through, cohort: f.cohort ?? year };
}

/**
 * A figure's projects for the ledger list and its export: ProjectFigures `f` with its state
 * on the period's day `c` (figure_rows) and the Project `pr`, within the parks whose
 * dashboard the actor reads (the figures' own scope), under the figure's condition
 * (figureMetricSql, the FILTER its count sums), so the list's total equals the figure. The
 * list adds its own filters on `pr` (projectListSql) and pages in SQL.
 */
export function drillDownSql(actor: Actor, f: { metric: Metric; period?: string; cohort?: number }, today = todayInShanghai()): { from: Prisma.Sql; where: Prisma.Sql } {
  const period = drillPeriod(f, today);
  const facts = figureFactsSql(parksWith(actor, "dashboard.read"), period, today);
  return {
    from: Prisma.sql`${facts.from} JOIN "Project" pr ON pr.id = f."projectId"`,
    where: Prisma.sql`${facts.where} AND ${figureMetricSql(f.metric, factsState(period))}`,
  };
}

/**
 * Every metric's project ids (ascending) over `parkIds` (already authorized, e.g. by
 * scopeParkIds) with the actor's project visibility, in one statement: the scope's rows of
 * ProjectFigures under each figure's condition (figureMetricIdsQuery), the rows its count
 * sums, so each list's length is the figure. For freezing a bulletin's figures with the
 * projects behind them and comparing them with today's.
 */
export async function metricProjectIds(actor: Actor, parkIds: readonly number[], p: IndicatorPeriod, today = todayInShanghai()): Promise<Record<Metric, number[]>> {
  if (parkIds.length === 0) return Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<Metric, number[]>;
  const visible = seesWholeParks(actor, [...parkIds]) ? undefined : visibleProjectsSql(actor, "pr");
  return idsByMetric(await getDb().$queryRaw<Record<string, number[]>[]>(figureMetricIdsQuery(parkIds, p, today, visible)));
}

/**
 * The same ids from the raw tables (every project in scope with the as-of join and its
 * year plan, metricSql): the reference the rollup's ids are held to
 * (tests/integration/figure-rollup.test.ts) and the benchmark's "before".
 */
export function rawMetricProjectIdsQuery(actor: Actor, parkIds: readonly number[], p: IndicatorPeriod, today: string): Prisma.Sql {
  const columns = METRICS.map((m, i) => Prisma.sql`COALESCE(array_agg(pr.id ORDER BY pr.id) FILTER (WHERE ${metricSql(m, p, today)}), '{}') AS ${Prisma.raw(`m${i}`)}`);
  return Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")}
    FROM ${projectsAsOfSql(p, today)}
    LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${p.year}::int
    WHERE ${scopeSql(actor, [...parkIds])}`;
}

/** The ids of a statement with one column per metric (m0, m1, … in METRICS order). */
export function idsByMetric(rows: Record<string, number[]>[]): Record<Metric, number[]> {
  return Object.fromEntries(METRICS.map((m, i) => [m, rows[0]?.[`m${i}`] ?? []])) as Record<Metric, number[]>;
}
