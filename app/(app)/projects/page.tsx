import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { parseProjectFilters } from "@/lib/validation/project-filters";
import { listProjects, listProjectIndustries } from "@/lib/server/projects/list-projects";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import Link from "next/link";
import { parksWith } from "@/lib/domain/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { DownloadLink } from "@/components/ui/download-link";
import { FilterErrors } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { ProjectFiltersForm } from "@/components/projects/project-filters-form";
import { ProjectTable } from "@/components/projects/project-table";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { describeMetricIn } from "@/components/dashboard/labels";
import { drillPeriod } from "@/lib/server/metrics/drill-down";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { lightIn } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("projects");
  return { title: t("list.title") };
}

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const [t, td, locale] = await Promise.all([getT("projects"), getT("dashboard"), getRequestLocale()]);
  requirePermission(actor, "project.read");
  const { filters, errors } = parseProjectFilters(await searchParams);
  const [result, parks, industries] = await Promise.all([listProjects(actor, filters), listVisibleParks(actor), listProjectIndustries(actor)]);
  const lights = Object.fromEntries([...(await getLightsForProjects(actor, result.items.map((p) => p.id)))].map(([id, l]) => [id, lightIn(l, locale)]));
  const { page: _page, ...params } = filters;
  return (
    <ClientMessages locale={locale} namespaces={["projects", "warnings"]}>
      <PageHeader title={t("list.title")} subtitle={t("list.subtitle")}>
        <div className="flex flex-wrap items-center gap-2">
          <DownloadLink
            href={`/api/export/projects?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]))}`}
            className="rounded border border-brand-600 px-4 py-2 text-sm text-brand-600 hover:bg-brand-50"
          >
            {t("list.export", { total: result.total })}
          </DownloadLink>
          {parksWith(actor, "project.write").length > 0 && (
            <Link href={filters.park ? `/projects/new?park=${filters.park}` : "/projects/new"} className={buttonClass({ className: "no-print" })}>
              {t("list.new")}
            </Link>
          )}
        </div>
      </PageHeader>
      <ProjectFiltersForm filters={filters} parks={parks} industries={industries} />
      {filters.metric && (
        <div role="status" data-testid="drill-label" className="mb-3 flex flex-wrap items-center justify-between gap-2 rounded border border-brand-600 bg-brand-50 px-3 py-2 text-sm text-brand-900">
          <span>
            {t.rich("list.drill", {
              metric: describeMetricIn(td, filters.metric, drillPeriod(filters)),
              total: result.total,
              b: (chunks) => <strong>{chunks}</strong>,
              count: (chunks) => <strong data-testid="drill-total">{chunks}</strong>,
            })}
          </span>
          <Link href="/dashboard" className="no-print text-brand-700 hover:underline">
            {t("list.backToDashboard")}
          </Link>
        </div>
      )}
      <FilterErrors errors={errors} />
      <ProjectTable items={result.items} lights={lights} />
      <Pagination basePath="/projects" params={params} page={result.page} pageCount={result.pageCount} total={result.total} />
    </ClientMessages>
  );
}
