import { useTranslations } from "next-intl";
import { FilterBar, FilterSelect } from "@/components/ui/filter-select";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import type { DashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";

/** A plain GET form: the scope lives in the URL, so a leader can bookmark and share a view. */
export function ScopeForm({ scope, scopes, years }: { scope: IndicatorScope; scopes: DashboardScopes; years: number[] }) {
  const t = useTranslations("dashboard");
  const months = Array.from({ length: 12 }, (_, i) => [i + 1, t("monthShort", { month: i + 1 })] as const);
  const yearOptions = years.map((y) => [y, t("form.yearOption", { year: y })] as const);
  return (
    <FilterBar action="/dashboard" aria-label={t("form.label")} submitLabel={t("form.submit")} reset="/dashboard">
      {scopes.regions.length > 1 && (
        <FilterSelect label={t("form.region")} name="region" value={scope.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel={t("form.allRegions")} />
      )}
      <FilterSelect label={t("form.park")} name="park" value={scope.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel={t("form.allParks")} />
      <FilterSelect label={t("form.year")} name="year" value={scope.year} options={yearOptions} allLabel={null} />
      <FilterSelect label={t("form.through")} name="through" value={scope.through} options={months} allLabel={null} />
      <FilterSelect label={t("form.cohort")} name="cohort" value={scope.cohort} options={years.map((y) => [y, t("form.cohortOption", { year: y })] as const)} allLabel={null} />
    </FilterBar>
  );
}
