import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { INDICATOR_DEFS, formatPercent, pointsAgainstTime } from "@/lib/domain/indicators";
import { STAGES, type Stage } from "@/lib/domain/stages";
import { formatDateIn, formatMoneyIn, formatYearMonthIn } from "@/lib/i18n/format";
import type { Bulletin, BulletinRankRow } from "@/lib/server/bulletin/get-bulletin";
import type { CorrectionNotes } from "@/lib/server/bulletin/bulletin-corrections";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { drillHref } from "@/components/dashboard/drill";
import { indicatorText, issueCategoryKey, monthsLabel, pointsLabel } from "@/components/dashboard/labels";
import { BulletinPointsSection } from "./bulletin-points";
import { formatPublishedAtIn } from "./format";
import { translateMessage } from "@/lib/i18n/server-messages";
import { scopeNameIn } from "@/lib/domain/published-bulletins";

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

function rankMove(r: BulletinRankRow, same: string): string {
  if (r.rank === null || r.previousRank === null) return "—";
  const d = r.previousRank - r.rank;
  return d === 0 ? same : d > 0 ? `↑${d}` : `↓${-d}`;
}

function ParkList({ title, rows, tone }: { title: string; rows: BulletinRankRow[]; tone: "red" | "black" }) {
  const t = useTranslations("bulletin");
  const box = tone === "red" ? "border-red-300 bg-red-50" : "border-slate-400 bg-slate-100";
  return (
    <div className={`rounded border p-3 ${box}`} data-testid={tone === "red" ? "red-board" : "black-board"}>
      <h3 className="font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("view.noBoard")}</p>
      ) : (
        <ol className="mt-1 space-y-0.5 text-sm">
          {rows.map((r) => (
            <li key={r.row.parkId}>
              {t("view.boardItem", { rank: r.rank ?? "—", park: r.row.parkName, rate: formatPercent(r.rate) })}
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

function CorrectionsSection({ c, sixth }: { c: CorrectionNotes; sixth: boolean }) {
  const t = useTranslations("bulletin");
  const locale = useLocale();
  const money = (v: string) => formatMoneyIn(locale, v);
  return (
    <section data-testid="bulletin-corrections">
      <h3 className="mb-2 text-lg font-semibold">{t(sixth ? "corrections.heading6" : "corrections.heading5")}</h3>
      {c.total === 0 ? (
        <p className="text-sm">{t("corrections.none")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm">
            {t.rich("corrections.intro", {
              total: c.total,
              more: c.total > c.items.length ? t("corrections.more", { shown: c.items.length }) : "",
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <table className={stackedTable}>
            <thead>
              <tr>
                <th className={th}>{t("corrections.project")}</th>
                <th className={th}>{t("corrections.park")}</th>
                <th className={th}>{t("corrections.month")}</th>
                <th className={th}>{t("corrections.investment")}</th>
                <th className={th}>{t("corrections.funds")}</th>
                <th className={th}>{t("corrections.reason")}</th>
                <th className={th}>{t("corrections.people")}</th>
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
                  <td className={td} data-label={t("corrections.park")}>
                    {n.parkName}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("corrections.month")}>
                    {formatYearMonthIn(locale, n)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("corrections.investment")}>
                    {n.before ? money(n.before.investmentCompleted) : t("corrections.notFiled")} → {money(n.after.investmentCompleted)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("corrections.funds")}>
                    {n.before ? money(n.before.fundsArrived) : t("corrections.notFiled")} → {money(n.after.fundsArrived)}
                  </td>
                  <td className={td} data-label={t("corrections.reason")}>
                    {n.reason}
                  </td>
                  <td className={td} data-label={t("corrections.people")}>
                    {n.requestedByName} / {n.decidedByName}
                    <span className="block text-xs text-slate-500">{t("corrections.approved", { at: formatPublishedAtIn(locale, n.decidedAt) })}</span>
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
  const t = useTranslations("bulletin");
  const td_ = useTranslations("dashboard");
  const tc = useTranslations("common");
  const locale = useLocale();
  const money = (v: number | string) => formatMoneyIn(locale, v);
  const date = (v: string) => formatDateIn(locale, v);
  const figure = (unit: "count" | "money", value: number | string) => (unit === "money" ? money(value) : td_("count", { count: Number(value) }));
  const change = (points: number | null) => (points === null ? "—" : points === 0 ? t("view.changeLevel") : t(points > 0 ? "view.changeUp" : "view.changeDown", { points: Math.abs(points).toFixed(1) }));
  const category = (label: string) => {
    const key = issueCategoryKey(label);
    return key ? tc(`enum.issueCategory.${key}`) : label;
  };
  const stage = (s: string) => ((STAGES as readonly string[]).includes(s) ? tc(`enum.stage.${s as Stage}`) : s);
  const scope: IndicatorScope = { year: b.month.year, through: b.month.month, cohort: b.month.year };
  const rankLabel = INDICATOR_DEFS.some((d) => d.key === b.rankKey) ? indicatorText(td_, b.rankKey).label : b.rankKey;
  const investment = b.indicators.find((i) => i.key === "investmentYear");
  const month = formatYearMonthIn(locale, b.month);
  const months = monthsLabel(td_, b.month.year, b.month.month);
  const overview = [
    t("view.overview.signed", { months, signed: b.counts.signed, previous: b.previousCounts.signed, contract: money(b.counts.contractInvestment) }),
    t("view.overview.stages", { landed: b.counts.landed, started: b.counts.started, producing: b.counts.producing, terminated: b.counts.terminated }),
    t("view.overview.plan", {
      planned: b.counts.planned,
      investment: money(b.counts.plannedInvestment),
      completed: money(b.counts.yearCompleted),
      completion: investment
        ? t("view.overview.completion", {
            rate: formatPercent(investment.current),
            progress: formatPercent(b.timeProgress),
            points: pointsLabel(td_, pointsAgainstTime(investment.current, b.month.month)),
          })
        : "",
    }),
    t("view.overview.due", { due: b.counts.dueNotStarted }),
  ].join(" ");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <article className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-6 print:border-0 print:p-0" data-testid="bulletin">
      <header className="text-center">
        <h2 className="text-xl font-bold sm:text-2xl">{t("view.heading", { scope: scopeNameIn(b.scopeName, t("form.allParks")) })}</h2>
        {published && (
          <p className="mt-1 text-sm" data-testid="bulletin-stamp">
            <span className="mr-2 rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">{t("badge")}</span>
            {t("view.stamp", { revision: published.revision, by: published.publishedByName, at: formatPublishedAtIn(locale, published.publishedAt) })}
          </p>
        )}
        <p className="mt-1 text-sm text-slate-600">
          {t("view.period", { month, months, asOf: date(b.asOf), year: b.month.year, previousAsOf: date(b.previousAsOf) })}
        </p>
      </header>

      <section>
        <h3 className="mb-2 text-lg font-semibold">{t("view.s1")}</h3>
        <p className="text-sm leading-7">{overview}</p>
        <table className={`mt-3 ${stackedTable}`} data-testid="bulletin-indicators">
          <thead>
            <tr>
              <th className={th}>{t("view.indicator")}</th>
              <th className={th}>{t("view.convention")}</th>
              <th className={th}>{t("view.asOfMonth", { month })}</th>
              <th className={th}>{t("view.asOfMonth", { month: formatYearMonthIn(locale, b.previous) })}</th>
              <th className={th}>{t("view.change")}</th>
              <th className={th}>{t("view.fraction")}</th>
            </tr>
          </thead>
          <tbody>
            {b.indicators.map((i) => {
              const text = indicatorText(td_, i.key);
              return (
                <tr key={i.key} data-indicator={i.key}>
                  <td className={`${td} ${titleCell}`} title={text.formula}>
                    {text.label}
                  </td>
                  <td className={td} data-label={t("view.convention")}>
                    {text.convention}
                  </td>
                  <td className={`${td} font-medium tabular-nums`} data-label={t("view.asOfMonth", { month })}>
                    {formatPercent(i.current)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("view.asOfMonth", { month: formatYearMonthIn(locale, b.previous) })}>
                    {formatPercent(i.previous)}
                  </td>
                  <td className={`${td} tabular-nums ${i.changePoints !== null && i.changePoints < 0 ? "text-red-700" : ""}`} data-label={t("view.change")}>
                    {change(i.changePoints)}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("view.fraction")}>
                    {figure(i.unit, i.numerator)} / {figure(i.unit, i.denominator)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="mt-1 text-xs text-slate-500">{t("view.formulas", { formulas: b.indicators.map((i) => indicatorText(td_, i.key).formula).join(t("view.formulaSeparator")) })}</p>
      </section>

      <section>
        <h3 className="mb-2 text-lg font-semibold">{t("view.s2", { rank: rankLabel })}</h3>
        <div className="mb-3 grid gap-3 sm:grid-cols-2 print:grid-cols-2">
          <ParkList title={t("view.red")} rows={b.red} tone="red" />
          <ParkList title={t("view.black")} rows={b.black} tone="black" />
        </div>
        {/* Every park against every indicator: a phone scrolls this table sideways, inside its own frame. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
        <div className="overflow-x-auto" role="region" aria-label={t("view.rankingRegion")} tabIndex={0}>
          <table className="w-full border-collapse text-sm" data-testid="bulletin-ranking">
            <thead>
              <tr>
                <th className={`${th} whitespace-nowrap`}>{t("view.rank")}</th>
                <th className={`${th} whitespace-nowrap`}>{t("view.move")}</th>
                <th className={th}>{t("view.park")}</th>
                {INDICATOR_DEFS.map((d) => {
                  const text = indicatorText(td_, d.key);
                  return (
                    <th key={d.key} className={`${th} ${d.key === b.rankKey ? "bg-brand-50" : ""}`} title={text.formula}>
                      {text.label}
                      <span className="block text-[10px] font-normal text-slate-500">{text.convention}</span>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {b.ranking.map((r) => (
                <tr key={r.row.parkId}>
                  <td className={`${td} tabular-nums`}>{r.rank ?? "—"}</td>
                  <td className={`${td} whitespace-nowrap`}>{rankMove(r, t("view.rankSame"))}</td>
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
        <h3 className="mb-2 text-lg font-semibold">{t("view.s3")}</h3>
        <p className="mb-2 text-sm">
          {t.rich("view.redTotal", {
            date: date(b.asOf),
            count: b.redProjects.total,
            more: b.redProjects.total > b.redProjects.rows.length ? t("view.redMore", { shown: b.redProjects.rows.length }) : "",
            strong: (chunks) => <strong data-testid="bulletin-red-total">{chunks}</strong>,
          })}
          <Link href="/warnings" className="no-print ml-2 text-brand-600 underline">
            {t("view.warnings")}
          </Link>
        </p>
        {b.supervision && (
          <p className="mb-2 text-sm" data-testid="bulletin-supervision">
            {t.rich("view.supervision", {
              open: b.supervision.open,
              overdue: b.supervision.overdue,
              strong,
              late: (chunks) => <strong className="text-red-700">{chunks}</strong>,
            })}
            <Link href="/supervision" className="no-print ml-2 text-brand-600 underline">
              {t("view.supervisionLink")}
            </Link>
          </p>
        )}
        {b.redProjects.rows.length > 0 && (
          <table className={stackedTable} data-testid="bulletin-red-list">
            <thead>
              <tr>
                <th className={th}>{t("view.project")}</th>
                <th className={th}>{t("view.park")}</th>
                <th className={th}>{t("view.stage")}</th>
                <th className={th}>{t("view.people")}</th>
                <th className={th}>{t("view.reason")}</th>
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
                  <td className={td} data-label={t("view.park")}>
                    {p.parkName}
                  </td>
                  <td className={td} data-label={t("view.stage")}>
                    {stage(p.stage)}
                  </td>
                  <td className={td} data-label={t("view.peopleShort")}>
                    {p.liaisonName ?? t("view.unassigned")} / {p.leaderName ?? t("view.unassigned")}
                  </td>
                  <td className={td} data-label={t("view.reason")}>
                    {p.light.reasons.map((r) => translateMessage(r, locale)).join(locale === "zh-CN" ? "；" : "; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h3 className="mb-2 text-lg font-semibold">{t("view.s4")}</h3>
        <p className="mb-2 text-sm">
          {t.rich("view.overdueTotal", {
            count: b.overdue.total,
            byPark:
              b.overdue.byPark.length > 0
                ? t("view.overdueByPark", { list: b.overdue.byPark.map((p) => t("view.overduePark", { park: p.parkName, count: p.overdue })).join(t("listSeparator")) })
                : "",
            strong: (chunks) => <strong data-testid="bulletin-overdue-total">{chunks}</strong>,
          })}
          <Link href="/issues?overdue=1" className="no-print ml-2 text-brand-600 underline">
            {t("view.viewAll")}
          </Link>
        </p>
        {b.overdue.items.length > 0 && (
          <table className={stackedTable} data-testid="bulletin-overdue-list">
            <thead>
              <tr>
                <th className={th}>{t("view.problem")}</th>
                <th className={th}>{t("view.category")}</th>
                <th className={th}>{t("view.parkEnterprise")}</th>
                <th className={th}>{t("view.level")}</th>
                <th className={th}>{t("view.deadline")}</th>
                <th className={th}>{t("view.overdue")}</th>
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
                  <td className={td} data-label={t("view.category")}>
                    {category(i.category)}
                  </td>
                  <td className={td} data-label={t("view.parkEnterprise")}>
                    {i.parkName} / {i.enterpriseName}
                  </td>
                  <td className={td} data-label={t("view.level")}>
                    {t("view.levelValue", { level: i.level })}
                  </td>
                  <td className={`${td} tabular-nums`} data-label={t("view.deadline")}>
                    {i.resolveDeadline}
                  </td>
                  <td className={`${td} tabular-nums text-red-700`} data-label={t("view.overdue")}>
                    {t("view.days", { days: i.overdueDays })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {b.points && <BulletinPointsSection p={b.points} heading={t("view.s5Points")} period={month} scopeQuery={pointsScope(b)} />}

      {corrections && <CorrectionsSection c={corrections} sixth={Boolean(b.points)} />}

      {published ? (
        <footer className="text-xs text-slate-500">
          {t.rich("view.footerPublished", {
            at: formatPublishedAtIn(locale, published.publishedAt),
            link: (chunks) => (
              <Link href={published.figuresHref} className="no-print text-brand-600 underline">
                {chunks}
              </Link>
            ),
          })}
        </footer>
      ) : (
        <footer className="text-xs text-slate-500">
          {t.rich("view.footerLive", {
            at: b.generatedAt.slice(0, 16).replace("T", " "),
            link: (chunks) => (
              <Link href={drillHref(scope, "cohort.signed")} className="no-print text-brand-600 underline">
                {chunks}
              </Link>
            ),
          })}
        </footer>
      )}
    </article>
  );
}
