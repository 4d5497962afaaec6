import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parseIssueFilters, type IssueFilters } from "@/lib/validation/issues";
import { listIssues } from "@/lib/server/issues/list-issues";
import { issueFigures } from "@/lib/server/issues/issue-figures";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { can } from "@/lib/domain/permissions";
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUSES, ISSUE_STATUS_LABELS } from "@/lib/domain/issues";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { FilterSelect, filterField } from "@/components/ui/filter-select";
import { IssueFiguresCards } from "@/components/issues/issue-figures-cards";
import { IssueTable } from "@/components/issues/issue-table";
import { Button, buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "企业诉求" };

function toParams(f: IssueFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || k === "page") continue;
    out[k] = String(v);
  }
  return out;
}

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.read");
  const { filters, errors } = parseIssueFilters(await searchParams);
  const [list, figures, parks] = await Promise.all([orNotFound(listIssues(actor, filters)), orNotFound(issueFigures(actor, filters)), listVisibleParks(actor)]);
  const params = toParams(filters);
  const drill = (extra: Record<string, string>) => `/issues?${new URLSearchParams({ ...params, ...extra, pageSize: String(filters.pageSize) })}`;
  return (
    <>
      <PageHeader title="企业诉求" subtitle="企业反映的问题从收集、交办、办理、反馈到销号的全过程；超期的在前">
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/export/issues?${new URLSearchParams(params)}`} download className="no-print rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
            导出 Excel
          </a>
          {can(actor, "issue.write") && (
            <Link href="/visits/new" className={buttonClass({ className: "no-print" })}>
              登记走访/问题
            </Link>
          )}
        </div>
      </PageHeader>
      <IssueFiguresCards f={figures} drill={drill} />
      <form method="get" action="/issues" className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="筛选问题">
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          搜索
          <input name="q" defaultValue={filters.q ?? ""} placeholder="问题、企业或编号" className={`${filterField} w-48`} />
        </label>
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        <FilterSelect label="类别" name="category" value={filters.category} options={ISSUE_CATEGORIES.map((c) => [c, ISSUE_CATEGORY_LABELS[c]] as const)} />
        <FilterSelect label="状态" name="status" value={filters.status} options={ISSUE_STATUSES.map((s) => [s, ISSUE_STATUS_LABELS[s]] as const)} />
        <FilterSelect label="层级" name="level" value={filters.level} options={[1, 2, 3].map((l) => [l, ISSUE_LEVEL_LABELS[l]] as const)} />
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          提出日期起
          <input type="date" name="raisedFrom" defaultValue={filters.raisedFrom ?? ""} className={filterField} />
        </label>
        <label className="flex flex-col gap-1 text-xs text-slate-600">
          提出日期止
          <input type="date" name="raisedTo" defaultValue={filters.raisedTo ?? ""} className={filterField} />
        </label>
        <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!filters.overdue} /> 只看超期
        </label>
        <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
          <input type="checkbox" name="open" value="1" defaultChecked={!!filters.open} /> 只看未销号
        </label>
        <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
          <input type="checkbox" name="mine" value="1" defaultChecked={!!filters.mine} /> 我的待办
        </label>
        <Button type="submit">
          筛选
        </Button>
        <Link href="/issues" className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
          重置
        </Link>
      </form>
      {errors.length > 0 && (
        <Alert tone="warning" testId="filter-errors" className="mb-3">
          以下筛选条件无效，已忽略：{errors.join("；")}
        </Alert>
      )}
      <IssueTable items={list.items} />
      <Pagination basePath="/issues" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
