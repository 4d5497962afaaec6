import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { listCoverage, listCoverageLiaisons } from "@/lib/server/coverage/list-coverage";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { parseCoverageFilters } from "@/lib/validation/assignments";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { FilterBar, FilterCheck, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { CoverageTable } from "@/components/coverage/coverage-table";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("coverage");
  return { title: t("title") };
}

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "park.read");
  const sp = await searchParams;
  const readable = parksWith(actor, "park.read");
  const wanted = typeof sp.park === "string" ? Number(sp.park) : readable[0];
  if (!Number.isInteger(wanted)) notFound();
  const { filters, errors } = parseCoverageFilters(sp);
  const [list, liaisons, parks] = await Promise.all([orNotFound(listCoverage(actor, wanted, filters)), orNotFound(listCoverageLiaisons(actor, wanted)), listVisibleParks(actor)]);
  const s = list.summary;
  const manages = parksWith(actor, "assignment.manage");
  const [t, locale] = await Promise.all([getT("coverage"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["coverage"]}>
      <PageHeader title={t("titleOf", { park: list.park.name })} subtitle={t("summary", { enterprises: s.enterprises, covered: s.covered, uncovered: s.uncovered, liaisons: s.liaisons, leaders: s.leaders })}>
        <div className="no-print flex items-center gap-2">
          {manages.length > 0 && (
            <Link href={manages.includes(list.park.id) ? `/coverage/reassign?park=${list.park.id}` : "/coverage/reassign"} className={buttonClass({ variant: "secondary" })}>
              {t("reassign")}
            </Link>
          )}
          <PrintButton />
        </div>
      </PageHeader>
      <FilterBar aria-label={t("filters")}>
        {parks.length > 1 && <FilterSelect label={t("park")} name="park" value={list.park.id} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />}
        {parks.length === 1 && <input type="hidden" name="park" value={list.park.id} />}
        <FilterInput label={t("search")} name="q" defaultValue={filters.q ?? ""} placeholder={t("searchPlaceholder")} className="w-48" />
        <FilterSelect label={t("liaison")} name="liaison" value={filters.liaison} options={liaisons.map((l) => [l.id, t("liaisonOption", { name: l.name, count: l.count })] as const)} />
        <FilterCheck label={t("uncoveredOnly")} name="uncovered" checked={filters.uncovered === true} />
        <FilterSelect label={t("perPage")} name="pageSize" value={filters.pageSize} options={[20, 50, 100, 500].map((n) => [n, t("perPageN", { count: n })] as const)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <CoverageTable rows={list.rows} />
      <Pagination basePath="/coverage" params={{ park: list.park.id, q: filters.q, liaison: filters.liaison, uncovered: filters.uncovered ? "1" : undefined, pageSize: filters.pageSize }} page={list.page} pageCount={list.pageCount} total={list.total} />
    </ClientMessages>
  );
}
