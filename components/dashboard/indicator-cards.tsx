import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type Indicator, type IndicatorCounts, formatPercent, timeProgress } from "@/lib/domain/indicators";
import { formatMoneyIn } from "@/lib/i18n/format";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { FormulaTip } from "./formula-tip";
import { drillHref } from "./drill";
import { type DashboardT, describeMetricIn, indicatorText, monthsLabel, pointsLabel } from "./labels";

function Figure({ value, href, title, testId }: { value: string; href: string; title: string; testId?: string }) {
  const t = useTranslations("dashboard");
  return (
    <Link href={href} title={t("cards.view", { title })} data-testid={testId} className="font-medium text-brand-700 underline decoration-dotted underline-offset-2 hover:text-brand-900">
      {value}
    </Link>
  );
}

function RateCard({ i, scope }: { i: Indicator; scope: IndicatorScope }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const behind = i.pointsAgainstTime !== undefined && i.pointsAgainstTime !== null && i.pointsAgainstTime < 0;
  const fmt = (v: number | string) => (i.unit === "money" ? formatMoneyIn(locale, v) : t("count", { count: Number(v) }));
  const text = indicatorText(t, i.key);
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={`indicator-${i.key}`}>
      <div className="flex items-center text-sm text-slate-600">
        {text.label}
        <FormulaTip formula={text.formula} id={`tip-${i.key}`} />
      </div>
      <div className="mt-1 text-2xl font-semibold text-slate-900" data-testid="rate">
        {formatPercent(i.rate)}
      </div>
      <div className="mt-1 text-xs text-slate-500">
        <Figure value={fmt(i.numerator)} href={drillHref(scope, i.numeratorMetric)} title={describeMetricIn(t, i.numeratorMetric, period)} /> ÷{" "}
        <Figure value={fmt(i.denominator)} href={drillHref(scope, i.denominatorMetric)} title={describeMetricIn(t, i.denominatorMetric, period)} />
      </div>
      {i.pointsAgainstTime !== undefined && (
        <div className={`mt-1 text-xs ${behind ? "text-red-700" : "text-emerald-700"}`} data-testid="points">
          {t("cards.timeProgress", { progress: formatPercent(timeProgress(scope.through)), points: pointsLabel(t, i.pointsAgainstTime ?? null) })}
        </div>
      )}
      <p className="mt-1 hidden text-[11px] text-slate-500 print:block">{text.formula}</p>
    </div>
  );
}

type CounterKey = "signed" | "contractInvestment" | "landed" | "started" | "producing" | "dueNotStarted";

function cohortLabel(t: DashboardT, scope: IndicatorScope): string {
  return scope.cohort === scope.year ? t("cards.cohortCurrent", { months: monthsLabel(t, scope.year, scope.through) }) : t("cards.cohortOther", { cohort: scope.cohort });
}

/** The headline: counts and money of the cohort, then the rates of both conventions. */
export function IndicatorCards({ counts, indicators, scope }: { counts: IndicatorCounts; indicators: Indicator[]; scope: IndicatorScope }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const cohort = cohortLabel(t, scope);
  const n = (count: number) => t("count", { count });
  const counters: { key: CounterKey; value: string; metric: Parameters<typeof drillHref>[1]; formula: string }[] = [
    { key: "signed", value: n(counts.signed), metric: "cohort.signed", formula: t("counter.signed.formula", { cohort }) },
    { key: "contractInvestment", value: formatMoneyIn(locale, counts.contractInvestment), metric: "cohort.signed", formula: t("counter.contractInvestment.formula") },
    { key: "landed", value: n(counts.landed), metric: "cohort.landed", formula: t("counter.landed.formula") },
    { key: "started", value: n(counts.started), metric: "cohort.started", formula: t("counter.started.formula") },
    { key: "producing", value: n(counts.producing), metric: "cohort.producing", formula: t("counter.producing.formula") },
    { key: "dueNotStarted", value: n(counts.dueNotStarted), metric: "due.notStarted", formula: t("counter.dueNotStarted.formula") },
  ];
  const byCohort = indicators.filter((i) => i.convention === "签约批次口径");
  const byPlan = indicators.filter((i) => i.convention === "年度计划口径");
  return (
    <section aria-label={t("cards.label")} className="mb-5">
      <div className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6">
        {counters.map((c) => (
          <div key={c.key} className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={`count-${c.metric}${c.key === "contractInvestment" ? "-money" : ""}`}>
            <div className="flex items-center text-sm text-slate-600">
              {t(`counter.${c.key}.label`)}
              <FormulaTip formula={c.formula} id={`tip-${c.key}`} />
            </div>
            <div className="mt-1 text-2xl font-semibold">
              <Figure value={c.value} href={drillHref(scope, c.metric)} title={describeMetricIn(t, c.metric, period)} testId="figure" />
            </div>
          </div>
        ))}
      </div>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">
        {t("cards.cohortHeading")} <span className="font-normal text-slate-500">{t("cards.cohortNote", { cohort })}</span>
      </h2>
      <div className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        {byCohort.map((i) => (
          <RateCard key={i.key} i={i} scope={scope} />
        ))}
      </div>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">
        {t("cards.planHeading")} <span className="font-normal text-slate-500">{t("cards.planNote", { year: scope.year })}</span>
      </h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        {byPlan.map((i) => (
          <RateCard key={i.key} i={i} scope={scope} />
        ))}
      </div>
    </section>
  );
}
