import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type IndicatorKey, formatPercent } from "@/lib/domain/indicators";
import { formatDateIn, formatMoneyIn } from "@/lib/i18n/format";
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
import { issueCategoryKey, monthsLabel } from "./labels";
import { Section as Panel } from "@/components/ui/section";

export interface DashboardData {
  indicators: IndicatorsResult;
  ranking: ParkRankingRow[];
  trend: TrendMonth[];
  industries: IndustryRow[];
  overdue: OverdueProblems;
}

const RATE_COLUMNS = ["fulfilment", "landing", "startCohort", "productionCohort", "funds", "startPlan", "investmentYear"] as const satisfies readonly IndicatorKey[];

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
  const t = useTranslations("dashboard");
  const tc = useTranslations("common");
  const locale = useLocale();
  const { indicators: ind, ranking, trend, industries, overdue } = data;
  const c = ind.counts;
  const funnel = [
    { label: tc("enum.stage.SIGNED"), value: c.signed, href: drillHref(scope, "cohort.signed") },
    { label: tc("enum.stage.LANDED"), value: c.landed, href: drillHref(scope, "cohort.landed") },
    { label: tc("enum.stage.STARTED"), value: c.started, href: drillHref(scope, "cohort.started") },
    { label: tc("enum.stage.PRODUCING"), value: c.producing, href: drillHref(scope, "cohort.producing") },
  ];
  const rateColumns = RATE_COLUMNS.map((key) => ({ key, label: t(`ranking.rate.${key}`) }));
  const category = (label: string) => {
    const key = issueCategoryKey(label);
    return key ? tc(`enum.issueCategory.${key}`) : label;
  };
  const asOf = formatDateIn(locale, ind.asOf);
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
        <Section title={t("section.funnel")} note={t("section.funnelNote", { date: asOf })}>
          <StageFunnel steps={funnel} />
          <p className="text-xs text-slate-500">
            {t("section.funnelBoard", {
              date: asOf,
              signed: ind.boardColumns.SIGNED,
              landed: ind.boardColumns.LANDED,
              started: ind.boardColumns.STARTED,
              producing: ind.boardColumns.PRODUCING,
              suspended: ind.boardColumns.SUSPENDED,
              terminated: ind.boardColumns.TERMINATED,
            })}
          </p>
        </Section>
        <div className="lg:col-span-2 print:col-span-2">
          <Section title={t("section.trend")} note={t("section.trendNote", { months: monthsLabel(t, scope.year, scope.through) })}>
            <MonthlyTrend points={trend} />
          </Section>
        </div>
      </div>

      <Section title={t("section.ranking")} note={t("section.rankingNote")}>
        <RankingTable rows={rankingRows} rateColumns={rateColumns} />
      </Section>

      <div className="grid gap-5 lg:grid-cols-2 print:grid-cols-2 [&>*]:min-w-0">
        <Section title={t("section.industry")} note={t("section.industryNote")}>
          {industryRows.length === 0 ? <p className="text-sm text-slate-500">{t("section.industryEmpty")}</p> : <IndustryBars rows={industryRows} />}
          {industries.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="min-w-full text-sm" data-testid="industry-table">
                <thead className="text-slate-600">
                  <tr>
                    <th className="py-1 text-left">{t("industry.industry")}</th>
                    <th className="py-1 text-right">{t("industry.signed")}</th>
                    <th className="py-1 text-right">{t("industry.contractInvestment")}</th>
                    <th className="py-1 text-right">{t("industry.startRate")}</th>
                    <th className="py-1 text-right">{t("industry.productionRate")}</th>
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
                        <td className="py-1 text-right">{formatMoneyIn(locale, r.counts.contractInvestment)}</td>
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

        <Section title={t("section.overdue")} note={t("section.overdueNote")}>
          <p className="mb-2 text-sm">
            {t.rich("overdue.total", {
              count: overdue.total,
              link: (chunks) => (
                <Link href={issuesHref(scope.park)} className="text-lg font-semibold text-red-700 underline decoration-dotted" data-testid="overdue-total">
                  {chunks}
                </Link>
              ),
            })}
            {overdue.byPark.length > 0 && (
              <span className="ml-2 text-xs text-slate-500">
                {overdue.byPark.map((p, i) => (
                  <span key={p.parkId}>
                    {i > 0 && t("listSeparator")}
                    <Link className="hover:underline" href={issuesHref(p.parkId)}>
                      {t("overdue.byPark", { park: p.parkName, count: p.overdue })}
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
                      {t("overdue.detail", { park: i.parkName, enterprise: i.enterpriseName, category: category(i.category), level: i.level })}
                    </span>
                  </Link>
                  <span className="shrink-0 text-xs text-red-700">{t("overdue.days", { days: i.overdueDays })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">{t("overdue.empty")}</p>
          )}
        </Section>
      </div>

      <Section title={t("section.due")} note={t("section.dueNote", { date: asOf })}>
        {ind.dueNotStarted.length === 0 ? (
          <p className="text-sm text-slate-500">{t("section.dueEmpty")}</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="w-full min-w-[40rem] text-sm print:min-w-0" data-testid="due-table">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th className="py-1 pr-2">{t("due.project")}</th>
                    <th className="py-1 pr-2">{t("due.park")}</th>
                    <th className="py-1 pr-2">{t("due.stage")}</th>
                    <th className="py-1 pr-2">{t("due.plannedStart")}</th>
                    <th className="py-1 pr-2 text-right">{t("due.daysLate")}</th>
                    <th className="py-1 pr-2">{t("due.reason")}</th>
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
                        {tc(`enum.stage.${d.stage}`)}
                        {d.status !== "ACTIVE" && <span className="ml-1 text-amber-700">{t("due.status", { status: tc(`enum.status.${d.status}`) })}</span>}
                      </td>
                      <td className="py-1 pr-2 whitespace-nowrap">{formatDateIn(locale, d.plannedStartDate)}</td>
                      <td className="py-1 pr-2 text-right">{d.daysLate}</td>
                      <td className="py-1 pr-2">
                        {d.reason ?? <span className="text-slate-400">{t("due.noReason")}</span>}
                        {d.openIssues > 0 && <span className="ml-1 text-xs text-red-700">{t("due.openIssues", { count: d.openIssues })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {c.dueNotStarted > ind.dueNotStarted.length && (
              <p className="mt-2 text-sm">
                <Link className="text-brand-700 hover:underline" href={drillHref(scope, "due.notStarted")}>{t("due.all", { count: c.dueNotStarted })}</Link>
              </p>
            )}
          </>
        )}
      </Section>
    </>
  );
}
