import { FilterBar, FilterSelect } from "@/components/ui/filter-select";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import type { DashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";

const MONTHS = Array.from({ length: 12 }, (_, i) => [i + 1, `${i + 1}月`] as const);

/** A plain GET form: the scope lives in the URL, so a leader can bookmark and share a view. */
export function ScopeForm({ scope, scopes, years }: { scope: IndicatorScope; scopes: DashboardScopes; years: number[] }) {
  const yearOptions = years.map((y) => [y, `${y}年`] as const);
  return (
    <FilterBar action="/dashboard" aria-label="统计范围" submitLabel="统计" reset="/dashboard">
      {scopes.regions.length > 1 && (
        <FilterSelect label="市州" name="region" value={scope.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="全部市州" />
      )}
      <FilterSelect label="园区" name="park" value={scope.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
      <FilterSelect label="年份" name="year" value={scope.year} options={yearOptions} allLabel={null} />
      <FilterSelect label="截止月份" name="through" value={scope.through} options={MONTHS} allLabel={null} />
      <FilterSelect label="签约批次" name="cohort" value={scope.cohort} options={years.map((y) => [y, `${y}年签约`] as const)} allLabel={null} />
    </FilterBar>
  );
}
