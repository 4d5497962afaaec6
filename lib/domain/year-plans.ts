// Annual plans (年度计划, 计划口径): per project and year, 本年计划投资 and whether the project
// is planned to start (计划本年开工) and to produce (计划本年投产) that year. Pure rules shared by
// the project page, the park's plan grid, the plan sheet import and the year-end carry-over
// (docs/domain.md, "Annual plans and the year rollover").

import type { ProjectStatus, Stage } from "./stages";

export interface PlanValues {
  /** 本年计划投资 in 万元, two decimals ("1200.00"). */
  plannedInvestment: string;
  planStart: boolean;
  planProduction: boolean;
}

/** What a form row or a sheet row says, before deciding whether it is a plan at all. */
export interface PlanCells {
  /** Blank is null. */
  plannedInvestment: string | null;
  planStart: boolean;
  planProduction: boolean;
}

/**
 * The plan a row asks for, or null for "not in this year's plan": a blank 本年计划投资 with
 * neither flag. A flag without an amount plans 0.00 万元 (a project planned to start may
 * have no investment planned yet). A typed 0 with no flag is a plan of 0: the project
 * stays in the plan (the plan convention counts every project with a plan row).
 */
export function planFromCells(cells: PlanCells): PlanValues | null {
  if (cells.plannedInvestment === null && !cells.planStart && !cells.planProduction) return null;
  return { plannedInvestment: cells.plannedInvestment ?? "0.00", planStart: cells.planStart, planProduction: cells.planProduction };
}

/** Same plan (both none, or the same amount and flags). Amounts compare as numbers ("12.5" = "12.50"). */
export function samePlan(a: PlanValues | null, b: PlanValues | null): boolean {
  if (a === null || b === null) return a === b;
  return toCents(a.plannedInvestment) === toCents(b.plannedInvestment) && a.planStart === b.planStart && a.planProduction === b.planProduction;
}

/** "本年计划投资 1,200 万元 · 计划开工 · 计划投产" style summary, for previews and messages. */
export function describePlan(plan: PlanValues | null): string {
  if (!plan) return "未列入计划";
  const parts = [`计划投资 ${plan.plannedInvestment}`];
  if (plan.planStart) parts.push("计划开工");
  if (plan.planProduction) parts.push("计划投产");
  return parts.join("，");
}

/** Where a plan change came from (the audit row's `via`). */
export const PLAN_VIA_LABELS = {
  page: "项目页面",
  grid: "园区年度计划表",
  import: "年度计划表 Excel 导入",
  ledgerImport: "台账导入",
  carryOver: "年度结转",
  api: "接口",
} as const;
export type PlanVia = keyof typeof PLAN_VIA_LABELS;

// ---------------------------------------------------------------- money in cents

/** "1234.5" / "1234.50" / "-3" -> cents as a bigint (exact; no float touches money). */
export function toCents(amount: string): bigint {
  const s = amount.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`not an amount: ${amount}`);
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? "").padEnd(2, "0"));
  return m[1] ? -cents : cents;
}

/** Cents -> "1234.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

// ---------------------------------------------------------------- carry-over (结转)

/**
 * How 本年计划投资 moves to the next year for a project carried over:
 * - "remainder" (the default): the unfinished part, planned − completed that year, never below 0;
 * - "entered": the year's planned amount as it was entered.
 */
export const CARRY_MODES = ["remainder", "entered"] as const;
export type CarryMode = (typeof CARRY_MODES)[number];
export const CARRY_MODE_LABELS: Record<CarryMode, string> = {
  remainder: "结转未完成部分（计划投资 − 当年完成投资，不低于 0）",
  entered: "按原计划投资数结转",
};

export interface CarryProject {
  stage: Stage;
  status: ProjectStatus;
  /** YYYY-MM-DD or null. */
  actualStartDate: string | null;
  actualProductionDate: string | null;
}

export interface CarryInput {
  /** The year whose plan is carried (into year + 1). */
  year: number;
  plan: PlanValues;
  project: CarryProject;
  /** Investment completed in `year` (the sum of its monthly reports), 万元. */
  completedInYear: string;
  /** The project's plan for year + 1 if there is one already. */
  nextPlan: PlanValues | null;
  mode: CarryMode;
}

export type CarryOutcome =
  /** Written to year + 1. `why` lists what was unfinished, in Chinese. */
  | { kind: "carry"; next: PlanValues; why: string[]; note: string }
  /** Something was unfinished but year + 1 already has a plan: it is left as it is. */
  | { kind: "exists"; proposed: PlanValues; why: string[]; reason: string }
  /** Nothing to carry (finished, or terminated). */
  | { kind: "none"; reason: string };

/** Started (开工) by the end of `year`: the project is started or producing now, with its start date in or before that year. */
export function startedByYearEnd(p: CarryProject, year: number): boolean {
  return (p.stage === "STARTED" || p.stage === "PRODUCING") && p.actualStartDate !== null && p.actualStartDate <= `${year}-12-31`;
}

/** Producing (投产) by the end of `year`. */
export function producingByYearEnd(p: CarryProject, year: number): boolean {
  return p.stage === "PRODUCING" && p.actualProductionDate !== null && p.actualProductionDate <= `${year}-12-31`;
}

/**
 * What carrying `year`'s plan into year + 1 does for one project:
 * - planned to start but not started by the end of the year -> planned to start next year;
 * - planned to produce but not producing by the end of the year -> planned to produce next year;
 * - planned investment not completed (completed that year < planned) -> next year's planned
 *   investment is the remainder (planned − completed, not below 0) or, in "entered" mode, the
 *   planned amount as entered. A project carried only for a flag gets the remainder too (0
 *   when the money was spent), or the entered amount.
 * Terminated projects are not carried. An existing plan for year + 1 is never overwritten.
 * Stage and dates are the project's current ones (a start recorded later with a date in
 * `year` counts as started in `year`).
 */
export function carryOver(input: CarryInput): CarryOutcome {
  const { year, plan, project, mode } = input;
  if (project.status === "TERMINATED") return { kind: "none", reason: "项目已终止，不结转" };
  const why: string[] = [];
  const carryStart = plan.planStart && !startedByYearEnd(project, year);
  const carryProduction = plan.planProduction && !producingByYearEnd(project, year);
  if (carryStart) why.push(`计划 ${year} 年开工，年底前未开工`);
  if (carryProduction) why.push(`计划 ${year} 年投产，年底前未投产`);
  const planned = toCents(plan.plannedInvestment);
  const completed = toCents(input.completedInYear);
  const remainder = planned > completed ? planned - completed : 0n;
  if (remainder > 0n) why.push(`计划投资 ${fromCents(planned)} 万元，当年完成 ${fromCents(completed)} 万元，未完成 ${fromCents(remainder)} 万元`);
  if (why.length === 0) return { kind: "none", reason: "年度计划已完成" };
  const next: PlanValues = {
    plannedInvestment: fromCents(mode === "remainder" ? remainder : planned),
    planStart: carryStart,
    planProduction: carryProduction,
  };
  if (input.nextPlan) return { kind: "exists", proposed: next, why, reason: `已有 ${year + 1} 年计划（${describePlan(input.nextPlan)}），不覆盖` };
  return { kind: "carry", next, why, note: `由 ${year} 年计划结转` };
}

/** How far ahead a plan may be set: this year and the next five. */
export const PLAN_YEARS_AHEAD = 5;

/**
 * Why a project cannot have a plan for `year`, or null: not before the year it was signed
 * (no plan can precede the contract), not more than PLAN_YEARS_AHEAD years ahead (a typing
 * slip such as 2062 for 2026).
 */
export function planYearProblem(year: number, signedYear: number, currentYear: number): string | null {
  if (year < signedYear) return `计划年份不能早于项目签约的 ${signedYear} 年`;
  if (year > currentYear + PLAN_YEARS_AHEAD) return `计划年份不能晚于 ${currentYear + PLAN_YEARS_AHEAD} 年`;
  return null;
}

/**
 * Flags that contradict what already happened, with their field and message: planning to
 * start in `year` a project that started before that year, or to produce one that was
 * already producing (the plan convention would count it as done before it was planned).
 */
export function planFlagProblems(plan: PlanValues, p: CarryProject, year: number): { field: "planStart" | "planProduction"; message: string }[] {
  const out: { field: "planStart" | "planProduction"; message: string }[] = [];
  if (plan.planStart && startedByYearEnd(p, year - 1)) out.push({ field: "planStart", message: `已于 ${p.actualStartDate} 开工，不能再计划 ${year} 年开工` });
  if (plan.planProduction && producingByYearEnd(p, year - 1)) out.push({ field: "planProduction", message: `已于 ${p.actualProductionDate} 投产，不能再计划 ${year} 年投产` });
  return out;
}

/** The years a project page offers, newest first: from its signing year (or the earliest plan it has) to two years ahead. */
export function plannableYears(signedYear: number, currentYear: number, plannedYears: readonly number[]): number[] {
  const from = Math.min(signedYear, ...plannedYears);
  const to = Math.min(currentYear + PLAN_YEARS_AHEAD, Math.max(currentYear + 2, ...plannedYears));
  const out: number[] = [];
  for (let y = to; y >= Math.max(2000, from); y--) out.push(y);
  return out;
}
