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
import { ISSUE_CATEGORIES, ISSUE_STATUSES } from "@/lib/domain/issues";
import { getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadLink } from "@/components/ui/download-link";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { FilterBar, FilterCheck, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { IssueFiguresCards } from "@/components/issues/issue-figures-cards";
import { IssueTable } from "@/components/issues/issue-table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("issues");
  return { title: t("title") };
}

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
  const [t, tc] = await Promise.all([getT("issues"), getT("common")]);
  const params = filterParams(filters);
  const drill = (extra: Record<string, string>) => `/issues?${new URLSearchParams({ ...params, ...extra, pageSize: String(filters.pageSize) })}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <div className="flex flex-wrap items-center gap-2">
          <DownloadLink href={`/api/export/issues?${new URLSearchParams(params)}`} className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50">
            {t("exportExcel")}
          </DownloadLink>
          {can(actor, "issue.write") && (
            <Link href="/visits/new" className={buttonClass({ className: "no-print" })}>
              {t("logVisitIssue")}
            </Link>
          )}
        </div>
      </PageHeader>
      <IssueFiguresCards f={figures} drill={drill} />
      <FirstContactFigures s={firstContact} />
      <FilterBar action="/issues" aria-label={t("filter.aria")} reset="/issues">
        <FilterInput label={t("filter.search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("filter.searchPlaceholder")} className="w-48" />
        {parks.length > 1 && <FilterSelect label={t("filter.park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("filter.allParks")} />}
        <FilterSelect label={t("filter.category")} name="category" value={filters.category} options={ISSUE_CATEGORIES.map((c) => [c, tc(`enum.issueCategory.${c}`)] as const)} />
        <FilterSelect label={t("filter.status")} name="status" value={filters.status} options={ISSUE_STATUSES.map((s) => [s, tc(`enum.issueStatus.${s}`)] as const)} />
        <FilterSelect label={t("filter.level")} name="level" value={filters.level} options={([1, 2, 3] as const).map((l) => [l, tc(`enum.issueLevel.L${l}`)] as const)} />
        <FilterInput label={t("filter.raisedFrom")} type="date" name="raisedFrom" defaultValue={filters.raisedFrom ?? ""} />
        <FilterInput label={t("filter.raisedTo")} type="date" name="raisedTo" defaultValue={filters.raisedTo ?? ""} />
        <FilterCheck label={t("filter.overdue")} name="overdue" checked={!!filters.overdue} />
        <FilterCheck label={t("filter.open")} name="open" checked={!!filters.open} />
        <FilterCheck label={t("filter.mine")} name="mine" checked={!!filters.mine} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <IssueTable items={list.items} />
      <Pagination basePath="/issues" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
