import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { formatYearMonth, ymKey } from "@/lib/domain/filing";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import { urlId } from "@/lib/validation/url-filters";
import { compareWithLive } from "@/lib/server/bulletin/compare-published";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { type PublishedBulletin, getPublishedBulletin } from "@/lib/server/bulletin/published-bulletin";
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

export const metadata: Metadata = { title: "定稿通报" };

export default async function PublishedBulletinPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const id = urlId("通报").safeParse((await params).id);
  if (!id.success) notFound();
  const b = await orNotFound(getPublishedBulletin(actor, id.data));
  const monthLabel = formatYearMonth(b);
  const scopeQuery = b.scope.park !== undefined ? `park=${b.scope.park}` : `region=${b.scope.region}`;
  const c = b.content;
  return (
    <>
      <PageHeader title={`${b.scopeName}${monthLabel}通报（定稿）`} subtitle="定稿时冻结的通报：之后台账的修改不改变它；打印和 Excel 与本页相同">
        <div className="no-print flex flex-wrap gap-2">
          <Link href={`/bulletin/published?${scopeQuery}`} className={buttonClass({ variant: "secondary" })}>
            已发布通报
          </Link>
          <Link href={`/bulletin?month=${ymKey(b)}&${scopeQuery}&rank=${c.rankKey}`} className={buttonClass({ variant: "secondary" })}>
            实时数据
          </Link>
          <PrintButton label="打印通报" />
          <DownloadLink href={`/api/bulletin/published/${b.id}`} className={buttonClass({ variant: "secondary" })} testId="published-xlsx">
            下载 Excel
          </DownloadLink>
        </div>
      </PageHeader>
      <div className="no-print mb-4 space-y-3">
        <Alert tone="info" silent testId="published-meta">
          <span className="mr-2 rounded border border-red-700 bg-white px-1.5 py-0.5 text-xs font-semibold text-red-700" data-testid="published-badge">
            已定稿
          </span>
          第 {b.revision} 版 · {b.publishedBy.name} 于 {formatPublishedAt(b.publishedAt)} 定稿发布 · 排名依据 {INDICATOR_DEFS.find((d) => d.key === c.rankKey)?.label ?? c.rankKey}
          {b.supersedes && (
            <>
              {" "}
              · 本版为更正版，取代
              <Link href={`/bulletin/published/${b.supersedes.id}`} className="mx-1 underline">
                第 {b.supersedes.revision} 版
              </Link>
              ，更正原因：{b.correctionReason}
            </>
          )}
        </Alert>
        {b.supersededBy && (
          <Alert tone="warning" testId="superseded-notice">
            本通报已被更正版取代：第 {b.supersededBy.revision} 版于 {formatPublishedAt(b.supersededBy.publishedAt)} 发布，更正原因：{b.supersededBy.correctionReason}。
            <Link href={`/bulletin/published/${b.supersededBy.id}`} className="ml-2 font-medium underline">
              查看更正版
            </Link>
          </Alert>
        )}
        {!b.supersededBy && (
          // The frozen bulletin shows at once; today's figures, to set against it, follow.
          <Suspense fallback={<p className="text-sm text-slate-500" aria-busy="true">正在与今天的数据核对……</p>}>
            <AgainstToday actor={actor} b={b} monthLabel={monthLabel} />
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
async function AgainstToday({ actor, b, monthLabel }: { actor: Actor; b: PublishedBulletin; monthLabel: string }) {
  const c = b.content;
  const live = await getBulletin(actor, { month: { year: b.year, month: b.month }, park: b.scope.park, region: b.scope.region, rank: c.rankKey });
  const diff = await compareWithLive(actor, b, live);
  return (
    <>
      {diff && <LiveDiffNotice diff={diff} what="published" />}
      {b.canSupersede && (
        <Section title="发布更正版" titleClassName="text-sm font-semibold text-slate-700">
          <p className="mb-2 text-sm text-slate-600">定稿通报不能修改。发现错误时，按今天的数据发布更正版（须说明原因）：更正版取代本版，本版保留并注明已被取代。</p>
          <PublishBulletinPanel
            input={{ park: b.scope.park, region: b.scope.region, month: ymKey(b), rank: c.rankKey, points: c.points !== undefined }}
            supersedes={{ id: b.id, revision: b.revision }}
            summary={{
              scopeName: b.scopeName,
              monthLabel,
              rankLabel: INDICATOR_DEFS.find((d) => d.key === c.rankKey)?.label ?? c.rankKey,
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
        </Section>
      )}
    </>
  );
}
