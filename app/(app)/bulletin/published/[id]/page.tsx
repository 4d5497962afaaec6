import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { ymKey } from "@/lib/domain/filing";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { urlId } from "@/lib/validation/url-filters";
import { compareWithLive } from "@/lib/server/bulletin/compare-published";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { type PublishedBulletinContent, getPublishedBulletin, getPublishedBulletinContent } from "@/lib/server/bulletin/published-bulletin";
import type { Actor } from "@/lib/domain/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { Alert } from "@/components/ui/alert";
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
import { scopeNameIn } from "@/lib/domain/published-bulletins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("bulletin");
  return { title: t("published.metaTitle") };
}

export default async function PublishedBulletinPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const id = urlId("通报").safeParse((await params).id);
  if (!id.success) notFound();
  const [b, t, td, locale] = await Promise.all([orNotFound(getPublishedBulletinContent(actor, id.data)), getT("bulletin"), getT("dashboard"), getRequestLocale()]);
  const monthLabel = formatYearMonthIn(locale, b);
  const scopeQuery = b.scope.park !== undefined ? `park=${b.scope.park}` : `region=${b.scope.region}`;
  const c = b.content;
  const rankLabel = INDICATOR_DEFS.some((d) => d.key === c.rankKey) ? indicatorText(td, c.rankKey).label : c.rankKey;
  return (
    <>
      <PageHeader title={t("published.title", { scope: scopeNameIn(b.scopeName, t("form.allParks")), month: monthLabel })} subtitle={t("published.subtitle")}>
        <div className="no-print flex flex-wrap gap-2">
          <Link href={`/bulletin/published?${scopeQuery}`} className={buttonClass({ variant: "secondary" })}>
            {t("publishedList")}
          </Link>
          <Link href={`/bulletin?month=${ymKey(b)}&${scopeQuery}&rank=${c.rankKey}`} className={buttonClass({ variant: "secondary" })}>
            {t("published.live")}
          </Link>
          <PrintButton label={t("print")} />
          <DownloadLink href={`/api/bulletin/published/${b.id}`} className={buttonClass({ variant: "secondary" })} testId="published-xlsx">
            {t("download")}
          </DownloadLink>
        </div>
      </PageHeader>
      <div className="no-print mb-4 space-y-3">
        <Alert tone="info" silent testId="published-meta">
          <span className="mr-2 rounded border border-red-700 bg-white px-1.5 py-0.5 text-xs font-semibold text-red-700" data-testid="published-badge">
            {t("badge")}
          </span>
          {t("published.meta", { revision: b.revision, by: b.publishedBy.name, at: formatPublishedAtIn(locale, b.publishedAt), rank: rankLabel })}
          {b.supersedes && (
            <>
              {" "}
              {t.rich("published.supersedes", {
                revision: b.supersedes.revision,
                reason: b.correctionReason ?? "",
                link: (chunks) => (
                  <Link href={`/bulletin/published/${b.supersedes!.id}`} className="mx-1 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </>
          )}
        </Alert>
        {b.supersededBy && (
          <Alert tone="warning" testId="superseded-notice">
            {t("published.superseded", { revision: b.supersededBy.revision, at: formatPublishedAtIn(locale, b.supersededBy.publishedAt), reason: b.supersededBy.correctionReason ?? "" })}
            <Link href={`/bulletin/published/${b.supersededBy.id}`} className="ml-2 font-medium underline">
              {t("published.viewCorrected")}
            </Link>
          </Alert>
        )}
        {!b.supersededBy && (
          // The frozen bulletin shows at once; today's figures, to set against it, follow.
          <Suspense fallback={<p className="text-sm text-slate-500" aria-busy="true">{t("published.checking")}</p>}>
            <AgainstToday actor={actor} b={b} monthLabel={monthLabel} rankLabel={rankLabel} />
          </Suspense>
        )}
      </div>
      <BulletinView
        b={c}
        corrections={c.corrections}
        published={{ revision: b.revision, publishedAt: b.publishedAt, publishedByName: b.publishedBy.name, figuresHref: `/bulletin/published/${b.id}/projects` }}
      />
    </>
  );
}

/**
 * Today's bulletin of the same month and scope, set against the published one (the notice
 * of what moved since) and frozen by a correction. Streamed after the page: it recomputes
 * every figure and the projects behind each.
 */
async function AgainstToday({ actor, b, monthLabel, rankLabel }: { actor: Actor; b: PublishedBulletinContent; monthLabel: string; rankLabel: string }) {
  const c = b.content;
  const t = await getT("bulletin");
  // The figures' project ids are read here, after the page: only this check needs them.
  const [live, withFigures] = await Promise.all([
    getBulletin(actor, { month: { year: b.year, month: b.month }, park: b.scope.park, region: b.scope.region, rank: c.rankKey }),
    getPublishedBulletin(actor, b.id),
  ]);
  const diff = await compareWithLive(actor, withFigures, live);
  return (
    <>
      {diff && <LiveDiffNotice diff={diff} what="published" />}
      {b.canSupersede && (
        <Section title={t("published.correctTitle")} titleClassName="text-sm font-semibold text-slate-700">
          <p className="mb-2 text-sm text-slate-600">{t("published.correctText")}</p>
          <ClientMessages locale={await getRequestLocale()} namespaces={["bulletin"]}>
          <PublishBulletinPanel
            input={{ park: b.scope.park, region: b.scope.region, month: ymKey(b), rank: c.rankKey, points: c.points !== undefined }}
            supersedes={{ id: b.id, revision: b.revision }}
            summary={{
              scopeName: b.scopeName,
              monthLabel,
              rankLabel,
              indicators: live.indicators.length,
              parks: live.ranking.length,
              signed: live.counts.signed,
              redProjects: live.redProjects.total,
              overdue: live.overdue.total,
              corrections: c.corrections.total,
              unfiled: null,
              closesThrough: monthLabel,
              points: c.points !== undefined,
            }}
          />
          </ClientMessages>
        </Section>
      )}
    </>
  );
}
