import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatWan } from "@/lib/domain/money";
import { PLAN_LIST_FILTER_LABELS, plansPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listParkPlans } from "@/lib/server/plans/list-park-plans";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { PlanGrid } from "@/components/plans/plan-grid";
import { planYearOptions } from "@/components/plans/plan-years";

export const metadata: Metadata = { title: "年度计划" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseUrlFilters(plansPageSchema, await searchParams);
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const year = filters.year ?? currentYear;
  const writable = parksWith(actor, "project.write");
  const park = filters.park ?? writable[0] ?? parksWith(actor, "project.read")[0];
  const [parks, list] = await Promise.all([
    listVisibleParks(actor, { permission: "project.read" }),
    park ? orNotFound(listParkPlans(actor, park, { year, q: filters.q, only: filters.only, page: filters.page, pageSize: filters.pageSize })) : null,
  ]);
  const params = filterParams({ park, year, q: filters.q, only: filters.only });
  const qs = new URLSearchParams({ park: String(park ?? ""), year: String(year) }).toString();
  return (
    <>
      <PageHeader
        title={list ? `${list.parkName} · ${year}年度计划` : "年度计划"}
        subtitle="每个项目当年的计划投资（本年计划投资）、是否计划当年开工、当年投产；是年度计划口径开工率、投产率、投资完成率的分母。可以设置任何年度：往年的更正、下一年的安排。"
      >
        {list && (
          <div className="no-print flex flex-wrap gap-2">
            <a href={`/api/plans/export?${qs}`} download className={buttonClass({ variant: "secondary" })}>
              导出 Excel
            </a>
            {list.canEdit && (
              <>
                <Link href={`/plans/import?${qs}`} className={buttonClass({ variant: "secondary" })}>
                  导入 Excel
                </Link>
                {year <= currentYear && (
                  <Link href={`/plans/carry-over?${qs}`} className={buttonClass({ variant: "secondary" })}>
                    结转未完成计划到 {year + 1} 年
                  </Link>
                )}
              </>
            )}
          </div>
        )}
      </PageHeader>
      <FilterBar action="/plans" submitLabel="查看" reset="/plans" aria-label="年度计划筛选">
        <FilterSelect label="园区" name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label="年度" name="year" value={year} options={planYearOptions(currentYear, year)} allLabel={null} />
        <FilterInput label="搜索" name="q" defaultValue={filters.q ?? ""} placeholder="项目名称、编号、企业" className="w-48" />
        <FilterSelect label="范围" name="only" value={filters.only} options={Object.entries(PLAN_LIST_FILTER_LABELS)} allLabel="全部项目" />
      </FilterBar>
      <FilterErrors errors={errors} />
      {!list ? (
        <Alert tone="warning">没有可查看的园区</Alert>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" data-testid="plan-totals">
            {year} 年计划：列入 <strong>{list.totals.planned}</strong> 个项目，计划投资合计 <strong>{formatWan(list.totals.plannedInvestment)}</strong>，计划开工{" "}
            <strong>{list.totals.planStart}</strong> 个、计划投产 <strong>{list.totals.planProduction}</strong> 个
            {year <= currentYear && <>；计划内项目当年已完成投资 {formatWan(list.totals.completed)}</>}
            {list.archived && <span className="ml-2 text-amber-800">（园区已归档，只能查看）</span>}
            {!list.canEdit && !list.archived && <span className="ml-2 text-slate-500">（您在本园区只能查看，不能修改计划）</span>}
          </p>
          <PlanGrid key={`${park}-${year}-${list.page}-${filters.q ?? ""}-${filters.only ?? ""}`} parkId={list.parkId} year={year} currentYear={currentYear} rows={list.rows} canEdit={list.canEdit} />
          <Pagination basePath="/plans" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </>
  );
}
