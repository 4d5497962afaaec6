import "server-only";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Indicator, type IndicatorCounts, computeIndicators } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { type CountsRow, countsOf, queryCounts, scopeParkIds } from "./indicator-sql";

export interface IndustryRow {
  industry: string;
  counts: IndicatorCounts;
  indicators: Indicator[];
}

/**
 * The indicators per 产业链 (one GROUP BY over the headline statement). Industries with
 * neither a cohort signing nor a plan in the period are left out; the rest are ordered by
 * signings, then contracted capital.
 */
export async function getIndustryBreakdown(actor: Actor, scope: IndicatorScope, today = todayInShanghai()): Promise<IndustryRow[]> {
  const parkIds = await scopeParkIds(actor, scope);
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const rows = await queryCounts(actor, parkIds, period, today, "industry");
  return toIndustryRows(rows, period.through);
}

/** The industry rows of a counts result, ordered; shared with get-dashboard.ts. */
export function toIndustryRows(rows: CountsRow[], through: number): IndustryRow[] {
  return rows
    .filter((r) => r.dim === "industry" && (r.signed > 0 || r.planned > 0))
    .map((r) => {
      const counts = countsOf(r);
      return { industry: r.key ?? "", counts, indicators: computeIndicators(counts, through) };
    })
    .sort((a, b) => b.counts.signed - a.counts.signed || Number(b.counts.contractInvestment) - Number(a.counts.contractInvestment) || a.industry.localeCompare(b.industry, "zh-CN"));
}
