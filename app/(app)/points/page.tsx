import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound } from "@/lib/auth/guards";
import { can, parksWith } from "@/lib/domain/permissions";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { BOARD_TABS, BOARD_TAB_LABELS, pointsQuerySchema } from "@/lib/validation/points";
import { getLeaderboard, type LeaderboardRow } from "@/lib/server/points/get-leaderboard";
import { listPointScopes } from "@/lib/server/points/points-scope";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { DownloadLink } from "@/components/ui/download-link";
import { buttonClass } from "@/components/ui/button";
import { PointsFilter, qs, scopeParams } from "@/components/points/points-filter";
import { formatPoints } from "@/lib/domain/points";

export const metadata: Metadata = { title: "积分考核" };

export default async function PointsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, errors } = parseUrlFilters(pointsQuerySchema, await searchParams);
  const [board, scopes] = await Promise.all([orNotFound(getLeaderboard(actor, filters)), listPointScopes(actor)]);
  const s = board.scope;
  const value = { park: filters.park, region: filters.park ? undefined : filters.region, period: s.period.type, year: s.period.year, n: s.period.n };
  const base = scopeParams(value);
  const tab = board.tab;
  const earner = tab === "liaison" ? "LIAISON" : tab === "leader" ? "LEADER" : "UNIT";
  const drill = (r: LeaderboardRow) =>
    `/points/events${qs(tab === "park" ? { ...base, park: r.parkId!, region: undefined } : tab === "unit" ? { ...base, park: r.parkId!, region: undefined, earner, unit: r.unit! } : { ...base, earner, user: r.userId! })}`;
  const manages = parksWith(actor, "points.manage").length > 0;
  const adjusts = parksWith(actor, "points.adjust").length > 0;
  return (
    <>
      <PageHeader
        title="积分考核"
        subtitle={`${s.scopeName} · ${s.periodLabel}${s.counted && s.counted.to < s.range.to ? `（计至 ${s.counted.to}）` : ""}。积分由台账记录自动计算（开工、投产、走访、诉求办理、月报），每一分都可追溯到对应记录；人工加减分单独标明。`}
      >
        <div className="no-print flex flex-wrap gap-2">
          <PrintButton />
          <DownloadLink href={`/api/export/points${qs({ ...base, tab })}`} className={buttonClass({ variant: "secondary" })} testId="points-export">
            导出 Excel
          </DownloadLink>
          <Link href={`/points/rules${filters.park ? `?park=${filters.park}` : filters.region ? `?region=${filters.region}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            {manages ? "积分规则（可调整）" : "积分规则"}
          </Link>
          {adjusts && (
            <Link href={`/points/adjustments${filters.park ? `?park=${filters.park}` : ""}`} className={buttonClass({ variant: "secondary" })}>
              人工加减分
            </Link>
          )}
        </div>
      </PageHeader>
      <PointsFilter action="/points" parks={scopes.parks} regions={scopes.regions} value={value} hidden={{ tab }} errors={errors} />
      {s.full && (
        <nav aria-label="排行类别" className="no-print mb-3 flex flex-wrap gap-2">
          {BOARD_TABS.map((t) => (
            <Link key={t} href={`/points${qs({ ...base, tab: t })}`} aria-current={t === tab ? "page" : undefined} className={buttonClass({ variant: t === tab ? "primary" : "secondary", size: "sm" })}>
              {BOARD_TAB_LABELS[t]}排行
            </Link>
          ))}
        </nav>
      )}
      {!s.counted ? (
        <p className="text-sm text-slate-600">{s.periodLabel}尚未开始。</p>
      ) : (
        <DataTable
          caption={`${BOARD_TAB_LABELS[tab]}积分排行`}
          testId="points-board"
          rows={board.rows}
          rowKey={(r) => `${r.userId ?? ""}-${r.parkId ?? ""}-${r.unit ?? ""}`}
          empty="本期间没有积分事项"
          columns={[
            { header: "名次", numeric: true, cell: (r) => r.rank },
            { header: BOARD_TAB_LABELS[tab], cell: (r) => <Link href={drill(r)} className="text-brand-700 hover:underline">{r.name}</Link>, stacked: "title" },
            tab !== "park" && { header: "园区", cell: (r) => r.parkNames },
            tab === "park" && { header: "包保责任人积分", numeric: true, cell: (r) => r.liaisonPoints },
            tab === "park" && { header: "包保领导积分", numeric: true, cell: (r) => r.leaderPoints },
            tab === "park" && { header: "责任单位积分", numeric: true, cell: (r) => r.unitPoints },
            { header: "加分", numeric: true, cell: (r) => <span className="text-emerald-700">{formatPoints(r.plus)}</span> },
            { header: "减分", numeric: true, cell: (r) => <span className="text-red-700">{r.minus}</span> },
            { header: "合计", numeric: true, cell: (r) => <Link href={drill(r)} className="font-semibold text-brand-700 hover:underline">{r.total}</Link> },
            { header: "事项数", numeric: true, cell: (r) => r.events },
          ]}
        />
      )}
      <Pagination basePath="/points" params={{ ...base, tab }} page={board.page} pageCount={Math.max(1, Math.ceil(board.total / board.pageSize))} total={board.total} />
      {!can(actor, "dashboard.read") && (
        <p className="mt-3 text-sm">
          <Link href={`/points/events${qs(base)}`} className="text-brand-700 hover:underline">查看我的积分明细</Link>
        </p>
      )}
    </>
  );
}
