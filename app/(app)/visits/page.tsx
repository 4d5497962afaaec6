import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/domain/permissions";
import { listVisitLiaisons, listVisits } from "@/lib/server/visits/list-visits";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { VISIT_KINDS, VISIT_KIND_LABELS } from "@/lib/domain/issues";
import { ISSUE_PAGE_SIZES, type VisitFilters, parseVisitFilters } from "@/lib/validation/issues";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { FilterBar, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { VisitTable } from "@/components/visits/visit-table";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "走访记录" };

export default async function VisitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.read");
  const { filters, errors } = parseVisitFilters(await searchParams);
  const [list, parks, liaisons] = await Promise.all([orNotFound(listVisits(actor, filters)), listVisibleParks(actor, { includeArchived: true }), listVisitLiaisons(actor)]);
  const params = filterParams(filters);
  const without = (key: keyof VisitFilters) => `/visits?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== key))}`;
  const liaisonHref = (id: number) => `/visits?${new URLSearchParams({ ...params, liaison: String(id) })}`;
  // An enterprise or project chosen elsewhere (its page, a link) is named from the rows it selects.
  const first = list.items[0];
  return (
    <>
      <PageHeader title="走访记录" subtitle="谁在何时以何种方式走访了哪家企业；企业现场反映的问题随走访登记">
        {can(actor, "issue.write") && (
          <Link href="/visits/new" className={buttonClass({ className: "no-print" })}>
            登记走访
          </Link>
        )}
      </PageHeader>
      <FilterBar action="/visits" aria-label="筛选走访记录" reset="/visits">
        {(["enterprise", "project", "from", "to"] as const).map((k) => filters[k] !== undefined && <input key={k} type="hidden" name={k} value={String(filters[k])} />)}
        <FilterInput label="企业" name="q" defaultValue={filters.q ?? ""} placeholder="企业名称或信用代码" className="w-48" />
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        <FilterSelect label="走访人" name="liaison" value={filters.liaison} options={liaisons.map((u) => [u.id, u.name] as const)} />
        <FilterSelect label="方式" name="kind" value={filters.kind} options={VISIT_KINDS.map((k) => [k, VISIT_KIND_LABELS[k]] as const)} />
        <FilterInput label="月份" type="month" name="month" defaultValue={filters.month ?? ""} />
        <FilterSelect label="每页" name="pageSize" value={filters.pageSize} options={ISSUE_PAGE_SIZES.map((n) => [n, `${n} 条`] as const)} allLabel={null} />
      </FilterBar>
      {(filters.enterprise || filters.project || filters.from || filters.to) && (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="visit-scope">
          {filters.enterprise && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              企业：{first?.enterpriseName ?? `#${filters.enterprise}`}{" "}
              <Link href={without("enterprise")} className="ml-1 text-slate-500 hover:text-brand-600" aria-label="取消企业筛选">
                ×
              </Link>
            </span>
          )}
          {filters.project && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              项目：{first?.projectName ?? `#${filters.project}`}{" "}
              <Link href={without("project")} className="ml-1 text-slate-500 hover:text-brand-600" aria-label="取消项目筛选">
                ×
              </Link>
            </span>
          )}
          {(filters.from || filters.to) && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              走访日期：{filters.from ?? "…"} 至 {filters.to ?? "…"}{" "}
              <Link href={`/visits?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== "from" && k !== "to"))}`} className="ml-1 text-slate-500 hover:text-brand-600" aria-label="取消日期筛选">
                ×
              </Link>
            </span>
          )}
        </div>
      )}
      <FilterErrors errors={errors} />
      <VisitTable items={list.items} liaisonHref={liaisonHref} />
      <Pagination basePath="/visits" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
