import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { CORRECTION_STATUSES } from "@/lib/domain/published-bulletins";
import { correctionListSchema } from "@/lib/validation/published-bulletins";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listProgressCorrections } from "@/lib/server/progress/list-progress-corrections";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { CorrectionTable } from "@/components/progress/correction-table";
import { buttonClass } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("progress");
  return { title: t("corrections.title") };
}

export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseUrlFilters(correctionListSchema, await searchParams);
  const query = { ...filters, pageSize: 20 };
  const [list, parks] = await Promise.all([orNotFound(listProgressCorrections(actor, query)), listVisibleParks(actor)]);
  const [t, locale] = await Promise.all([getT("progress"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["progress"]}>
      <PageHeader
        title={t("corrections.title")}
        subtitle={t("corrections.subtitle")}
      >
        <Link href={`/progress${filters.park ? `?park=${filters.park}` : ""}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          {t("corrections.back")}
        </Link>
      </PageHeader>
      <FilterBar action="/progress/corrections" aria-label={t("corrections.filterLabel")} reset="/progress/corrections">
        <FilterSelect label={t("filter.park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("filter.allParks")} />
        <FilterSelect label={t("corrections.status")} name="status" value={filters.status} options={CORRECTION_STATUSES.map((s) => [s, t(`correctionStatus.${s}`)] as const)} allLabel={t("corrections.all")} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <p className="mb-2 text-sm text-slate-700" data-testid="corrections-summary">
        {t.rich("corrections.summary", { total: list.total, pending: list.pending, strong: (c) => <strong>{c}</strong> })}
      </p>
      <CorrectionTable rows={list.rows} />
      <Pagination basePath="/progress/corrections" params={filterParams({ park: filters.park, status: filters.status })} page={list.page} pageCount={list.pageCount} total={list.total} />
    </ClientMessages>
  );
}
