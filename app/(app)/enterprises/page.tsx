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
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("enterprises");
  return { title: t("title") };
}

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseEnterpriseFilters(await searchParams);
  const [result, parks] = await Promise.all([orNotFound(listEnterprises(actor, filters)), listVisibleParks(actor)]);
  const { page: _page, ...params } = filters;
  const canCreate = parksWith(actor, "project.write").length > 0;
  const [t, locale] = await Promise.all([getT("enterprises"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["enterprises"]}>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        {canCreate && (
          <Link href={filters.park ? `/enterprises/new?park=${filters.park}` : "/enterprises/new"} className={buttonClass({ className: "no-print" })}>
            {t("new")}
          </Link>
        )}
      </PageHeader>
      <EnterpriseFiltersForm filters={filters} parks={parks} />
      <FilterErrors errors={errors} />
      <EnterpriseTable items={result.items} showPark={parks.length > 1} />
      <Pagination basePath="/enterprises" params={params} page={result.page} pageCount={result.pageCount} total={result.total} />
    </ClientMessages>
  );
}
