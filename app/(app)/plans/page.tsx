import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatWanIn } from "@/lib/i18n/format";
import { PLAN_LIST_FILTERS, plansPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listParkPlans } from "@/lib/server/plans/list-park-plans";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { PlanGrid } from "@/components/plans/plan-grid";
import { planYearOptions } from "@/components/plans/plan-years";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("plans");
  return { title: t("title") };
}

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseUrlFilters(plansPageSchema, await searchParams);
  const currentYear = Number(todayInShanghai().slice(0, 4));
  const year = filters.year ?? currentYear;
  const writable = parksWith(actor, "project.write");
  const park = filters.park ?? writable[0] ?? parksWith(actor, "project.read")[0];
  const [parks, list] = await Promise.all([
    listVisibleParks(actor, { permission: "project.read" }),
    park ? orNotFound(listParkPlans(actor, park, { year, q: filters.q, only: filters.only, page: filters.page, pageSize: filters.pageSize })) : null,
  ]);
  const params = filterParams({ park, year, q: filters.q, only: filters.only });
  const qs = new URLSearchParams({ park: String(park ?? ""), year: String(year) }).toString();
  const [t, locale] = await Promise.all([getT("plans"), getRequestLocale()]);
  const formatWan = (v: Parameters<typeof formatWanIn>[1]) => formatWanIn(locale, v);
  return (
    <ClientMessages locale={locale} namespaces={["plans"]}>
      <PageHeader
        title={list ? t("titleOf", { park: list.parkName, year }) : t("title")}
        subtitle={t("subtitle")}
      >
        {list && (
          <div className="no-print flex flex-wrap gap-2">
            <a href={`/api/plans/export?${qs}`} download className={buttonClass({ variant: "secondary" })}>
              {t("export")}
            </a>
            {list.canEdit && (
              <>
                <Link href={`/plans/import?${qs}`} className={buttonClass({ variant: "secondary" })}>
                  {t("importExcel")}
                </Link>
                {year <= currentYear && (
                  <Link href={`/plans/carry-over?${qs}`} className={buttonClass({ variant: "secondary" })}>
                    {t("carryOver", { year: year + 1 })}
                  </Link>
                )}
              </>
            )}
          </div>
        )}
      </PageHeader>
      <FilterBar action="/plans" submitLabel={t("filter.view")} reset="/plans" aria-label={t("filter.label")}>
        <FilterSelect label={t("filter.park")} name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label={t("filter.year")} name="year" value={year} options={planYearOptions(currentYear, year, (y, cur) => t(cur ? "thisYear" : "year", { year: y }))} allLabel={null} />
        <FilterInput label={t("filter.search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("filter.searchPlaceholder")} className="w-48" />
        <FilterSelect label={t("filter.scope")} name="only" value={filters.only} options={PLAN_LIST_FILTERS.map((o) => [o, t(`only.${o}`)] as const)} allLabel={t("filter.allProjects")} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {!list ? (
        <Alert tone="warning">{t("noParks")}</Alert>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" data-testid="plan-totals">
            {t.rich("totals.main", {
              year,
              planned: list.totals.planned,
              investment: formatWan(list.totals.plannedInvestment),
              start: list.totals.planStart,
              production: list.totals.planProduction,
              strong: (c) => <strong>{c}</strong>,
            })}
            {year <= currentYear && t("totals.completed", { amount: formatWan(list.totals.completed) })}
            {list.archived && <span className="ml-2 text-amber-800">{t("totals.archived")}</span>}
            {!list.canEdit && !list.archived && <span className="ml-2 text-slate-500">{t("totals.readOnly")}</span>}
          </p>
          <PlanGrid key={`${park}-${year}-${list.page}-${filters.q ?? ""}-${filters.only ?? ""}`} parkId={list.parkId} year={year} currentYear={currentYear} rows={list.rows} canEdit={list.canEdit} />
          <Pagination basePath="/plans" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
        </>
      )}
    </ClientMessages>
  );
}
