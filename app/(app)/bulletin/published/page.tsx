import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { publishedBulletinListSchema } from "@/lib/validation/published-bulletins";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listPublishedBulletins } from "@/lib/server/bulletin/published-bulletin";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect, recentYears } from "@/components/ui/filter-select";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { PublishedTable } from "@/components/bulletin/published-table";
import { buttonClass } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("bulletin");
  return { title: t("publishedList") };
}

export default async function PublishedBulletinsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { filters, errors } = parseUrlFilters(publishedBulletinListSchema, await searchParams);
  // A park and a region at once: the park wins (the list of that park's own bulletins).
  const query = { ...filters, region: filters.park ? undefined : filters.region, pageSize: 20 };
  const [list, scopes, t] = await Promise.all([orNotFound(listPublishedBulletins(actor, query)), listDashboardScopes(actor), getT("bulletin")]);
  return (
    <>
      <PageHeader title={t("publishedList")} subtitle={t("list.subtitle")}>
        <Link href="/bulletin" className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          {t("list.back")}
        </Link>
      </PageHeader>
      <FilterBar action="/bulletin/published" aria-label={t("list.filterLabel")} reset="/bulletin/published">
        {scopes.regions.length > 0 && <FilterSelect label={t("list.region")} name="region" value={query.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel={t("list.all")} />}
        <FilterSelect label={t("list.park")} name="park" value={query.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel={t("list.all")} />
        <FilterSelect label={t("list.year")} name="year" value={query.year} options={recentYears().map(([y]) => [y, t("yearOption", { year: y })] as const)} allLabel={t("list.allYears")} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <PublishedTable rows={list.rows} />
      <Pagination basePath="/bulletin/published" params={filterParams({ park: query.park, region: query.region, year: query.year })} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
