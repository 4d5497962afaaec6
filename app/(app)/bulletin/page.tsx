import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { recentCompletedMonths, ymKey } from "@/lib/domain/filing";
import { todayInShanghai } from "@/lib/domain/dates";
import { type BulletinScope, bulletinScopeKey, scopeNameIn } from "@/lib/domain/published-bulletins";
import { bulletinQuery, parseBulletinParams } from "@/lib/validation/bulletin";
import { type Bulletin, getBulletin } from "@/lib/server/bulletin/get-bulletin";
import type { Actor } from "@/lib/domain/permissions";
import { listCorrectionNotes } from "@/lib/server/bulletin/bulletin-corrections";
import { compareWithLive } from "@/lib/server/bulletin/compare-published";
import { currentPublishedBulletin, getPublishedBulletin, mayPublishBulletin } from "@/lib/server/bulletin/published-bulletin";
import { listDashboardScopes } from "@/lib/server/metrics/list-dashboard-scopes";
import { listMissingFilings } from "@/lib/server/progress/list-missing-filings";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Section } from "@/components/ui/section";
import { BulletinView } from "@/components/bulletin/bulletin-view";
import { LiveDiffNotice } from "@/components/bulletin/live-diff-notice";
import { PublishBulletinPanel } from "@/components/bulletin/publish-bulletin-panel";
import { buttonClass } from "@/components/ui/button";
import { formatPublishedAtIn } from "@/components/bulletin/format";
import { indicatorText } from "@/components/dashboard/labels";
import { ClientMessages } from "@/components/i18n/client-messages";
import { formatYearMonthIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("bulletin");
  return { title: t("title") };
}

export default async function BulletinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { params, errors } = parseBulletinParams(await searchParams);
  const scope: BulletinScope | null = params.park ? { park: params.park } : params.region ? { region: params.region } : null;
  const [bulletin, scopes, t, td, locale] = await Promise.all([orNotFound(getBulletin(actor, params)), listDashboardScopes(actor), getT("bulletin"), getT("dashboard"), getRequestLocale()]);
  const [published, mayPublish, corrections] = await Promise.all([
    scope ? currentPublishedBulletin(actor, scope, params.month) : null,
    scope ? mayPublishBulletin(actor, scope) : false,
    listCorrectionNotes({ scopeKey: scope ? bulletinScopeKey(scope) : null, parkIds: bulletin.ranking.map((r) => r.row.parkId), month: params.month }),
  ]);
  // Before publishing: how many of the month's reports are still missing (they could only be filed late, by request, afterwards).
  const covered = new Set(bulletin.ranking.map((r) => r.row.parkId));
  const unfiled =
    scope && mayPublish && !published
      ? (await listMissingFilings(actor, { parkId: scope.park, year: params.month.year, month: params.month.month }, { pageSize: 1 })).byPark
          .filter((p) => covered.has(p.parkId))
          .reduce((n, p) => n + p.missing, 0)
      : null;
  const monthLabel = formatYearMonthIn(locale, params.month);
  const months = recentCompletedMonths(todayInShanghai(), 24).map(([key]) => {
    const [year, month] = key.split("-").map(Number);
    return [key, formatYearMonthIn(locale, { year, month })] as const;
  });
  const rankLabel = INDICATOR_DEFS.some((d) => d.key === params.rank) ? indicatorText(td, params.rank).label : params.rank;
  const listHref = `/bulletin/published${scope ? `?${scope.park ? `park=${scope.park}` : `region=${scope.region}`}` : ""}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <div className="no-print flex gap-2">
          <Link href={listHref} className={buttonClass({ variant: "secondary" })}>
            {t("publishedList")}
          </Link>
          <PrintButton label={t("print")} />
          <DownloadLink href={`/api/bulletin?${bulletinQuery(params)}`} className={buttonClass({ variant: "secondary" })} testId="bulletin-xlsx">
            {t("download")}
          </DownloadLink>
        </div>
      </PageHeader>
      <FilterBar action="/bulletin" aria-label={t("form.label")} submitLabel={t("form.submit")}>
        <FilterSelect label={t("form.month")} name="month" value={ymKey(params.month)} options={months} allLabel={null} />
        {scopes.regions.length > 1 && <FilterSelect label={t("form.region")} name="region" value={params.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel={t("form.allRegions")} />}
        <FilterSelect label={t("form.park")} name="park" value={params.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel={t("form.allParks")} />
        <FilterSelect
          label={t("form.rank")}
          name="rank"
          value={params.rank}
          options={INDICATOR_DEFS.map((d) => [d.key, t("form.rankOption", indicatorText(td, d.key))] as const)}
          allLabel={null}
        />
        <FilterSelect label={t("form.points")} name="points" value={params.points ? "1" : undefined} options={[["1", t("form.pointsWith")]] as const} allLabel={t("form.pointsWithout")} />
      </FilterBar>
      <FilterErrors errors={errors} what={t("form.what")} className="no-print" />
      <Section title={t("status.title")} className="no-print mb-4" testId="bulletin-publish-status" labelled>
        {!scope ? (
          <p className="text-sm text-slate-600">{t("status.noScope")}</p>
        ) : published ? (
          <div className="space-y-3">
            <p className="text-sm" data-testid="published-status">
              <span className="mr-2 rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">{t("badge")}</span>
              {t("status.published", {
                bulletin: t("scopeMonth", { scope: scopeNameIn(published.scopeName, t("form.allParks")), month: monthLabel }),
                revision: published.revision,
                by: published.publishedBy.name,
                at: formatPublishedAtIn(locale, published.publishedAt),
              })}
              <Link href={`/bulletin/published/${published.id}`} className="ml-2 text-brand-600 underline">
                {t("status.view")}
              </Link>
            </p>
            {/* The live bulletin shows at once; the check against the published one (every figure's projects) follows. */}
            <Suspense fallback={<p className="text-sm text-slate-500" aria-busy="true">{t("status.checking")}</p>}>
              <AgainstPublished actor={actor} publishedId={published.id} bulletin={bulletin} />
            </Suspense>
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              {t("status.notPublished", { bulletin: t("scopeMonth", { scope: scopeNameIn(bulletin.scopeName, t("form.allParks")), month: monthLabel }) })}
              {!mayPublish && (scope.park ? t("status.parkPublisher") : t("status.regionPublisher"))}
            </p>
            {mayPublish && (
              <ClientMessages locale={locale} namespaces={["bulletin"]}>
              <PublishBulletinPanel
                input={{ park: scope.park, region: scope.region, month: ymKey(params.month), rank: params.rank, points: params.points }}
                summary={{
                  scopeName: bulletin.scopeName,
                  monthLabel,
                  rankLabel,
                  indicators: bulletin.indicators.length,
                  parks: bulletin.ranking.length,
                  signed: bulletin.counts.signed,
                  redProjects: bulletin.redProjects.total,
                  overdue: bulletin.overdue.total,
                  corrections: corrections.total,
                  unfiled,
                  closesThrough: monthLabel,
                  points: params.points,
                }}
              />
              </ClientMessages>
            )}
          </div>
        )}
      </Section>
      <BulletinView b={bulletin} corrections={corrections} />
    </>
  );
}

/** What moved since the month's bulletin was published (compareWithLive), or that nothing did. */
async function AgainstPublished({ actor, publishedId, bulletin }: { actor: Actor; publishedId: number; bulletin: Bulletin }) {
  const [diff, t] = await Promise.all([getPublishedBulletin(actor, publishedId).then((p) => compareWithLive(actor, p, bulletin)), getT("bulletin")]);
  return diff ? <LiveDiffNotice diff={diff} what="live" /> : <p className="text-sm text-slate-600">{t("status.unchanged")}</p>;
}
