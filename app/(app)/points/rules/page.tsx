import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { parseUrlFilters, urlId } from "@/lib/validation/url-filters";
import { POINT_EARNERS, POINT_KINDS, formatPoints } from "@/lib/domain/points";
import { getPointRules } from "@/lib/server/points/point-rules";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { PrintButton } from "@/components/ui/print-button";
import { buttonClass } from "@/components/ui/button";
import { PointRuleForm } from "@/components/points/point-rule-form";
import { pointKindKey } from "@/components/points/point-events-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("points");
  return { title: t("rules.title") };
}

const querySchema = z.object({ park: urlId("园区").optional(), region: urlId("市州").optional() });

export default async function PointRulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseUrlFilters(querySchema, await searchParams);
  const scopes = await listPointScopes(actor);
  const parkId = filters.park ?? (filters.region ? undefined : scopes.parks[0]?.id);
  if (!parkId && !filters.region) notFound();
  const view = await orNotFound(getPointRules(actor, parkId ? { parkId } : { regionId: filters.region }));
  const [t, locale] = await Promise.all([getT("points"), getRequestLocale()]);
  const kindLabel = (kind: string) => {
    const k = pointKindKey(kind);
    return k ? t(`kind.${k}`) : kind;
  };
  const cell = (kind: string, earner: string) => view.cells.find((c) => c.kind === kind && c.earner === earner)!;
  return (
    <>
      <PageHeader title={t("rules.title")} subtitle={t("rules.subtitle", { scope: view.scope.name })}>
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <Link href="/points" className={buttonClass({ variant: "secondary" })}>
            {t("backToBoard")}
          </Link>
        </div>
      </PageHeader>
      <FilterBar action="/points/rules" aria-label={t("rules.filterAria")}>
        <FilterSelect label={t("rules.park")} name="park" value={parkId} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel={scopes.regions.length > 0 ? "—" : null} />
        {scopes.regions.length > 0 && <FilterSelect label={t("rules.region")} name="region" value={filters.park ? undefined : filters.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="—" />}
      </FilterBar>
      <FilterErrors errors={errors} />
      <DataTable
        caption={t("rules.caption")}
        testId="point-rules"
        rows={[...POINT_KINDS]}
        rowKey={(k) => k}
        columns={[
          { header: t("rules.kind"), cell: (k) => <span><strong>{t(`kind.${k}`)}</strong><span className="block text-xs text-slate-500">{t(`kindDescription.${k}`)}</span></span>, stacked: "title" },
          ...POINT_EARNERS.map((e) => ({
            header: t(`earner.${e}`),
            numeric: true,
            cell: (k: string) => {
              const c = cell(k, e);
              return (
                <span>
                  <strong>{c.points === 0 ? t("rules.notCounted") : formatPoints(c.points)}</strong>
                  <span className="block text-xs text-slate-500">{t(`rules.source.${c.source}`)}</span>
                  {c.next && <span className="block text-xs text-amber-700">{t("rules.next", { date: c.next.from, points: formatPoints(c.next.points) })}</span>}
                </span>
              );
            },
          })),
        ]}
      />
      {view.canEdit && (
        <Section title={t("rules.adjust")} className="no-print mt-4" labelled>
          <ClientMessages locale={locale} namespaces={["points"]}>
            <PointRuleForm target={view.scope.parkId ? { parkId: view.scope.parkId } : { regionId: view.scope.regionId! }} earliest={view.earliestEffective} />
          </ClientMessages>
        </Section>
      )}
      <Section title={t("rules.history")} className="mt-4" labelled>
        <DataTable
          caption={t("rules.historyCaption")}
          rows={view.versions}
          rowKey={(v) => v.id}
          empty={t("rules.historyEmpty")}
          columns={[
            { header: t("rules.effectiveFrom"), cell: (v) => v.effectiveFrom, stacked: "title" },
            { header: t("rules.kind"), cell: (v) => kindLabel(v.kind) },
            { header: t("rules.earner"), cell: (v) => t(`earner.${v.earner}`) },
            { header: t("rules.points"), numeric: true, cell: (v) => formatPoints(v.points) },
            { header: t("rules.level"), cell: (v) => (v.level === "park" ? t("rules.source.park") : t("rules.source.region")) },
            { header: t("rules.note"), cell: (v) => v.note ?? "" },
            { header: t("rules.setBy"), cell: (v) => v.createdByName },
          ]}
        />
      </Section>
    </>
  );
}
