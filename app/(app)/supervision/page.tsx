import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { SUPERVISION_STATUSES } from "@/lib/domain/supervision";
import { getT } from "@/lib/i18n/server";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { type SupervisionRow, listSupervisions } from "@/lib/server/supervision/list-supervisions";
import { parseSupervisionFilters } from "@/lib/validation/supervision";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { FilterBar, FilterCheck, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("supervision");
  return { title: t("title") };
}

/**
 * 督办事项: the letters issued on red projects and overdue problems, filtered by park, status,
 * overdue and "addressed to me", paged in SQL. Everyone signed in sees the letters addressed to
 * them; leaders and staff see their parks'.
 */
export default async function SupervisionListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseSupervisionFilters(await searchParams);
  const [list, parks] = await Promise.all([orNotFound(listSupervisions(actor, filters)), listVisibleParks(actor)]);
  const t = await getT("supervision");
  // The server writes a letter's target as "问题 <code> <title>" / "项目 <name>": the word in the language, the rest as stored.
  const target = (text: string) => {
    const m = /^(问题|项目) (.*)$/su.exec(text);
    return m ? t(m[1] === "问题" ? "list.targetIssue" : "list.targetProject", { rest: m[2] }) : text;
  };
  const params: Record<string, string> = {};
  if (filters.parkId) params.parkId = String(filters.parkId);
  if (filters.status) params.status = filters.status;
  if (filters.overdue) params.overdue = "1";
  if (filters.mine) params.mine = "1";
  if (filters.pageSize !== 20) params.pageSize = String(filters.pageSize);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("list.subtitle")} />
      <FilterBar action="/supervision" aria-label={t("list.filterAria")} reset="/supervision">
        {parks.length > 1 && <FilterSelect label={t("list.park")} name="parkId" value={filters.parkId} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("list.allParks")} />}
        <FilterSelect label={t("list.status")} name="status" value={filters.status} options={SUPERVISION_STATUSES.map((s) => [s, t(`status.${s}`)] as const)} />
        <FilterCheck label={t("list.overdueOnly")} name="overdue" checked={filters.overdue} />
        <FilterCheck label={t("list.mine")} name="mine" checked={filters.mine} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <DataTable<SupervisionRow>
        caption={t("title")}
        rows={list.items}
        rowKey={(r) => r.id}
        empty={t("list.empty")}
        columns={[
          { header: t("list.subject"), cell: (r) => <TitleCell href={`/supervision/${r.id}`} title={r.subject} sub={`${r.code} · ${target(r.target)}`} /> },
          { header: t("list.park"), cell: (r) => r.parkName },
          { header: t("list.recipient"), cell: (r) => (r.recipientUnit ? t("list.recipientWithUnit", { name: r.recipientName, unit: r.recipientUnit }) : r.recipientName) },
          { header: t("list.issuedBy"), cell: (r) => r.issuedByName },
          { header: t("list.issuedDate"), cell: (r) => r.issuedDate },
          { header: t("list.deadline"), cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{r.deadline}{r.overdue ? t("list.overdue") : ""}</span> },
          { header: t("list.status"), cell: (r) => (r.status === "CLOSED" ? t("list.closedOn", { date: r.closedDate ?? "" }) : t(`status.${r.status}`)) },
        ]}
      />
      <Pagination basePath="/supervision" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
      <p className="no-print mt-4 text-sm text-slate-500">
        <Link href="/warnings" className="text-brand-600 hover:underline">
          {t("list.redList")}
        </Link>
      </p>
    </>
  );
}
