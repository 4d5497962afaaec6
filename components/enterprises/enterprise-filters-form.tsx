import { useTranslations } from "next-intl";
import { ENTERPRISE_PAGE_SIZES, type EnterpriseListFilters } from "@/lib/validation/enterprises";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-select";

// A plain GET form: the search lives in the URL, so a list can be shared and bookmarked.
export function EnterpriseFiltersForm({ filters, parks }: { filters: EnterpriseListFilters; parks: { id: number; name: string }[] }) {
  const t = useTranslations("enterprises.filters");
  return (
    <FilterBar action="/enterprises" role="search" aria-label={t("label")} submitLabel={t("submit")} reset="/enterprises">
      <FilterInput label={t("search")} name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} placeholder={t("placeholder")} className="w-64" />
      {parks.length > 1 && <FilterSelect label={t("park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />}
      <FilterSelect label={t("perPage")} name="pageSize" value={filters.pageSize} options={ENTERPRISE_PAGE_SIZES.map((n) => [n, t("rows", { count: n })] as const)} allLabel={null} />
    </FilterBar>
  );
}
