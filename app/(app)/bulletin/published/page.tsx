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

export const metadata: Metadata = { title: "已发布通报" };

export default async function PublishedBulletinsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { filters, errors } = parseUrlFilters(publishedBulletinListSchema, await searchParams);
  // A park and a region at once: the park wins (the list of that park's own bulletins).
  const query = { ...filters, region: filters.park ? undefined : filters.region, pageSize: 20 };
  const [list, scopes] = await Promise.all([orNotFound(listPublishedBulletins(actor, query)), listDashboardScopes(actor)]);
  return (
    <>
      <PageHeader title="已发布通报" subtitle="定稿发布的月度通报：数字在定稿时冻结，永久按定稿内容显示、打印和下载；有错误时发布更正版，旧版本保留并注明已被取代">
        <Link href="/bulletin" className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          返回月度通报
        </Link>
      </PageHeader>
      <FilterBar action="/bulletin/published" aria-label="筛选已发布通报" reset="/bulletin/published">
        {scopes.regions.length > 0 && <FilterSelect label="市州" name="region" value={query.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="全部" />}
        <FilterSelect label="园区" name="park" value={query.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel="全部" />
        <FilterSelect label="年份" name="year" value={query.year} options={recentYears()} allLabel="全部年份" />
      </FilterBar>
      <FilterErrors errors={errors} />
      <PublishedTable rows={list.rows} />
      <Pagination basePath="/bulletin/published" params={filterParams({ park: query.park, region: query.region, year: query.year })} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
