// The leaders' indicators (docs/domain.md#indicators): pure formulas over counts and sums
// that lib/server/metrics computes in SQL. Two conventions sit side by side:
//   签约批次口径 (cohort): the denominator is the projects signed in the cohort period;
//   年度计划口径 (plan):   the denominator is the projects in the year's plan.
// Every rate is null when its denominator is zero; the UI shows "—", never NaN or 0%.

import { type StageHistory, type StatusHistory, projectAsOf } from "./as-of";
import { lastDayOfMonth, ymKey } from "./filing";
import type { ProjectStatus, Stage } from "./stages";

/** num ÷ den, or null when there is nothing to divide by. */
export function rate(num: number | string, den: number | string): number | null {
  const n = Number(num);
  const d = Number(den);
  if (!Number.isFinite(n) || !Number.isFinite(d) || d === 0) return null;
  return n / d;
}

/**
 * "67.8%": half-up to `digits` decimals (one by default; two where a published figure
 * has two, e.g. 54.13%). "—" for a missing rate.
 */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${roundHalfUp(value * 100, digits).toFixed(digits)}%`;
}

function roundHalfUp(x: number, digits: number): number {
  const f = 10 ** digits;
  // The epsilon keeps 67.85 (stored as 67.8499999…) rounding up, as a person would.
  return Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
}

/** 序时进度: months elapsed ÷ 12 at the end of the period's last month (Jan..through). */
export function timeProgress(throughMonth: number): number {
  if (!Number.isInteger(throughMonth) || throughMonth < 1 || throughMonth > 12) throw new RangeError("throughMonth must be 1..12");
  return throughMonth / 12;
}

/** A difference between two rates in percentage points, half-up to one decimal (0.138 -> 13.8). */
export function percentPoints(difference: number): number {
  return roundHalfUp(difference * 100, 1);
}

/** Percentage points a completion rate is ahead (+) or behind (−) time progress, one decimal; null without a rate. */
export function pointsAgainstTime(completion: number | null, throughMonth: number): number | null {
  if (completion === null) return null;
  return percentPoints(completion - timeProgress(throughMonth));
}

/** "领先序时进度 13.8 个百分点" / "落后序时进度 …" / "与序时进度持平"; "—" without a rate. */
export function formatPoints(points: number | null): string {
  if (points === null) return "—";
  if (points === 0) return "与序时进度持平";
  return `${points > 0 ? "领先" : "落后"}序时进度 ${Math.abs(points).toFixed(1)} 个百分点`;
}

// ---- Which projects count where (the SQL in lib/server/metrics follows these exactly) ----
// Stage and status are the project's AS OF the period's end (lib/domain/as-of.ts); null
// for a project not yet signed then, which counts nowhere.

/** A terminated (终止/解约) contract is not honoured; suspended ones still are. */
export function isHonoured(status: ProjectStatus | null): boolean {
  return status === "ACTIVE" || status === "SUSPENDED";
}
/** Cumulative stage counts of honoured projects: producing counts as started, started as landed. */
export function countsAsLanded(stage: Stage | null, status: ProjectStatus | null): boolean {
  return isHonoured(status) && (stage === "LANDED" || stage === "STARTED" || stage === "PRODUCING");
}
export function countsAsStarted(stage: Stage | null, status: ProjectStatus | null): boolean {
  return isHonoured(status) && (stage === "STARTED" || stage === "PRODUCING");
}
export function countsAsProducing(stage: Stage | null, status: ProjectStatus | null): boolean {
  return isHonoured(status) && stage === "PRODUCING";
}
/** 应开工未开工: planned start on or before `asOf`, not started, still active or suspended (stage and status as of `asOf`). */
export function isDueNotStarted(p: { stage: Stage | null; status: ProjectStatus | null; plannedStartDate: string | null }, asOf: string): boolean {
  return p.plannedStartDate !== null && p.plannedStartDate <= asOf && isHonoured(p.status) && !countsAsStarted(p.stage, p.status);
}

/** The period: January 1st of `year` through the last day of `through`; the cohort is a signing year. */
export interface IndicatorPeriod {
  year: number;
  through: number;
  cohort: number;
}

/** The period's last day: the end of its last month. */
export function periodEnd(year: number, through: number): string {
  return lastDayOfMonth({ year, month: through });
}

/** Signing window of the cohort: its year, cut at the period's end when the cohort is the period's year. */
export function cohortWindow(p: IndicatorPeriod): { from: string; to: string } {
  const from = `${p.cohort}-01-01`;
  const yearEnd = `${p.cohort}-12-31`;
  const end = periodEnd(p.year, p.through);
  return { from, to: yearEnd < end ? yearEnd : end };
}

/**
 * The day every figure of the period is taken as of: the period's last day, or today if
 * that is earlier (a month still running). Stages, statuses, 应开工 and the red list are
 * judged on this day (docs/indicators.md#as-of-the-periods-end).
 */
export function dueAsOf(p: IndicatorPeriod, today: string): string {
  const end = periodEnd(p.year, p.through);
  return today < end ? today : end;
}

/**
 * Default period for a date: the year through the last complete month, as monthly reports
 * for a month are filed early in the next; in January, the whole previous year.
 */
export function defaultPeriod(today: string): { year: number; through: number } {
  const [y, m] = today.split("-").map(Number);
  return m === 1 ? { year: y - 1, through: 12 } : { year: y, through: m - 1 };
}

/** Default last month for a chosen year: the last complete month in the current year (January itself in January), December otherwise. */
export function defaultThrough(year: number, today: string): number {
  const [y, m] = today.split("-").map(Number);
  return year === y ? Math.max(1, m - 1) : 12;
}

// ---- The counts SQL returns, and the indicators made of them ----

export interface IndicatorCounts {
  /** Cohort: projects signed in the cohort window. */
  signed: number;
  honoured: number;
  terminated: number;
  suspended: number;
  landed: number;
  started: number;
  producing: number;
  /** 合同引资额 of the cohort (all signed, 万元) and of the honoured ones. */
  contractInvestment: string;
  honouredContractInvestment: string;
  /** Funds arrived to the period's end, honoured cohort projects (万元). */
  fundsArrived: string;
  /** Plan of `year`. */
  planned: number;
  planStart: number;
  planStarted: number;
  planDue: number;
  planDueStarted: number;
  planProduction: number;
  planProducing: number;
  /** 本年计划投资 and what the year's reports (Jan..through) completed, plan projects (万元). */
  plannedInvestment: string;
  yearCompleted: string;
  /** 总投资 and completed to the period's end (opening balance + reports), plan projects (万元). */
  totalInvestment: string;
  totalCompleted: string;
  /** 应开工未开工 in scope, judged at dueAsOf. */
  dueNotStarted: number;
}

export const EMPTY_COUNTS: IndicatorCounts = {
  signed: 0,
  honoured: 0,
  terminated: 0,
  suspended: 0,
  landed: 0,
  started: 0,
  producing: 0,
  contractInvestment: "0.00",
  honouredContractInvestment: "0.00",
  fundsArrived: "0.00",
  planned: 0,
  planStart: 0,
  planStarted: 0,
  planDue: 0,
  planDueStarted: 0,
  planProduction: 0,
  planProducing: 0,
  plannedInvestment: "0.00",
  yearCompleted: "0.00",
  totalInvestment: "0.00",
  totalCompleted: "0.00",
  dueNotStarted: 0,
};

/** Drill-down keys: each names a set of projects (lib/server/metrics/drill-down.ts). */
export const METRICS = [
  "cohort.signed",
  "cohort.honoured",
  "cohort.terminated",
  "cohort.landed",
  "cohort.started",
  "cohort.producing",
  "plan.all",
  "plan.start",
  "plan.started",
  "plan.due",
  "plan.dueStarted",
  "plan.production",
  "plan.producing",
  "due.notStarted",
] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  "cohort.signed": "签约项目",
  "cohort.honoured": "履约项目（未终止）",
  "cohort.terminated": "终止/解约项目",
  "cohort.landed": "已落地项目（含开工、投产）",
  "cohort.started": "已开工项目（含投产）",
  "cohort.producing": "已投产项目",
  "plan.all": "年度计划项目",
  "plan.start": "计划本年开工项目",
  "plan.started": "计划本年开工且已开工项目",
  "plan.due": "计划开工日期已到的计划项目",
  "plan.dueStarted": "计划开工日期已到且已开工的计划项目",
  "plan.production": "计划本年投产项目",
  "plan.producing": "计划本年投产且已投产项目",
  "due.notStarted": "应开工未开工项目",
};

export type IndicatorKey =
  | "fulfilment"
  | "landing"
  | "startCohort"
  | "startPlan"
  | "startPlanDue"
  | "productionCohort"
  | "productionPlan"
  | "funds"
  | "investmentYear"
  | "investmentTotal";

export interface Indicator {
  key: IndicatorKey;
  label: string;
  convention: "签约批次口径" | "年度计划口径";
  /** The formula as shown in the tooltip. */
  formula: string;
  numerator: number | string;
  denominator: number | string;
  /** "count" figures are project counts, "money" figures are 万元. */
  unit: "count" | "money";
  rate: number | null;
  numeratorMetric: Metric;
  denominatorMetric: Metric;
  /** Set for the year's investment completion: points against 序时进度. */
  pointsAgainstTime?: number | null;
}

interface IndicatorDef {
  key: IndicatorKey;
  label: string;
  convention: Indicator["convention"];
  formula: string;
  unit: Indicator["unit"];
  num: (c: IndicatorCounts) => number | string;
  den: (c: IndicatorCounts) => number | string;
  numeratorMetric: Metric;
  denominatorMetric: Metric;
}

export const INDICATOR_DEFS: readonly IndicatorDef[] = [
  {
    key: "fulfilment",
    label: "履约率",
    convention: "签约批次口径",
    formula: "履约率 = 履约项目数（签约项目中未终止/解约的）÷ 签约项目数",
    unit: "count",
    num: (c) => c.honoured,
    den: (c) => c.signed,
    numeratorMetric: "cohort.honoured",
    denominatorMetric: "cohort.signed",
  },
  {
    key: "landing",
    label: "落地率",
    convention: "签约批次口径",
    formula: "落地率 = 已落地项目数（含已开工、已投产，不含终止）÷ 签约项目数",
    unit: "count",
    num: (c) => c.landed,
    den: (c) => c.signed,
    numeratorMetric: "cohort.landed",
    denominatorMetric: "cohort.signed",
  },
  {
    key: "startCohort",
    label: "开工率",
    convention: "签约批次口径",
    formula: "开工率 = （已开工 + 已投产）项目数（不含终止）÷ 签约项目数",
    unit: "count",
    num: (c) => c.started,
    den: (c) => c.signed,
    numeratorMetric: "cohort.started",
    denominatorMetric: "cohort.signed",
  },
  {
    key: "productionCohort",
    label: "投产率",
    convention: "签约批次口径",
    formula: "投产率 = 已投产项目数（不含终止）÷ 签约项目数",
    unit: "count",
    num: (c) => c.producing,
    den: (c) => c.signed,
    numeratorMetric: "cohort.producing",
    denominatorMetric: "cohort.signed",
  },
  {
    key: "funds",
    label: "资金到位率",
    convention: "签约批次口径",
    formula: "资金到位率 = 累计到位资金（期初到位 + 各月到位，至期末）÷ 合同引资额；均为未终止的签约项目",
    unit: "money",
    num: (c) => c.fundsArrived,
    den: (c) => c.honouredContractInvestment,
    numeratorMetric: "cohort.honoured",
    denominatorMetric: "cohort.honoured",
  },
  {
    key: "startPlan",
    label: "开工率（年度计划）",
    convention: "年度计划口径",
    formula: "开工率 = 计划本年开工且已开工项目数 ÷ 计划本年开工项目数",
    unit: "count",
    num: (c) => c.planStarted,
    den: (c) => c.planStart,
    numeratorMetric: "plan.started",
    denominatorMetric: "plan.start",
  },
  {
    key: "startPlanDue",
    label: "开工率（应开工）",
    convention: "年度计划口径",
    formula: "序时开工率 = 计划开工日期已到且已开工项目数 ÷ 计划开工日期已到（至期末或今天）的计划开工项目数",
    unit: "count",
    num: (c) => c.planDueStarted,
    den: (c) => c.planDue,
    numeratorMetric: "plan.dueStarted",
    denominatorMetric: "plan.due",
  },
  {
    key: "productionPlan",
    label: "投产率（年度计划）",
    convention: "年度计划口径",
    formula: "投产率 = 计划本年投产且已投产项目数 ÷ 计划本年投产项目数",
    unit: "count",
    num: (c) => c.planProducing,
    den: (c) => c.planProduction,
    numeratorMetric: "plan.producing",
    denominatorMetric: "plan.production",
  },
  {
    key: "investmentYear",
    label: "年度投资完成率",
    convention: "年度计划口径",
    formula: "年度投资完成率 = 本年1月至期末月报完成投资之和 ÷ 本年计划投资；与序时进度（已过月数 ÷ 12）比较",
    unit: "money",
    num: (c) => c.yearCompleted,
    den: (c) => c.plannedInvestment,
    numeratorMetric: "plan.all",
    denominatorMetric: "plan.all",
  },
  {
    key: "investmentTotal",
    label: "累计投资完成率",
    convention: "年度计划口径",
    formula: "累计投资完成率 = 至期末累计完成投资（期初完成 + 各月完成）÷ 总投资；年度计划项目",
    unit: "money",
    num: (c) => c.totalCompleted,
    den: (c) => c.totalInvestment,
    numeratorMetric: "plan.all",
    denominatorMetric: "plan.all",
  },
];

/**
 * The cohort rates use the signed count as denominator, terminated ones included: a
 * terminated project is a signing that did not turn into anything (DOMAIN: 履约率 =
 * honoured ÷ signed; 开工率 = (started + producing) ÷ signed, (18 + 180)/292).
 */
export function computeIndicators(c: IndicatorCounts, throughMonth: number): Indicator[] {
  return INDICATOR_DEFS.map((d) => {
    const numerator = d.num(c);
    const denominator = d.den(c);
    const r = rate(numerator, denominator);
    const out: Indicator = {
      key: d.key,
      label: d.label,
      convention: d.convention,
      formula: d.formula,
      numerator,
      denominator,
      unit: d.unit,
      rate: r,
      numeratorMetric: d.numeratorMetric,
      denominatorMetric: d.denominatorMetric,
    };
    if (d.key === "investmentYear") out.pointsAgainstTime = pointsAgainstTime(r, throughMonth);
    return out;
  });
}

/**
 * The facts of one project that the counts depend on (reference model for the SQL; used by
 * tests): the stage dates and status history the as-of rule reads, plan and reports.
 */
export interface ProjectFacts extends StageHistory, StatusHistory {
  plannedStartDate: string | null;
  contractInvestment: string;
  totalInvestment: string;
  investmentCompletedBefore: string;
  fundsArrivedBefore: string;
  plan: { plannedInvestment: string; planStart: boolean; planProduction: boolean } | null;
  reports: { year: number; month: number; investmentCompleted: string; fundsArrived: string }[];
}

/**
 * The same counts as the SQL, computed over project facts in memory: the executable
 * specification the integration tests hold the SQL to. Every project is read as it stood
 * on dueAsOf (stage and status, lib/domain/as-of.ts); reports count by their month, up to
 * the period's last month. Money is summed in cents.
 */
export function countIndicators(projects: readonly ProjectFacts[], p: IndicatorPeriod, today: string): IndicatorCounts {
  const cents = (s: string) => Math.round(Number(s) * 100);
  const money = (c: number) => (c / 100).toFixed(2);
  const { from, to } = cohortWindow(p);
  const asOf = dueAsOf(p, today);
  const upToEnd = (r: { year: number; month: number }) => r.year < p.year || (r.year === p.year && r.month <= p.through);
  const c = { ...EMPTY_COUNTS };
  let contract = 0,
    honouredContract = 0,
    funds = 0,
    plannedInv = 0,
    yearDone = 0,
    total = 0,
    totalDone = 0;
  for (const x of projects) {
    const { stage, status } = projectAsOf(x, asOf);
    const started = countsAsStarted(stage, status);
    const producing = countsAsProducing(stage, status);
    if (x.signedDate >= from && x.signedDate <= to) {
      c.signed++;
      contract += cents(x.contractInvestment);
      if (status === "TERMINATED") c.terminated++;
      if (status === "SUSPENDED") c.suspended++;
      if (isHonoured(status)) {
        c.honoured++;
        honouredContract += cents(x.contractInvestment);
        funds += cents(x.fundsArrivedBefore) + x.reports.filter(upToEnd).reduce((s, r) => s + cents(r.fundsArrived), 0);
      }
      if (countsAsLanded(stage, status)) c.landed++;
      if (started) c.started++;
      if (producing) c.producing++;
    }
    // The year's plan counts the projects signed by the day (a project signed later is in no figure of the period).
    if (x.plan && stage !== null) {
      c.planned++;
      plannedInv += cents(x.plan.plannedInvestment);
      yearDone += x.reports.filter((r) => r.year === p.year && r.month <= p.through).reduce((s, r) => s + cents(r.investmentCompleted), 0);
      total += cents(x.totalInvestment);
      totalDone += cents(x.investmentCompletedBefore) + x.reports.filter(upToEnd).reduce((s, r) => s + cents(r.investmentCompleted), 0);
      if (x.plan.planStart) {
        c.planStart++;
        if (started) c.planStarted++;
        if (x.plannedStartDate !== null && x.plannedStartDate <= asOf) {
          c.planDue++;
          if (started) c.planDueStarted++;
        }
      }
      if (x.plan.planProduction) {
        c.planProduction++;
        if (producing) c.planProducing++;
      }
    }
    if (isDueNotStarted({ stage, status, plannedStartDate: x.plannedStartDate }, asOf)) c.dueNotStarted++;
  }
  return {
    ...c,
    contractInvestment: money(contract),
    honouredContractInvestment: money(honouredContract),
    fundsArrived: money(funds),
    plannedInvestment: money(plannedInv),
    yearCompleted: money(yearDone),
    totalInvestment: money(total),
    totalCompleted: money(totalDone),
  };
}

/** "YYYY-MM" of a period, as the ledger's drill-down URL carries it. */
export function periodParam(year: number, through: number): string {
  return ymKey({ year, month: through });
}

/** What a drill-down list shows, in words: "2026年签约项目（1—10月） · 已开工项目（含投产） · 截至10月末". */
export function describeMetric(m: Metric, p: IndicatorPeriod): string {
  const cut = p.cohort === p.year ? `（1—${p.through}月）` : "";
  const asOf = `截至${p.year}年${p.through}月末`;
  if (m.startsWith("cohort.")) return `${p.cohort}年签约项目${cut} · ${METRIC_LABELS[m]} · ${asOf}`;
  if (m.startsWith("plan.")) return `${p.year}年度计划 · ${METRIC_LABELS[m]} · ${asOf}`;
  return `${asOf} · ${METRIC_LABELS[m]}`;
}
