import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { can } from "@/lib/domain/permissions";
import { listVisitLiaisons, listVisits } from "@/lib/server/visits/list-visits";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { VISIT_KINDS } from "@/lib/domain/issues";
import { getT } from "@/lib/i18n/server";
import { ISSUE_PAGE_SIZES, type VisitFilters, parseVisitFilters } from "@/lib/validation/issues";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { FilterBar, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { VisitTable } from "@/components/visits/visit-table";
import { buttonClass } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("visits");
  return { title: t("title") };
}

export default async function VisitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "issue.read");
  const { filters, errors } = parseVisitFilters(await searchParams);
  const [list, parks, liaisons] = await Promise.all([orNotFound(listVisits(actor, filters)), listVisibleParks(actor, { includeArchived: true }), listVisitLiaisons(actor)]);
  const [t, tc] = await Promise.all([getT("visits"), getT("common")]);
  const params = filterParams(filters);
  const without = (key: keyof VisitFilters) => `/visits?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== key))}`;
  const liaisonHref = (id: number) => `/visits?${new URLSearchParams({ ...params, liaison: String(id) })}`;
  // An enterprise or project chosen elsewhere (its page, a link) is named from the rows it selects.
  const first = list.items[0];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        {can(actor, "issue.write") && (
          <Link href="/visits/new" className={buttonClass({ className: "no-print" })}>
            {t("logVisit")}
          </Link>
        )}
      </PageHeader>
      <FilterBar action="/visits" aria-label={t("filter.aria")} reset="/visits">
        {(["enterprise", "project", "from", "to"] as const).map((k) => filters[k] !== undefined && <input key={k} type="hidden" name={k} value={String(filters[k])} />)}
        <FilterInput label={t("filter.enterprise")} name="q" defaultValue={filters.q ?? ""} placeholder={t("filter.enterprisePlaceholder")} className="w-48" />
        {parks.length > 1 && <FilterSelect label={t("filter.park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("filter.allParks")} />}
        <FilterSelect label={t("filter.liaison")} name="liaison" value={filters.liaison} options={liaisons.map((u) => [u.id, u.name] as const)} />
        <FilterSelect label={t("filter.kind")} name="kind" value={filters.kind} options={VISIT_KINDS.map((k) => [k, tc(`enum.visitKind.${k}`)] as const)} />
        <FilterInput label={t("filter.month")} type="month" name="month" defaultValue={filters.month ?? ""} />
        <FilterSelect label={t("filter.pageSize")} name="pageSize" value={filters.pageSize} options={ISSUE_PAGE_SIZES.map((n) => [n, t("filter.perPage", { n })] as const)} allLabel={null} />
      </FilterBar>
      {(filters.enterprise || filters.project || filters.from || filters.to) && (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm" data-testid="visit-scope">
          {filters.enterprise && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              {t("scope.enterprise", { name: first?.enterpriseName ?? `#${filters.enterprise}` })}{" "}
              <Link href={without("enterprise")} className="ml-1 text-slate-500 hover:text-brand-600" aria-label={t("scope.clearEnterprise")}>
                ×
              </Link>
            </span>
          )}
          {filters.project && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              {t("scope.project", { name: first?.projectName ?? `#${filters.project}` })}{" "}
              <Link href={without("project")} className="ml-1 text-slate-500 hover:text-brand-600" aria-label={t("scope.clearProject")}>
                ×
              </Link>
            </span>
          )}
          {(filters.from || filters.to) && (
            <span className="rounded bg-brand-50 px-2 py-1 text-brand-900">
              {t("scope.dates", { from: filters.from ?? "…", to: filters.to ?? "…" })}{" "}
              <Link href={`/visits?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== "from" && k !== "to"))}`} className="ml-1 text-slate-500 hover:text-brand-600" aria-label={t("scope.clearDates")}>
                ×
              </Link>
            </span>
          )}
        </div>
      )}
      <FilterErrors errors={errors} />
      <VisitTable items={list.items} liaisonHref={liaisonHref} />
      <Pagination basePath="/visits" params={params} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
