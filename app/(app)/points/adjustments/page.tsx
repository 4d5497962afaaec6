import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { POINT_EARNERS, type PointEarner, formatPoints } from "@/lib/domain/points";
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
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("points");
  return { title: t("adjustments.title") };
}

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
  const [t, locale] = await Promise.all([getT("points"), getRequestLocale()]);
  const earnerLabel = (e: string) => ((POINT_EARNERS as readonly string[]).includes(e) ? t(`earner.${e as PointEarner}`) : e);
  return (
    <>
      <PageHeader title={t("adjustments.title")} subtitle={t("adjustments.subtitle")}>
        <Link href={`/points?park=${parkId}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          {t("backToBoard")}
        </Link>
      </PageHeader>
      {parks.length > 1 && (
        <FilterBar action="/points/adjustments" aria-label={t("adjustments.filterAria")}>
          <FilterSelect label={t("adjustments.park")} name="park" value={parkId} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        </FilterBar>
      )}
      <FilterErrors errors={errors} />
      <Section title={t("adjustments.new")} className="no-print mb-4" labelled>
        <ClientMessages locale={locale} namespaces={["points"]}>
          <PointAdjustmentForm parkId={parkId} people={people} today={todayInShanghai()} />
        </ClientMessages>
      </Section>
      <DataTable
        caption={t("adjustments.caption")}
        testId="point-adjustments"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("adjustments.empty")}
        columns={[
          { header: t("adjustments.date"), cell: (r) => r.date, stacked: "title" },
          { header: t("adjustments.earner"), cell: (r) => t("table.earnerOf", { earner: earnerLabel(r.earner), name: r.userName ?? r.unit ?? "" }) },
          { header: t("adjustments.points"), numeric: true, cell: (r) => <strong className={r.points > 0 ? "text-emerald-700" : "text-red-700"}>{formatPoints(r.points)}</strong> },
          { header: t("adjustments.reason"), cell: (r) => r.reason },
          { header: t("adjustments.enteredBy"), cell: (r) => r.createdByName },
        ]}
      />
      <Pagination basePath="/points/adjustments" params={{ park: parkId }} page={filters.page} pageCount={Math.max(1, Math.ceil(list.total / 50))} total={list.total} />
    </>
  );
}
