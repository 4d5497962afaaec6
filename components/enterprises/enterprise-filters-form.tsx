import Link from "next/link";
import { ENTERPRISE_PAGE_SIZES, type EnterpriseListFilters } from "@/lib/validation/enterprises";
import { FilterSelect, filterField } from "@/components/ui/filter-select";
import { Button } from "@/components/ui/button";

// A plain GET form: the search lives in the URL, so a list can be shared and bookmarked.
export function EnterpriseFiltersForm({ filters, parks }: { filters: EnterpriseListFilters; parks: { id: number; name: string }[] }) {
  return (
    <form method="get" action="/enterprises" role="search" aria-label="搜索企业" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <label className="flex flex-col gap-1 text-xs text-slate-600">
        搜索
        <input name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} placeholder="企业名称或统一社会信用代码" className={`${filterField} w-64`} />
      </label>
      {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
      <FilterSelect label="每页" name="pageSize" value={filters.pageSize} options={ENTERPRISE_PAGE_SIZES.map((n) => [n, `${n} 条`] as const)} allLabel={null} />
      <Button type="submit">
        查询
      </Button>
      <Link href="/enterprises" className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
        重置
      </Link>
    </form>
  );
}
