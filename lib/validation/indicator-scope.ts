import { z } from "zod";
import { defaultPeriod, defaultThrough } from "@/lib/domain/indicators";
import { todayInShanghai } from "@/lib/domain/dates";
import { type RawSearchParams, parseUrlFilters, urlInt } from "./url-filters";

/**
 * The dashboard's scope as it travels in the URL: one park, one region or (neither) every
 * park the actor may see; the period is January..`through` of `year`; the cohort is a
 * signing year (default: the period's year).
 */
export const indicatorScopeSchema = z.object({
  park: urlInt("园区", 1, 2_147_483_647).optional(),
  region: urlInt("市州", 1, 2_147_483_647).optional(),
  year: urlInt("年份", 2000, 2100).optional(),
  through: urlInt("截止月份", 1, 12).optional(),
  cohort: urlInt("签约批次年份", 2000, 2100).optional(),
});

export interface IndicatorScope {
  park?: number;
  region?: number;
  year: number;
  through: number;
  cohort: number;
}

/**
 * Fills the period's defaults and drops a region when a park is chosen. With no year: this
 * year through the last complete month, and in January the whole previous year (January's
 * reports are not in yet). A chosen year without a month runs to its last complete month
 * (January itself for the current year in January), a past year to December.
 */
export function resolveIndicatorScope(raw: z.infer<typeof indicatorScopeSchema>, today = todayInShanghai()): IndicatorScope {
  const d = defaultPeriod(today);
  const year = raw.year ?? d.year;
  const through = raw.through ?? (raw.year === undefined ? d.through : defaultThrough(year, today));
  return { park: raw.park, region: raw.park ? undefined : raw.region, year, through, cohort: raw.cohort ?? year };
}

/** Parses the dashboard's URL: bad values are dropped and reported (naming the field and rule). */
export function parseIndicatorScope(raw: RawSearchParams, today = todayInShanghai()): { scope: IndicatorScope; errors: string[] } {
  const { filters, errors } = parseUrlFilters(indicatorScopeSchema, raw);
  return { scope: resolveIndicatorScope(filters, today), errors };
}

/** The scope as URL params (for links that keep it). */
export function indicatorScopeParams(s: IndicatorScope): Record<string, string> {
  const out: Record<string, string> = { year: String(s.year), through: String(s.through), cohort: String(s.cohort) };
  if (s.park) out.park = String(s.park);
  if (s.region) out.region = String(s.region);
  return out;
}
