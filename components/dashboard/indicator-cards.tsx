import Link from "next/link";
import { type Indicator, type IndicatorCounts, describeMetric, formatPercent, formatPoints, timeProgress } from "@/lib/domain/indicators";
import { formatMoney } from "@/lib/domain/money";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { FormulaTip } from "./formula-tip";
import { drillHref } from "./drill";

function Figure({ value, href, title, testId }: { value: string; href: string; title: string; testId?: string }) {
  return (
    <Link href={href} title={`查看：${title}`} data-testid={testId} className="font-medium text-brand-700 underline decoration-dotted underline-offset-2 hover:text-brand-900">
      {value}
    </Link>
  );
}

const fmt = (i: Indicator, v: number | string) => (i.unit === "money" ? formatMoney(v) : `${v} 个`);

function RateCard({ i, scope }: { i: Indicator; scope: IndicatorScope }) {
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const behind = i.pointsAgainstTime !== undefined && i.pointsAgainstTime !== null && i.pointsAgainstTime < 0;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={`indicator-${i.key}`}>
      <div className="flex items-center text-sm text-slate-600">
        {i.label}
        <FormulaTip formula={i.formula} id={`tip-${i.key}`} />
      </div>
      <div className="mt-1 text-2xl font-semibold text-slate-900" data-testid="rate">
        {formatPercent(i.rate)}
      </div>
      <div className="mt-1 text-xs text-slate-500">
        <Figure value={fmt(i, i.numerator)} href={drillHref(scope, i.numeratorMetric)} title={describeMetric(i.numeratorMetric, period)} /> ÷{" "}
        <Figure value={fmt(i, i.denominator)} href={drillHref(scope, i.denominatorMetric)} title={describeMetric(i.denominatorMetric, period)} />
      </div>
      {i.pointsAgainstTime !== undefined && (
        <div className={`mt-1 text-xs ${behind ? "text-red-700" : "text-emerald-700"}`} data-testid="points">
          序时进度 {formatPercent(timeProgress(scope.through))}，{formatPoints(i.pointsAgainstTime ?? null)}
        </div>
      )}
      <p className="mt-1 hidden text-[11px] text-slate-500 print:block">{i.formula}</p>
    </div>
  );
}

/** The headline: counts and money of the cohort, then the rates of both conventions. */
export function IndicatorCards({ counts, indicators, scope }: { counts: IndicatorCounts; indicators: Indicator[]; scope: IndicatorScope }) {
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const cohortLabel = scope.cohort === scope.year ? `${scope.year}年1—${scope.through}月签约` : `${scope.cohort}年签约`;
  const counters: { label: string; value: string; metric: Parameters<typeof drillHref>[1]; formula: string }[] = [
    { label: "签约项目", value: `${counts.signed} 个`, metric: "cohort.signed", formula: `${cohortLabel}的项目（含已终止的），按签约日期计；各阶段和状态均按期末（月末）的情况统计` },
    { label: "合同引资额", value: formatMoney(counts.contractInvestment), metric: "cohort.signed", formula: "签约项目合同引资额之和（万元；1 亿元 = 10,000 万元）" },
    { label: "已落地", value: `${counts.landed} 个`, metric: "cohort.landed", formula: "签约项目中截至期末已落地的（含已开工、已投产，按落地日期；不含截至期末已终止的）" },
    { label: "已开工", value: `${counts.started} 个`, metric: "cohort.started", formula: "签约项目中截至期末已开工的（按实际开工日期，投产计入开工；不含截至期末已终止的）" },
    { label: "已投产", value: `${counts.producing} 个`, metric: "cohort.producing", formula: "签约项目中截至期末已投产的（按实际投产日期；不含截至期末已终止的）" },
    { label: "应开工未开工", value: `${counts.dueNotStarted} 个`, metric: "due.notStarted", formula: "计划开工日期已到（至期末或今天）、截至该日尚未开工、正常推进或暂缓的项目（不限签约批次）" },
  ];
  const cohort = indicators.filter((i) => i.convention === "签约批次口径");
  const plan = indicators.filter((i) => i.convention === "年度计划口径");
  return (
    <section aria-label="核心指标" className="mb-5">
      <div className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 print:grid-cols-6">
        {counters.map((c) => (
          <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-3 print:break-inside-avoid" data-testid={`count-${c.metric}${c.label === "合同引资额" ? "-money" : ""}`}>
            <div className="flex items-center text-sm text-slate-600">
              {c.label}
              <FormulaTip formula={c.formula} id={`tip-${c.label}`} />
            </div>
            <div className="mt-1 text-2xl font-semibold">
              <Figure value={c.value} href={drillHref(scope, c.metric)} title={describeMetric(c.metric, period)} testId="figure" />
            </div>
          </div>
        ))}
      </div>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">签约批次口径 <span className="font-normal text-slate-500">（{cohortLabel}的项目为分母）</span></h2>
      <div className="mb-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        {cohort.map((i) => (
          <RateCard key={i.key} i={i} scope={scope} />
        ))}
      </div>
      <h2 className="mb-2 text-sm font-semibold text-slate-700">年度计划口径 <span className="font-normal text-slate-500">（{scope.year}年度计划项目为分母）</span></h2>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
        {plan.map((i) => (
          <RateCard key={i.key} i={i} scope={scope} />
        ))}
      </div>
    </section>
  );
}
