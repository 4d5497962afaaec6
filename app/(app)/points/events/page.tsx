import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { pointsQuerySchema } from "@/lib/validation/points";
import { POINT_KINDS, MANUAL_KIND, formatPoints } from "@/lib/domain/points";
import { listPointEvents } from "@/lib/server/points/list-point-events";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { buttonClass } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { PointsFilter, qs, scopeParams } from "@/components/points/points-filter";
import { PointEventsTable } from "@/components/points/point-events-table";
import { periodText, scopeText } from "@/components/points/labels";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("points");
  return { title: t("events.title") };
}

export default async function PointEventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseUrlFilters(pointsQuerySchema, await searchParams);
  const [list, scopes] = await Promise.all([orNotFound(listPointEvents(actor, filters)), listPointScopes(actor)]);
  const s = list.scope;
  const value = { park: filters.park, region: filters.park ? undefined : filters.region, period: s.period.type, year: s.period.year, n: s.period.n };
  const base = scopeParams(value);
  const keep = { earner: s.full ? filters.earner : undefined, user: s.full ? filters.user : undefined, unit: filters.unit, kind: filters.kind };
  const own = !s.full || filters.user === actor.userId;
  const who = list.rows.find((r) => r.userId === s.query.user)?.userName ?? (s.query.unit ? s.query.unit : null);
  const [t, locale] = await Promise.all([getT("points"), getRequestLocale()]);
  const title = own ? t("events.mine") : t("events.title");
  return (
    <>
      <PageHeader
        title={title}
        subtitle={`${who ? `${who} · ` : ""}${filters.earner ? `${t(`earner.${filters.earner}`)} · ` : ""}${t("events.subtitle", { scope: scopeText(locale, s.scopeName), period: periodText(locale, s.period) })}`}
      >
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <DownloadLink href={`/api/export/points${qs({ ...base, ...keep, view: "events" })}`} className={buttonClass({ variant: "secondary" })}>
            {t("exportExcel")}
          </DownloadLink>
          {s.full && (
            <Link href={`/points${qs(base)}`} className={buttonClass({ variant: "secondary" })}>
              {t("events.backToBoard")}
            </Link>
          )}
          {!s.full && (
            <Link href="/liaison" className={buttonClass({ variant: "secondary" })}>
              {t("events.backToLiaison")}
            </Link>
          )}
        </div>
      </PageHeader>
      <PointsFilter action="/points/events" parks={scopes.parks} regions={scopes.regions} value={value} hidden={{ earner: keep.earner, user: keep.user, unit: keep.unit }} errors={errors} />
      <form method="get" action="/points/events" className="no-print mb-3 flex flex-wrap items-end gap-3">
        {Object.entries({ ...base, earner: keep.earner, user: keep.user, unit: keep.unit }).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />))}
        <FilterSelect label={t("events.kind")} name="kind" value={filters.kind} options={[...POINT_KINDS, MANUAL_KIND as "MANUAL"].map((k) => [k, t(`kind.${k}`)] as const)} />
        <button type="submit" className={buttonClass({ variant: "secondary", size: "sm" })}>
          {t("events.filterByKind")}
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-700" data-testid="points-summary">
        {t.rich("events.summary", { total: list.total, sum: String(list.sum), plus: formatPoints(list.plus), minus: String(list.minus), strong: (c) => <strong>{c}</strong> })}
      </p>
      <PointEventsTable rows={list.rows} showEarner={!own || !filters.earner} />
      <Pagination basePath="/points/events" params={{ ...base, ...keep }} page={list.page} pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))} total={list.total} />
    </>
  );
}
