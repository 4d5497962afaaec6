import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { POINT_EARNER_LABELS, type PointEarner, formatPoints } from "@/lib/domain/points";
import { parseUrlFilters, urlId, urlPage } from "@/lib/validation/url-filters";
import { listAdjustablePeople, listPointAdjustments } from "@/lib/server/points/create-point-adjustment";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { Pagination } from "@/components/ui/pagination";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { buttonClass } from "@/components/ui/button";
import { PointAdjustmentForm } from "@/components/points/point-adjustment-form";

export const metadata: Metadata = { title: "人工加减分" };

const querySchema = z.object({ park: urlId("园区").optional(), page: urlPage() });

export default async function PointAdjustmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "points.adjust");
  const { filters, errors } = parseUrlFilters(querySchema, await searchParams);
  const own = parksWith(actor, "points.adjust");
  const scopes = await listPointScopes(actor);
  const parks = scopes.parks.filter((p) => own.includes(p.id));
  const parkId = filters.park ?? parks[0]?.id ?? own[0];
  const [list, people] = await Promise.all([orNotFound(listPointAdjustments(actor, parkId, filters.page)), orNotFound(listAdjustablePeople(actor, parkId))]);
  return (
    <>
      <PageHeader title="人工加减分" subtitle="台账记录之外的加分、减分（如企业书面表扬、上级通报批评），由园区领导录入并写明理由；在排行和明细中单独标明为人工加减分。">
        <Link href={`/points?park=${parkId}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          返回积分排行
        </Link>
      </PageHeader>
      {parks.length > 1 && (
        <FilterBar action="/points/adjustments" aria-label="选择园区">
          <FilterSelect label="园区" name="park" value={parkId} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        </FilterBar>
      )}
      <FilterErrors errors={errors} />
      <Section title="新增加减分" className="no-print mb-4" labelled>
        <PointAdjustmentForm parkId={parkId} people={people} today={todayInShanghai()} />
      </Section>
      <DataTable
        caption="人工加减分记录"
        testId="point-adjustments"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty="尚无人工加减分"
        columns={[
          { header: "日期", cell: (r) => r.date, stacked: "title" },
          { header: "得分对象", cell: (r) => `${POINT_EARNER_LABELS[r.earner as PointEarner]}：${r.userName ?? r.unit ?? ""}` },
          { header: "分值", numeric: true, cell: (r) => <strong className={r.points > 0 ? "text-emerald-700" : "text-red-700"}>{formatPoints(r.points)}</strong> },
          { header: "理由", cell: (r) => r.reason },
          { header: "录入人", cell: (r) => r.createdByName },
        ]}
      />
      <Pagination basePath="/points/adjustments" params={{ park: parkId }} page={filters.page} pageCount={Math.max(1, Math.ceil(list.total / 50))} total={list.total} />
    </>
  );
}
