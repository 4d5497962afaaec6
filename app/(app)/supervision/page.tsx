import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { SUPERVISION_STATUSES, SUPERVISION_STATUS_LABELS } from "@/lib/domain/supervision";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { type SupervisionRow, listSupervisions } from "@/lib/server/supervision/list-supervisions";
import { parseSupervisionFilters } from "@/lib/validation/supervision";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { FilterBar, FilterCheck, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "督办事项" };

/**
 * 督办事项: the letters issued on red projects and overdue problems, filtered by park, status,
 * overdue and "addressed to me", paged in SQL. Everyone signed in sees the letters addressed to
 * them; leaders and staff see their parks'.
 */
export default async function SupervisionListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseSupervisionFilters(await searchParams);
  const [list, parks] = await Promise.all([orNotFound(listSupervisions(actor, filters)), listVisibleParks(actor)]);
  const params: Record<string, string> = {};
  if (filters.parkId) params.parkId = String(filters.parkId);
  if (filters.status) params.status = filters.status;
  if (filters.overdue) params.overdue = "1";
  if (filters.mine) params.mine = "1";
  if (filters.pageSize !== 20) params.pageSize = String(filters.pageSize);
  return (
    <>
      <PageHeader title="督办事项" subtitle="对红灯项目和超期问题下发的督办函：待回复、待审核、已退回与已销号；超期未回复的标红。下发督办函请从亮灯督办红榜或超期问题页面进入" />
      <FilterBar action="/supervision" aria-label="筛选督办事项" reset="/supervision">
        {parks.length > 1 && <FilterSelect label="园区" name="parkId" value={filters.parkId} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        <FilterSelect label="状态" name="status" value={filters.status} options={SUPERVISION_STATUSES.map((s) => [s, SUPERVISION_STATUS_LABELS[s]] as const)} />
        <FilterCheck label="只看超期" name="overdue" checked={filters.overdue} />
        <FilterCheck label="交给我的" name="mine" checked={filters.mine} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <DataTable<SupervisionRow>
        caption="督办事项"
        rows={list.items}
        rowKey={(r) => r.id}
        empty="没有符合条件的督办事项"
        columns={[
          { header: "督办事项", cell: (r) => <TitleCell href={`/supervision/${r.id}`} title={r.subject} sub={`${r.code} · ${r.target}`} /> },
          { header: "园区", cell: (r) => r.parkName },
          { header: "责任人", cell: (r) => `${r.recipientName}${r.recipientUnit ? `（${r.recipientUnit}）` : ""}` },
          { header: "督办领导", cell: (r) => r.issuedByName },
          { header: "下发日期", cell: (r) => r.issuedDate },
          { header: "办理时限", cell: (r) => <span className={r.overdue ? "font-medium text-red-600" : ""}>{r.deadline}{r.overdue ? "（超期）" : ""}</span> },
          { header: "状态", cell: (r) => (r.status === "CLOSED" ? `已销号 ${r.closedDate ?? ""}` : SUPERVISION_STATUS_LABELS[r.status]) },
        ]}
      />
      <Pagination basePath="/supervision" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
      <p className="no-print mt-4 text-sm text-slate-500">
        <Link href="/warnings" className="text-brand-600 hover:underline">
          亮灯督办红榜 →
        </Link>
      </p>
    </>
  );
}
