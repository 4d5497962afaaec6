import Link from "next/link";
import { formatChange } from "@/lib/domain/bulletin";
import { formatDateZh } from "@/lib/domain/dates";
import { formatYearMonth } from "@/lib/domain/filing";
import { INDICATOR_DEFS, formatPercent, formatPoints, pointsAgainstTime } from "@/lib/domain/indicators";
import { formatMoney } from "@/lib/domain/money";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import type { Bulletin, BulletinRankRow } from "@/lib/server/bulletin/get-bulletin";
import type { CorrectionNotes } from "@/lib/server/bulletin/bulletin-corrections";
import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { drillHref } from "@/components/dashboard/drill";
import { BulletinPointsSection } from "./bulletin-points";

const th = "border border-slate-300 bg-slate-100 px-2 py-1 text-left font-medium";
const td = "border border-slate-300 px-2 py-1";
/**
 * A list of the bulletin (indicators, red projects, problems, corrections): on a phone each
 * row is a card, its first cell the heading and the others "header: value" from their
 * data-label (the DataTable's `dt-stack` rules, `dt-ruled` frames the cards); paper and
 * wider screens keep the ruled table.
 */
const stackedTable = "w-full border-collapse text-sm dt-stack dt-ruled";
const titleCell = "dt-title";

function figure(unit: "count" | "money", value: number | string): string {
  return unit === "money" ? formatMoney(value) : `${value} 个`;
}

function rankMove(r: BulletinRankRow): string {
  if (r.rank === null || r.previousRank === null) return "—";
  const d = r.previousRank - r.rank;
  return d === 0 ? "持平" : d > 0 ? `↑${d}` : `↓${-d}`;
}

function ParkList({ title, rows, tone }: { title: string; rows: BulletinRankRow[]; tone: "red" | "black" }) {
  const box = tone === "red" ? "border-red-300 bg-red-50" : "border-slate-400 bg-slate-100";
  return (
    <div className={`rounded border p-3 ${box}`} data-testid={tone === "red" ? "red-board" : "black-board"}>
      <h3 className="font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">参与排名的园区不足三个，不设榜单</p>
      ) : (
        <ol className="mt-1 space-y-0.5 text-sm">
          {rows.map((r) => (
            <li key={r.row.parkId}>
              第 {r.rank} 名 {r.row.parkName} · {formatPercent(r.rate)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** What a published bulletin's view states in its header and footer. */
export interface PublishedStamp {
  revision: number;
  publishedAt: string;
  publishedByName: string;
  /** Where the projects behind the frozen figures are listed. */
  figuresHref: string;
}

/** The points pages' scope of a bulletin: its month, and its park when it covers one. */
function pointsScope(b: Bulletin): string {
  const q = new URLSearchParams({ year: String(b.month.year), n: String(b.month.month) });
  if (b.ranking.length === 1) q.set("park", String(b.ranking[0].row.parkId));
  return q.toString();
}

function CorrectionsSection({ c, number }: { c: CorrectionNotes; number: string }) {
  return (
    <section data-testid="bulletin-corrections">
      <h3 className="mb-2 text-lg font-semibold">{number}、更正说明</h3>
      {c.total === 0 ? (
        <p className="text-sm">本期无对已定稿月份月报的更正。</p>
      ) : (
        <>
          <p className="mb-2 text-sm">
            上期通报定稿后，经园区领导批准，对已定稿月份的月报更正 <strong>{c.total}</strong> 项
            {c.total > c.items.length ? `，以下列出前 ${c.items.length} 项` : ""}；相应月份的累计数字以更正后为准。
          </p>
          <table className={stackedTable}>
            <thead>
              <tr>
                <th className={th}>项目</th>
                <th className={th}>园区</th>
                <th className={th}>更正月份</th>
                <th className={th}>本月完成投资</th>
                <th className={th}>本月到位资金</th>
                <th className={th}>更正原因</th>
                <th className={th}>申请 / 批准</th>
              </tr>
            </thead>
            <tbody>
              {c.items.map((n) => (
                <tr key={n.id}>
                  <td className={`${td} ${titleCell}`}>
                    <Link href={`/projects/${n.projectId}`} className="hover:underline">
                      {n.projectName}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500">{n.projectCode}</span>
                  </td>
                  <td className={td} data-label="园区">
                    {n.parkName}
                  </td>
                  <td className={`${td} tabular-nums`} data-label="更正月份">
                    {formatYearMonth(n)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label="本月完成投资">
                    {n.before ? formatMoney(n.before.investmentCompleted) : "未填报"} → {formatMoney(n.after.investmentCompleted)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label="本月到位资金">
                    {n.before ? formatMoney(n.before.fundsArrived) : "未填报"} → {formatMoney(n.after.fundsArrived)}
                  </td>
                  <td className={td} data-label="更正原因">
                    {n.reason}
                  </td>
                  <td className={td} data-label="申请 / 批准">
                    {n.requestedByName} / {n.decidedByName}
                    <span className="block text-xs text-slate-500">{formatPublishedAt(n.decidedAt)} 批准</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/**
 * The monthly bulletin as one printable document (A4 portrait; tables break across pages).
 * `corrections` adds the 更正说明; `published` marks a published (定稿) bulletin.
 */
export function BulletinView({ b, corrections, published }: { b: Bulletin; corrections?: CorrectionNotes; published?: PublishedStamp }) {
  const scope: IndicatorScope = { year: b.month.year, through: b.month.month, cohort: b.month.year };
  const rankLabel = INDICATOR_DEFS.find((d) => d.key === b.rankKey)?.label ?? b.rankKey;
  const investment = b.indicators.find((i) => i.key === "investmentYear");
  return (
    <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0" data-testid="bulletin">
      <header className="text-center">
        <h2 className="text-xl font-bold sm:text-2xl">{b.scopeName}项目推进情况通报</h2>
        {published && (
          <p className="mt-1 text-sm" data-testid="bulletin-stamp">
            <span className="mr-2 rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">已定稿</span>
            第 {published.revision} 版 · {published.publishedByName} 于 {formatPublishedAt(published.publishedAt)} 定稿发布
          </p>
        )}
        <p className="mt-1 text-sm text-slate-600">
          （{formatYearMonth(b.month)} · 统计期 {b.month.year}年1—{b.month.month}月，数据截至{formatDateZh(b.asOf)} · 签约批次 {b.month.year}年 · 对比截至{formatDateZh(b.previousAsOf)}）
        </p>
      </header>

      <section>
        <h3 className="mb-2 text-lg font-semibold">一、总体情况</h3>
        <p className="text-sm leading-7">
          {b.month.year}年1—{b.month.month}月，共签约项目 {b.counts.signed} 个（上月末 {b.previousCounts.signed} 个），合同引资额 {formatMoney(b.counts.contractInvestment)}；
          其中已落地 {b.counts.landed} 个、已开工 {b.counts.started} 个、已投产 {b.counts.producing} 个，终止/解约 {b.counts.terminated} 个。
          年度计划项目 {b.counts.planned} 个，本年计划投资 {formatMoney(b.counts.plannedInvestment)}，已完成 {formatMoney(b.counts.yearCompleted)}
          {investment ? `，投资完成率 ${formatPercent(investment.current)}，序时进度 ${formatPercent(b.timeProgress)}（${formatPoints(pointsAgainstTime(investment.current, b.month.month))}）` : ""}。
          应开工未开工 {b.counts.dueNotStarted} 个。
        </p>
        <table className={`mt-3 ${stackedTable}`} data-testid="bulletin-indicators">
          <thead>
            <tr>
              <th className={th}>指标</th>
              <th className={th}>口径</th>
              <th className={th}>截至{formatYearMonth(b.month)}</th>
              <th className={th}>截至{formatYearMonth(b.previous)}</th>
              <th className={th}>变化</th>
              <th className={th}>分子 / 分母</th>
            </tr>
          </thead>
          <tbody>
            {b.indicators.map((i) => (
              <tr key={i.key} data-indicator={i.key}>
                <td className={`${td} ${titleCell}`} title={i.formula}>
                  {i.label}
                </td>
                <td className={td} data-label="口径">
                  {i.convention}
                </td>
                <td className={`${td} font-medium tabular-nums`} data-label={`截至${formatYearMonth(b.month)}`}>
                  {formatPercent(i.current)}
                </td>
                <td className={`${td} tabular-nums`} data-label={`截至${formatYearMonth(b.previous)}`}>
                  {formatPercent(i.previous)}
                </td>
                <td className={`${td} tabular-nums ${i.changePoints !== null && i.changePoints < 0 ? "text-red-700" : ""}`} data-label="变化">
                  {formatChange(i.changePoints)}
                </td>
                <td className={`${td} tabular-nums`} data-label="分子 / 分母">
                  {figure(i.unit, i.numerator)} / {figure(i.unit, i.denominator)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-500">各指标计算公式：{b.indicators.map((i) => i.formula).join("；")}。分母为 0 时显示“—”。</p>
      </section>

      <section>
        <h3 className="mb-2 text-lg font-semibold">二、园区排名（按{rankLabel}）</h3>
        <div className="mb-3 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
          <ParkList title="红榜" rows={b.red} tone="red" />
          <ParkList title="黑榜" rows={b.black} tone="black" />
        </div>
        {/* Every park against every indicator: a phone scrolls this table sideways, inside its own frame. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
        <div className="overflow-x-auto" role="region" aria-label="园区排名表（可左右滑动）" tabIndex={0}>
          <table className="w-full border-collapse text-sm" data-testid="bulletin-ranking">
            <thead>
              <tr>
                <th className={`${th} whitespace-nowrap`}>排名</th>
                <th className={`${th} whitespace-nowrap`}>较上月</th>
                <th className={th}>园区</th>
                {INDICATOR_DEFS.map((d) => (
                  <th key={d.key} className={`${th} ${d.key === b.rankKey ? "bg-brand-50" : ""}`} title={d.formula}>
                    {d.label}
                    <span className="block text-[10px] font-normal text-slate-500">{d.convention}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.ranking.map((r) => (
                <tr key={r.row.parkId}>
                  <td className={`${td} tabular-nums`}>{r.rank ?? "—"}</td>
                  <td className={`${td} whitespace-nowrap`}>{rankMove(r)}</td>
                  <td className={`${td} min-w-[7em]`}>{r.row.parkName}</td>
                  {INDICATOR_DEFS.map((d) => {
                    const rate = r.row.indicators.find((i) => i.key === d.key)?.rate ?? null;
                    return (
                      <td key={d.key} className={`${td} tabular-nums`}>
                        {formatPercent(rate)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section>
        <h3 className="mb-2 text-lg font-semibold">三、红灯项目（督办）</h3>
        <p className="mb-2 text-sm">
          截至{formatDateZh(b.asOf)}共有红灯项目 <strong data-testid="bulletin-red-total">{b.redProjects.total}</strong> 个
          {b.redProjects.total > b.redProjects.rows.length ? `，以下列出前 ${b.redProjects.rows.length} 个（完整名单见亮灯督办页）` : ""}。
          <Link href="/warnings" className="no-print ml-2 text-brand-600 underline">
            亮灯督办
          </Link>
        </p>
        {b.supervision && (
          <p className="mb-2 text-sm" data-testid="bulletin-supervision">
            督办函未销号 <strong>{b.supervision.open}</strong> 件，其中超期未回复 <strong className="text-red-700">{b.supervision.overdue}</strong> 件。
            <Link href="/supervision" className="no-print ml-2 text-brand-600 underline">
              督办事项
            </Link>
          </p>
        )}
        {b.redProjects.rows.length > 0 && (
          <table className={stackedTable} data-testid="bulletin-red-list">
            <thead>
              <tr>
                <th className={th}>项目</th>
                <th className={th}>园区</th>
                <th className={th}>阶段</th>
                <th className={th}>包保责任人 / 领导</th>
                <th className={th}>原因</th>
              </tr>
            </thead>
            <tbody>
              {b.redProjects.rows.map((p) => (
                <tr key={p.id}>
                  <td className={`${td} ${titleCell}`}>
                    <Link href={`/projects/${p.id}`} className="hover:underline">
                      {p.name}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500">{p.code}</span>
                  </td>
                  <td className={td} data-label="园区">
                    {p.parkName}
                  </td>
                  <td className={td} data-label="阶段">
                    {STAGE_LABELS[p.stage as Stage] ?? p.stage}
                  </td>
                  <td className={td} data-label="包保人/领导">
                    {p.liaisonName ?? "未指定"} / {p.leaderName ?? "未指定"}
                  </td>
                  <td className={td} data-label="原因">
                    {p.light.reasons.join("；")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h3 className="mb-2 text-lg font-semibold">四、超期未办结的企业诉求</h3>
        <p className="mb-2 text-sm">
          截至生成时共有超期诉求 <strong data-testid="bulletin-overdue-total">{b.overdue.total}</strong> 件
          {b.overdue.byPark.length > 0 ? `，其中 ${b.overdue.byPark.map((p) => `${p.parkName} ${p.overdue} 件`).join("、")}` : ""}。
          <Link href="/issues?overdue=1" className="no-print ml-2 text-brand-600 underline">
            查看全部
          </Link>
        </p>
        {b.overdue.items.length > 0 && (
          <table className={stackedTable} data-testid="bulletin-overdue-list">
            <thead>
              <tr>
                <th className={th}>问题</th>
                <th className={th}>类别</th>
                <th className={th}>园区 / 企业</th>
                <th className={th}>层级</th>
                <th className={th}>办结时限</th>
                <th className={th}>超期</th>
              </tr>
            </thead>
            <tbody>
              {b.overdue.items.map((i) => (
                <tr key={i.id}>
                  <td className={`${td} ${titleCell}`}>
                    <Link href={`/issues/${i.id}`} className="hover:underline">
                      {i.title}
                    </Link>
                    <span className="block text-xs font-normal text-slate-500">{i.code}</span>
                  </td>
                  <td className={td} data-label="类别">
                    {i.category}
                  </td>
                  <td className={td} data-label="园区 / 企业">
                    {i.parkName} / {i.enterpriseName}
                  </td>
                  <td className={td} data-label="层级">
                    {i.level} 级
                  </td>
                  <td className={`${td} tabular-nums`} data-label="办结时限">
                    {i.resolveDeadline}
                  </td>
                  <td className={`${td} tabular-nums text-red-700`} data-label="超期">
                    {i.overdueDays} 天
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {b.points && <BulletinPointsSection p={b.points} heading="五、积分考核" scopeQuery={pointsScope(b)} />}

      {corrections && <CorrectionsSection c={corrections} number={b.points ? "六" : "五"} />}

      {published ? (
        <footer className="text-xs text-slate-500">
          数据来源：园区项目全生命周期跟踪系统，定稿发布于 {formatPublishedAt(published.publishedAt)}（北京时间）。本通报的数字在定稿时冻结，此后台账的变动不改变本通报；
          <Link href={published.figuresHref} className="no-print text-brand-600 underline">
            定稿时各数字背后的项目清单
          </Link>
          。
        </footer>
      ) : (
        <footer className="text-xs text-slate-500">
          数据来源：园区项目全生命周期跟踪系统，生成于 {b.generatedAt.slice(0, 16).replace("T", " ")} UTC。指标与领导驾驶舱同一口径，
          <Link href={drillHref(scope, "cohort.signed")} className="no-print text-brand-600 underline">
            可逐项下钻到项目清单
          </Link>
          。
        </footer>
      )}
    </article>
  );
}
