import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { listEnterprises } from "@/lib/server/enterprises/list-enterprises";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { parseEnterpriseFilters } from "@/lib/validation/enterprises";
import { PageHeader } from "@/components/ui/page-header";
import { FilterErrors } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { EnterpriseFiltersForm } from "@/components/enterprises/enterprise-filters-form";
import { EnterpriseTable } from "@/components/enterprises/enterprise-table";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "企业档案" };

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseEnterpriseFilters(await searchParams);
  const [result, parks] = await Promise.all([orNotFound(listEnterprises(actor, filters)), listVisibleParks(actor)]);
  const { page: _page, ...params } = filters;
  const canCreate = parksWith(actor, "project.write").length > 0;
  return (
    <>
      <PageHeader title="企业档案" subtitle="一企一档：企业信息、项目、走访、问题与包保责任人；可按企业名称或统一社会信用代码搜索">
        {canCreate && (
          <Link href={filters.park ? `/enterprises/new?park=${filters.park}` : "/enterprises/new"} className={buttonClass({ className: "no-print" })}>
            新建企业
          </Link>
        )}
      </PageHeader>
      <EnterpriseFiltersForm filters={filters} parks={parks} />
      <FilterErrors errors={errors} />
      <EnterpriseTable items={result.items} showPark={parks.length > 1} />
      <Pagination basePath="/enterprises" params={params} page={result.page} pageCount={result.pageCount} total={result.total} />
    </>
  );
}
