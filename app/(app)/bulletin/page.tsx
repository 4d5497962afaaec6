import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { formatYearMonth, recentCompletedMonths, ymKey } from "@/lib/domain/filing";
import { todayInShanghai } from "@/lib/domain/dates";
import { type BulletinScope, bulletinScopeKey, formatPublishedAt } from "@/lib/domain/published-bulletins";
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

export const metadata: Metadata = { title: "月度通报" };

export default async function BulletinPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const { params, errors } = parseBulletinParams(await searchParams);
  const scope: BulletinScope | null = params.park ? { park: params.park } : params.region ? { region: params.region } : null;
  const [bulletin, scopes] = await Promise.all([orNotFound(getBulletin(actor, params)), listDashboardScopes(actor)]);
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
  const monthLabel = formatYearMonth(params.month);
  const listHref = `/bulletin/published${scope ? `?${scope.park ? `park=${scope.park}` : `region=${scope.region}`}` : ""}`;
  return (
    <>
      <PageHeader title="月度通报" subtitle="每月会商用：指标对比上月、园区排名（红榜/黑榜）、红灯项目与超期诉求；可打印，可下载 Excel；园区领导、市州领导定稿发布后数字冻结">
        <div className="no-print flex gap-2">
          <Link href={listHref} className={buttonClass({ variant: "secondary" })}>
            已发布通报
          </Link>
          <PrintButton label="打印通报" />
          <DownloadLink href={`/api/bulletin?${bulletinQuery(params)}`} className={buttonClass({ variant: "secondary" })} testId="bulletin-xlsx">
            下载 Excel
          </DownloadLink>
        </div>
      </PageHeader>
      <FilterBar action="/bulletin" aria-label="通报范围" submitLabel="生成">
        <FilterSelect label="通报月份" name="month" value={ymKey(params.month)} options={recentCompletedMonths(todayInShanghai(), 24)} allLabel={null} />
        {scopes.regions.length > 1 && <FilterSelect label="市州" name="region" value={params.region} options={scopes.regions.map((r) => [r.id, r.name] as const)} allLabel="全部市州" />}
        <FilterSelect label="园区" name="park" value={params.park} options={scopes.parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
        <FilterSelect label="排名指标" name="rank" value={params.rank} options={INDICATOR_DEFS.map((d) => [d.key, `${d.label}（${d.convention}）`] as const)} allLabel={null} />
        <FilterSelect label="积分考核" name="points" value={params.points ? "1" : undefined} options={[["1", "附积分排名"]] as const} allLabel="不附" />
      </FilterBar>
      <FilterErrors errors={errors} what="条件" className="no-print" />
      <Section title="定稿状态" className="no-print mb-4" testId="bulletin-publish-status" labelled>
        {!scope ? (
          <p className="text-sm text-slate-600">定稿发布针对一个园区（园区领导）或一个市州（市州领导、系统管理员）：请先在上方选择园区或市州。</p>
        ) : published ? (
          <div className="space-y-3">
            <p className="text-sm" data-testid="published-status">
              <span className="mr-2 rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">已定稿</span>
              {published.scopeName}
              {monthLabel}通报第 {published.revision} 版，{published.publishedBy.name} 于 {formatPublishedAt(published.publishedAt)} 定稿发布。
              <Link href={`/bulletin/published/${published.id}`} className="ml-2 text-brand-600 underline">
                查看定稿通报
              </Link>
            </p>
            {/* The live bulletin shows at once; the check against the published one (every figure's projects) follows. */}
            <Suspense fallback={<p className="text-sm text-slate-500" aria-busy="true">正在与定稿通报核对……</p>}>
              <AgainstPublished actor={actor} publishedId={published.id} bulletin={bulletin} />
            </Suspense>
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              {bulletin.scopeName}
              {monthLabel}通报尚未定稿：下面的数字随台账实时变化。
              {!mayPublish && (scope.park ? "园区通报由本园区的园区领导定稿发布。" : "市州通报由市州领导或系统管理员定稿发布。")}
            </p>
            {mayPublish && (
              <PublishBulletinPanel
                input={{ park: scope.park, region: scope.region, month: ymKey(params.month), rank: params.rank, points: params.points }}
                summary={{
                  scopeName: bulletin.scopeName,
                  monthLabel,
                  rankLabel: INDICATOR_DEFS.find((d) => d.key === params.rank)?.label ?? params.rank,
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
  const diff = await compareWithLive(actor, await getPublishedBulletin(actor, publishedId), bulletin);
  return diff ? <LiveDiffNotice diff={diff} what="live" /> : <p className="text-sm text-slate-600">定稿后数字没有变化：下面的实时通报与定稿一致。</p>;
}
