import { type Metric, periodParam } from "@/lib/domain/indicators";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";

/** The ledger list of a figure's projects: /projects?metric=…&period=YYYY-MM&cohort=…&park|region=… */
export function drillHref(scope: IndicatorScope, metric: Metric, extra: { park?: number; industry?: string } = {}): string {
  const q = new URLSearchParams({ metric, period: periodParam(scope.year, scope.through), cohort: String(scope.cohort) });
  const park = extra.park ?? scope.park;
  if (park) q.set("park", String(park));
  else if (scope.region) q.set("region", String(scope.region));
  if (extra.industry) q.set("industry", extra.industry);
  return `/projects?${q.toString()}`;
}
