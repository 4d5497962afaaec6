import { ENTERPRISE_PAGE_SIZES, type EnterpriseListFilters } from "@/lib/validation/enterprises";
import { FilterBar, FilterInput, FilterSelect } from "@/components/ui/filter-select";

// A plain GET form: the search lives in the URL, so a list can be shared and bookmarked.
export function EnterpriseFiltersForm({ filters, parks }: { filters: EnterpriseListFilters; parks: { id: number; name: string }[] }) {
  return (
    <FilterBar action="/enterprises" role="search" aria-label="搜索企业" submitLabel="查询" reset="/enterprises">
      <FilterInput label="搜索" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} placeholder="企业名称或统一社会信用代码" className="w-64" />
      {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
      <FilterSelect label="每页" name="pageSize" value={filters.pageSize} options={ENTERPRISE_PAGE_SIZES.map((n) => [n, `${n} 条`] as const)} allLabel={null} />
    </FilterBar>
  );
}
