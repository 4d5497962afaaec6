import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { parseUrlFilters, urlId } from "@/lib/validation/url-filters";
import { POINT_EARNERS, POINT_EARNER_LABELS, POINT_KINDS, POINT_KIND_INFO, formatPoints, pointKindLabel } from "@/lib/domain/points";
import { getPointRules } from "@/lib/server/points/point-rules";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { PointRuleForm } from "@/components/points/point-rule-form";
import { z } from "zod";

export const metadata: Metadata = { title: "积分规则" };

const SOURCE_LABELS = { park: "本园区", region: "市州默认", default: "系统默认" } as const;
const querySchema = z.object({ park: urlId("园区").optional(), region: urlId("市州").optional() });

export default async function PointRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseUrlFilters(querySchema, await searchParams);
  const scopes = await listPointScopes(actor);
  const parkId = filters.park ?? (filters.region ? undefined : scopes.parks[0]?.id);
  if (!parkId && !filters.region) notFound();
  const view = await orNotFound(getPointRules(actor, parkId ? { parkId } : { regionId: filters.region }));
  const cell = (kind: string, earner: string) => view.cells.find((c) => c.kind === kind && c.earner === earner)!;
  return (
    <>
      <PageHeader title="积分规则" subtitle={`${view.scope.name}：每个积分事项的分值和得分对象。调整自生效日期起适用，已过去月份的积分不变；园区未设置的事项按市州默认，市州也未设置的按系统默认。`}>
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <Link href="/points" className={buttonClass({ variant: "secondary" })}>
            返回积分排行
          </Link>
        </div>
      </PageHeader>
      <FilterBar action="/points/rules" aria-label="选择园区或市州">
        <FilterSelect label="园区" name="park" value={parkId} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel={scopes.regions.length > 0 ? "—" : null} />
        {scopes.regions.length > 0 && <FilterSelect label="市州默认规则" name="region" value={filters.park ? undefined : filters.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="—" />}
      </FilterBar>
      <FilterErrors errors={errors} />
      <DataTable
        caption="当前积分规则"
        testId="point-rules"
        rows={[...POINT_KINDS]}
        rowKey={(k) => k}
        columns={[
          { header: "积分事项", cell: (k) => <span><strong>{POINT_KIND_INFO[k].label}</strong><span className="block text-xs text-slate-500">{POINT_KIND_INFO[k].description}</span></span>, stacked: "title" },
          ...POINT_EARNERS.map((e) => ({
            header: POINT_EARNER_LABELS[e],
            numeric: true,
            cell: (k: string) => {
              const c = cell(k, e);
              return (
                <span>
                  <strong>{c.points === 0 ? "不计" : formatPoints(c.points)}</strong>
                  <span className="block text-xs text-slate-500">{SOURCE_LABELS[c.source]}</span>
                  {c.next && <span className="block text-xs text-amber-700">{c.next.from} 起 {formatPoints(c.next.points)}</span>}
                </span>
              );
            },
          })),
        ]}
      />
      {view.canEdit && (
        <Section title="调整规则" className="no-print mt-4" labelled>
          <PointRuleForm target={view.scope.parkId ? { parkId: view.scope.parkId } : { regionId: view.scope.regionId! }} earliest={view.earliestEffective} />
        </Section>
      )}
      <Section title="调整记录" className="mt-4" labelled>
        <DataTable
          caption="积分规则调整记录"
          rows={view.versions}
          rowKey={(v) => v.id}
          empty="尚未调整过，全部按系统默认"
          columns={[
            { header: "生效日期", cell: (v) => v.effectiveFrom, stacked: "title" },
            { header: "积分事项", cell: (v) => pointKindLabel(v.kind) },
            { header: "得分对象", cell: (v) => POINT_EARNER_LABELS[v.earner] },
            { header: "分值", numeric: true, cell: (v) => formatPoints(v.points) },
            { header: "层级", cell: (v) => (v.level === "park" ? "本园区" : "市州默认") },
            { header: "说明", cell: (v) => v.note ?? "" },
            { header: "设置人", cell: (v) => v.createdByName },
          ]}
        />
      </Section>
    </>
  );
}
