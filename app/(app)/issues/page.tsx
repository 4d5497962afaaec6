import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parseIssueFilters } from "@/lib/validation/issues";
import { listIssues } from "@/lib/server/issues/list-issues";
import { issueFigures } from "@/lib/server/issues/issue-figures";
import { firstContactStats } from "@/lib/server/first-contact/list-first-contact";
import { FirstContactFigures } from "@/components/first-contact/first-contact-facts";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { can } from "@/lib/domain/permissions";
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUSES, ISSUE_STATUS_LABELS } from "@/lib/domain/issues";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadLink } from "@/components/ui/download-link";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { FilterBar, FilterCheck, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { IssueFiguresCards } from "@/components/issues/issue-figures-cards";
import { IssueTable } from "@/components/issues/issue-table";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "企业诉求" };

export default async function IssuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.read");
  const { filters, errors } = parseIssueFilters(await searchParams);
  const [list, figures, parks, firstContact] = await Promise.all([
    orNotFound(listIssues(actor, filters)),
    orNotFound(issueFigures(actor, filters)),
    listVisibleParks(actor),
    firstContactStats(actor, filters.park),
  ]);
  const params = filterParams(filters);
  const drill = (extra: Record<string, string>) => `/issues?${new URLSearchParams({ ...params, ...extra, pageSize: String(filters.pageSize) })}`;
  return (
    <>
      <PageHeader title="企业诉求" subtitle="企业反映的问题从收集、交办、办理、反馈到销号的全过程；超期的在前">
        <div className="flex flex-wrap items-center gap-2">
          <DownloadLink href={`/api/export/issues?${new URLSearchParams(params)}`} className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
            导出 Excel
          </DownloadLink>
          {can(actor, "issue.write") && (
            <Link href="/visits/new" className={buttonClass({ className: "no-print" })}>
              登记走访/问题
            </Link>
          )}
        </div>
      </PageHeader>
      <IssueFiguresCards f={figures} drill={drill} />
      <FirstContactFigures s={firstContact} />
      <FilterBar action="/issues" aria-label="筛选问题" reset="/issues">
        <FilterInput label="搜索" name="q" defaultValue={filters.q ?? ""} placeholder="问题、企业或编号" className="w-48" />
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        <FilterSelect label="类别" name="category" value={filters.category} options={ISSUE_CATEGORIES.map((c) => [c, ISSUE_CATEGORY_LABELS[c]] as const)} />
        <FilterSelect label="状态" name="status" value={filters.status} options={ISSUE_STATUSES.map((s) => [s, ISSUE_STATUS_LABELS[s]] as const)} />
        <FilterSelect label="层级" name="level" value={filters.level} options={[1, 2, 3].map((l) => [l, ISSUE_LEVEL_LABELS[l]] as const)} />
        <FilterInput label="提出日期起" type="date" name="raisedFrom" defaultValue={filters.raisedFrom ?? ""} />
        <FilterInput label="提出日期止" type="date" name="raisedTo" defaultValue={filters.raisedTo ?? ""} />
        <FilterCheck label="只看超期" name="overdue" checked={!!filters.overdue} />
        <FilterCheck label="只看未销号" name="open" checked={!!filters.open} />
        <FilterCheck label="我的待办" name="mine" checked={!!filters.mine} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <IssueTable items={list.items} />
      <Pagination basePath="/issues" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
