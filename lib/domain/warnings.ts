// Traffic lights (亮灯). Three rules, each green / yellow / red or not applicable (null),
// and the project's light is the worst of them. Defaults follow the 银川 rules
// (docs/domain.md#lights); each park may override them (Park.warningRules, parsed by
// lib/validation/warning-rules).
// The SQL in lib/server/warnings/light-sql.ts applies the same thresholds to many projects
// at once; tests/integration/warnings.test.ts checks both agree on the same data.
//
// - 开工 start (active projects not yet started, with a planned start date):
//   red when today is at least `redMonthsLate` months after the planned start date;
//   yellow when the planned start falls in this month or has already passed;
//   green when it is in a later month. Started or producing projects are green.
// - 投资进度 progress (active started/producing projects with this year's plan > 0):
//   completion = investment completed this year ÷ 本年计划投资; 序时进度 = months
//   elapsed ÷ 12 (completed months, so January is 0 and always green); a project that
//   started this year is timed from its start month (elapsed since ÷ months left in the
//   year from it), so one that started this month is not behind. Points behind =
//   序时进度 − completion, in percentage points: red when more than `redPoints`, yellow
//   from `yellowPoints` up to `redPoints`, green otherwise.
// - 月报 filing (projects that file monthly, lib/domain/filing.ts): red when an owed month
//   is past its due date and not filed; yellow when last month is not filed and its due
//   date (5th working day) has not passed; green otherwise.

import type { YearMonth } from "./filing";
import { formatYearMonth } from "./filing";

export const LIGHTS = ["GREEN", "YELLOW", "RED"] as const;
export type Light = (typeof LIGHTS)[number];
export const LIGHT_LABELS: Record<Light, string> = { GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯" };
export const LIGHT_RANK: Record<Light, number> = { GREEN: 1, YELLOW: 2, RED: 3 };
export const lightOfRank = (rank: number | null | undefined): Light | null => (rank === 1 ? "GREEN" : rank === 2 ? "YELLOW" : rank === 3 ? "RED" : null);

export const LIGHT_KINDS = ["start", "progress", "filing"] as const;
export type LightKind = (typeof LIGHT_KINDS)[number];
export const LIGHT_KIND_LABELS: Record<LightKind, string> = { start: "开工", progress: "投资进度", filing: "月报" };

export interface WarningRules {
  start: { enabled: boolean; redMonthsLate: number };
  progress: { enabled: boolean; yellowPoints: number; redPoints: number };
  filing: { enabled: boolean };
}

export const DEFAULT_WARNING_RULES: WarningRules = {
  start: { enabled: true, redMonthsLate: 3 },
  progress: { enabled: true, yellowPoints: 10, redPoints: 30 },
  filing: { enabled: true },
};

export type WarningRulesOverride = {
  [K in keyof WarningRules]?: Partial<WarningRules[K]>;
};

/** The defaults with a park's overrides laid over them. */
export function mergeWarningRules(override: WarningRulesOverride | null | undefined, base: WarningRules = DEFAULT_WARNING_RULES): WarningRules {
  return {
    start: { ...base.start, ...override?.start },
    progress: { ...base.progress, ...override?.progress },
    filing: { ...base.filing, ...override?.filing },
  };
}

/** What the rules look at for one project. Money as decimal strings in 万元. */
export interface LightInputs {
  stage: string;
  status: string;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  /** 本年计划投资, or null without a plan for this year. */
  plannedInvestment: string | null;
  /** Investment completed this year through the elapsed months. */
  completedThisYear: string;
  /** Owed months past their due date and not filed. */
  overdueMonths: number;
  /** Last month is owed, not filed, and its due date has not passed. */
  pendingLastMonth: boolean;
}

export interface LightContext {
  today: string;
  /** Months elapsed this year (lib/domain/filing monthsElapsed). */
  monthsElapsed: number;
  lastMonth: YearMonth;
  lastMonthDue: string;
}

export interface LightResult {
  overall: Light | null;
  start: Light | null;
  progress: Light | null;
  filing: Light | null;
  /** Why each yellow or red light is lit, in Chinese, for tooltips and lists. */
  reasons: string[];
  /** Year completion and 序时进度 in percent (1 decimal), when the progress rule applies. */
  completionPct: number | null;
  timePct: number | null;
}

/** `date` plus `n` months, clamped to the month's end like PostgreSQL's date + interval. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = Number(date.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
}

const isStarted = (stage: string) => stage === "STARTED" || stage === "PRODUCING";

/** Money string in 万元 -> integer cents, exactly (no float on the way). */
export function toCents(value: string): number {
  const [int, frac = ""] = value.trim().replace(/^-/, "").split(".");
  const cents = Number(int) * 100 + Number((frac + "00").slice(0, 2));
  return value.trim().startsWith("-") ? -cents : cents;
}

export function startLight(p: LightInputs, rules: WarningRules, ctx: LightContext): { light: Light | null; reason?: string } {
  if (!rules.start.enabled || p.status !== "ACTIVE") return { light: null };
  if (isStarted(p.stage)) return { light: "GREEN" };
  if (p.plannedStartDate === null) return { light: null };
  const planned = p.plannedStartDate;
  if (ctx.today >= addMonths(planned, rules.start.redMonthsLate)) {
    return { light: "RED", reason: `计划 ${planned} 开工，已超过 ${rules.start.redMonthsLate} 个月仍未开工` };
  }
  if (planned.slice(0, 7) <= ctx.today.slice(0, 7)) {
    return { light: "YELLOW", reason: planned < ctx.today ? `计划 ${planned} 开工，已过期仍未开工` : `本月计划开工（${planned}），尚未开工` };
  }
  return { light: "GREEN" };
}

export function progressLight(p: LightInputs, rules: WarningRules, ctx: LightContext): { light: Light | null; reason?: string; completionPct?: number; timePct?: number } {
  if (!rules.progress.enabled || p.status !== "ACTIVE" || !isStarted(p.stage) || p.plannedInvestment === null) return { light: null };
  const planned = toCents(p.plannedInvestment);
  if (planned <= 0) return { light: null };
  const done = toCents(p.completedThisYear);
  // A project that started this year is timed from its start month: s months of building this year, e of them elapsed.
  const year = Number(ctx.today.slice(0, 4));
  const startMonth = p.actualStartDate && Number(p.actualStartDate.slice(0, 4)) === year ? Number(p.actualStartDate.slice(5, 7)) : 1;
  const s = 13 - startMonth;
  const e = Math.max(0, ctx.monthsElapsed - (startMonth - 1));
  const completionPct = Math.round((done * 1000) / planned) / 10;
  const timePct = Math.round((e * 1000) / s) / 10;
  // Points behind > R  <=>  100e/s - 100·done/planned > R  <=>  100·e·planned - 100·s·done > R·s·planned (integers, exact).
  const lhs = 100 * e * planned - 100 * s * done;
  const behindMore = (points: number) => lhs > points * s * planned;
  const behindAtLeast = (points: number) => lhs >= points * s * planned;
  const figures = `本年完成 ${completionPct}%，序时进度 ${timePct}%`;
  if (e > 0 && behindMore(rules.progress.redPoints)) {
    return { light: "RED", reason: `${figures}，落后超过 ${rules.progress.redPoints} 个百分点`, completionPct, timePct };
  }
  if (e > 0 && behindAtLeast(rules.progress.yellowPoints)) {
    return { light: "YELLOW", reason: `${figures}，落后 ${rules.progress.yellowPoints}–${rules.progress.redPoints} 个百分点`, completionPct, timePct };
  }
  return { light: "GREEN", completionPct, timePct };
}

export function filingLight(p: LightInputs, rules: WarningRules, ctx: LightContext): { light: Light | null; reason?: string } {
  if (!rules.filing.enabled || p.status !== "ACTIVE" || !isStarted(p.stage) || p.actualStartDate === null) return { light: null };
  if (p.overdueMonths > 0) return { light: "RED", reason: `有 ${p.overdueMonths} 个月的月报逾期未报` };
  if (p.pendingLastMonth) return { light: "YELLOW", reason: `${formatYearMonth(ctx.lastMonth)}月报待填报，截止 ${ctx.lastMonthDue}` };
  return { light: "GREEN" };
}

/** The worst of the lights given, or null when none applies. */
export function worstLight(lights: (Light | null)[]): Light | null {
  let worst: Light | null = null;
  for (const l of lights) if (l && (worst === null || LIGHT_RANK[l] > LIGHT_RANK[worst])) worst = l;
  return worst;
}

/** All three rules and the overall light for one project. */
export function evaluateLights(p: LightInputs, rules: WarningRules, ctx: LightContext): LightResult {
  const s = startLight(p, rules, ctx);
  const g = progressLight(p, rules, ctx);
  const f = filingLight(p, rules, ctx);
  const reasons: string[] = [];
  if (s.reason) reasons.push(`开工：${s.reason}`);
  if (g.reason) reasons.push(`投资进度：${g.reason}`);
  if (f.reason) reasons.push(`月报：${f.reason}`);
  return {
    overall: worstLight([s.light, g.light, f.light]),
    start: s.light,
    progress: g.light,
    filing: f.light,
    reasons,
    completionPct: g.completionPct ?? null,
    timePct: g.timePct ?? null,
  };
}
