import Link from "next/link";
import { type IndicatorKey, formatPercent } from "@/lib/domain/indicators";
import { formatDateZh } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import type { IndicatorsResult } from "@/lib/server/metrics/get-indicators";
import type { ParkRankingRow } from "@/lib/server/metrics/get-park-ranking";
import type { TrendMonth } from "@/lib/server/metrics/get-monthly-trend";
import type { IndustryRow } from "@/lib/server/metrics/get-industry-breakdown";
import type { OverdueProblems } from "@/lib/server/metrics/get-overdue-problems";
import { IndicatorCards } from "./indicator-cards";
import { IndustryBars, MonthlyTrend, StageFunnel } from "./dashboard-charts";
import { RankingTable, type RankingRow } from "./ranking-table";
import { drillHref } from "./drill";
import { Section as Panel } from "@/components/ui/section";

export interface DashboardData {
  indicators: IndicatorsResult;
  ranking: ParkRankingRow[];
  trend: TrendMonth[];
  industries: IndustryRow[];
  overdue: OverdueProblems;
}

const RATE_COLUMNS: { key: IndicatorKey; label: string }[] = [
  { key: "fulfilment", label: "履约率" },
  { key: "landing", label: "落地率" },
  { key: "startCohort", label: "开工率" },
  { key: "productionCohort", label: "投产率" },
  { key: "funds", label: "资金到位率" },
  { key: "startPlan", label: "计划开工率" },
  { key: "investmentYear", label: "年度投资完成率" },
];

function Section({ title, children, note }: { title: string; children: React.ReactNode; note?: string }) {
  return (
    <Panel
      title={
        <>
          {title}
          {note && <span className="ml-2 text-xs font-normal text-slate-500">{note}</span>}
        </>
      }
      aria-label={title}
      className="mb-5 print:break-inside-avoid"
      titleClassName="text-base font-semibold text-slate-900"
    >
      {children}
    </Panel>
  );
}

export function DashboardView({ data, scope }: { data: DashboardData; scope: IndicatorScope }) {
  const { indicators: ind, ranking, trend, industries, overdue } = data;
  const c = ind.counts;
  const funnel = [
    { label: "签约", value: c.signed, href: drillHref(scope, "cohort.signed") },
    { label: "落地", value: c.landed, href: drillHref(scope, "cohort.landed") },
    { label: "开工", value: c.started, href: drillHref(scope, "cohort.started") },
    { label: "投产", value: c.producing, href: drillHref(scope, "cohort.producing") },
  ];
  const rankingRows: RankingRow[] = ranking.map((r) => ({
    parkId: r.parkId,
    parkName: r.parkName,
    signed: r.counts.signed,
    contractInvestment: r.counts.contractInvestment,
    started: r.counts.started,
    producing: r.counts.producing,
    dueNotStarted: r.counts.dueNotStarted,
    rates: Object.fromEntries(r.indicators.map((i) => [i.key, i.rate])),
    hrefs: {
      signed: drillHref(scope, "cohort.signed", { park: r.parkId }),
      started: drillHref(scope, "cohort.started", { park: r.parkId }),
      producing: drillHref(scope, "cohort.producing", { park: r.parkId }),
      dueNotStarted: drillHref(scope, "due.notStarted", { park: r.parkId }),
    },
  }));
  const industryRows = industries.map((r) => ({ industry: r.industry, signed: r.counts.signed, started: r.counts.started, href: drillHref(scope, "cohort.signed", { industry: r.industry }) }));
  const issuesHref = (park?: number) => `/issues?${new URLSearchParams({ overdue: "1", ...(park ? { park: String(park) } : {}) })}`;

  return (
    <>
      <IndicatorCards counts={c} indicators={ind.indicators} scope={scope} />

      <div className="grid gap-5 lg:grid-cols-3 print:grid-cols-3 [&>*]:min-w-0">
        <Section title="阶段漏斗" note={`签约项目截至${formatDateZh(ind.asOf)}的累计阶段（投产计入开工）`}>
          <StageFunnel steps={funnel} />
          <p className="text-xs text-slate-500">
            截至{formatDateZh(ind.asOf)}各阶段（看板同口径，看板显示今天）：签约 {ind.boardColumns.SIGNED} · 落地 {ind.boardColumns.LANDED} · 开工 {ind.boardColumns.STARTED} · 投产{" "}
            {ind.boardColumns.PRODUCING} · 暂缓 {ind.boardColumns.SUSPENDED} · 终止 {ind.boardColumns.TERMINATED}（个）
          </p>
        </Section>
        <div className="lg:col-span-2 print:col-span-2">
          <Section title="月度趋势" note={`${scope.year}年1—${scope.through}月，项目数（个）与月报完成投资（亿元）`}>
            <MonthlyTrend points={trend} />
          </Section>
        </div>
      </div>

      <Section title="园区排名" note="红榜 / 黑榜">
        <RankingTable rows={rankingRows} rateColumns={RATE_COLUMNS} />
      </Section>

      <div className="grid gap-5 lg:grid-cols-2 print:grid-cols-2 [&>*]:min-w-0">
        <Section title="产业链分布" note="签约批次口径">
          {industryRows.length === 0 ? <p className="text-sm text-slate-500">本期没有签约或计划项目</p> : <IndustryBars rows={industryRows} />}
          {industries.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="industry-table">
                <thead className="text-slate-600">
                  <tr>
                    <th className="py-1 text-left">产业链</th>
                    <th className="py-1 text-right">签约（个）</th>
                    <th className="py-1 text-right">合同引资额</th>
                    <th className="py-1 text-right">开工率</th>
                    <th className="py-1 text-right">投产率</th>
                  </tr>
                </thead>
                <tbody>
                  {industries.map((r) => {
                    const rate = (k: IndicatorKey) => formatPercent(r.indicators.find((i) => i.key === k)?.rate ?? null);
                    return (
                      <tr key={r.industry} className="border-t border-slate-100">
                        <td className="py-1">{r.industry}</td>
                        <td className="py-1 text-right">
                          <Link className="text-brand-700 hover:underline" href={drillHref(scope, "cohort.signed", { industry: r.industry })}>{r.counts.signed}</Link>
                        </td>
                        <td className="py-1 text-right">{formatMoney(r.counts.contractInvestment)}</td>
                        <td className="py-1 text-right">{rate("startCohort")}</td>
                        <td className="py-1 text-right">{rate("productionCohort")}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Section>

        <Section title="超期未办结的企业诉求" note="包保服务">
          <p className="mb-2 text-sm">
            共{" "}
            <Link href={issuesHref(scope.park)} className="text-lg font-semibold text-red-700 underline decoration-dotted" data-testid="overdue-total">
              {overdue.total}
            </Link>{" "}
            件超期
            {overdue.byPark.length > 0 && (
              <span className="ml-2 text-xs text-slate-500">
                {overdue.byPark.map((p, i) => (
                  <span key={p.parkId}>
                    {i > 0 && "，"}
                    <Link className="hover:underline" href={issuesHref(p.parkId)}>
                      {p.parkName} {p.overdue} 件
                    </Link>
                  </span>
                ))}
              </span>
            )}
          </p>
          {overdue.items.length > 0 ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {overdue.items.map((i) => (
                <li key={i.id} className="flex justify-between gap-2 py-1.5">
                  <Link href={`/issues/${i.id}`} className="truncate text-brand-700 hover:underline">
                    {i.title}
                    <span className="ml-1 text-xs text-slate-500">
                      {i.parkName} · {i.enterpriseName} · {i.category} · {i.level}级协调
                    </span>
                  </Link>
                  <span className="shrink-0 text-xs text-red-700">超期 {i.overdueDays} 天</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">没有超期的诉求</p>
          )}
        </Section>
      </div>

      <Section title="应开工未开工项目" note={`计划开工日期在 ${formatDateZh(ind.asOf)} 及以前、尚未开工（含暂缓）`}>
        {ind.dueNotStarted.length === 0 ? (
          <p className="text-sm text-slate-500">没有应开工未开工的项目</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] text-sm print:min-w-0" data-testid="due-table">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1 pr-2">项目</th>
                    <th className="py-1 pr-2">园区</th>
                    <th className="py-1 pr-2">阶段</th>
                    <th className="py-1 pr-2">计划开工</th>
                    <th className="py-1 pr-2 text-right">逾期（天）</th>
                    <th className="py-1 pr-2">原因 / 存在问题</th>
                  </tr>
                </thead>
                <tbody>
                  {ind.dueNotStarted.map((d) => (
                    <tr key={d.id} className="border-t border-slate-100 align-top">
                      <td className="py-1 pr-2">
                        <Link href={`/projects/${d.id}`} className="text-brand-700 hover:underline">{d.name}</Link>
                      </td>
                      <td className="py-1 pr-2 whitespace-nowrap">{d.parkName}</td>
                      <td className="py-1 pr-2 whitespace-nowrap">
                        {STAGE_LABELS[d.stage]}
                        {d.status !== "ACTIVE" && <span className="ml-1 text-amber-700">（{STATUS_LABELS[d.status]}）</span>}
                      </td>
                      <td className="py-1 pr-2 whitespace-nowrap">{formatDateZh(d.plannedStartDate)}</td>
                      <td className="py-1 pr-2 text-right">{d.daysLate}</td>
                      <td className="py-1 pr-2">
                        {d.reason ?? <span className="text-slate-400">未填写</span>}
                        {d.openIssues > 0 && <span className="ml-1 text-xs text-red-700">（{d.openIssues} 件诉求未办结）</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {c.dueNotStarted > ind.dueNotStarted.length && (
              <p className="mt-2 text-sm">
                <Link className="text-brand-700 hover:underline" href={drillHref(scope, "due.notStarted")}>查看全部 {c.dueNotStarted} 个 →</Link>
              </p>
            )}
          </>
        )}
      </Section>
    </>
  );
}
