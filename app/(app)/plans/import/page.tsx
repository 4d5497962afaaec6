import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { plansPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Alert } from "@/components/ui/alert";
import { PlanImport } from "@/components/plans/plan-import";
import { planYearOptions } from "@/components/plans/plan-years";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("plans");
  return { title: t("import.title") };
}

export default async function PlanImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.write");
  const { filters, errors } = parseUrlFilters(plansPageSchema, await searchParams);
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const year = filters.year ?? currentYear;
  const parks = await listVisibleParks(actor, { permission: "project.write" });
  const writable = new Set(parksWith(actor, "project.write"));
  const park = parks.find((p) => p.id === (filters.park ?? parks[0]?.id) && writable.has(p.id));
  const [t, locale] = await Promise.all([getT("plans"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["plans", "importLedger"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/plans?${new URLSearchParams({ ...(park ? { park: String(park.id) } : {}), year: String(year) })}`} className="text-brand-600 hover:underline">
          {t("import.back")}
        </Link>
      </div>
      <PageHeader title={park ? t("import.titleOf", { park: park.name, year }) : t("import.title")} subtitle={t("import.subtitle")} />
      <FilterBar action="/plans/import" submitLabel={t("import.choose")} aria-label={t("import.filterLabel")}>
        <FilterSelect label={t("filter.park")} name="park" value={park?.id} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label={t("filter.year")} name="year" value={year} options={planYearOptions(currentYear, year, (y, cur) => t(cur ? "thisYear" : "year", { year: y }))} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {park ? <PlanImport key={`${park.id}-${year}`} parkId={park.id} parkName={park.name} year={year} /> : <Alert tone="warning">{t("import.noParks")}</Alert>}
    </ClientMessages>
  );
}
