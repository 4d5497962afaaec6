// 积分考核 (points-based assessment): the kinds of events that earn or cost points, the
// built-in defaults, who earns them, periods, and how versioned rules resolve. Pure: the
// server computes the events from the record in SQL and joins them to the intervals below.
// The rules are explained in docs/points.md.

import { addDays } from "./dates";

export const POINT_EARNERS = ["LIAISON", "LEADER", "UNIT"] as const;
export type PointEarner = (typeof POINT_EARNERS)[number];

export const POINT_EARNER_LABELS: Record<PointEarner, string> = {
  LIAISON: "包保责任人",
  LEADER: "包保领导",
  UNIT: "责任单位",
};

export const POINT_KINDS = [
  "PROJECT_STARTED",
  "PROJECT_PRODUCING",
  "START_ON_PLAN",
  "START_MISSED",
  "VISIT_ON_SCHEDULE",
  "VISIT_OVERDUE",
  "ISSUE_CLOSED_ON_TIME",
  "ISSUE_OVERDUE",
  "FILING_MISSED",
  "SUPERVISION_OVERDUE",
] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export interface PointKindInfo {
  label: string;
  /** What in the record the event is, as the rules page explains it. */
  description: string;
  /** Built-in points, the same for every earner, until a park or its region sets its own. */
  defaultPoints: number;
}

export const POINT_KIND_INFO: Record<PointKind, PointKindInfo> = {
  PROJECT_STARTED: { label: "项目开工", description: "项目推进到开工（按开工日期计）", defaultPoints: 5 },
  PROJECT_PRODUCING: { label: "项目投产", description: "项目推进到投产（按投产日期计）", defaultPoints: 5 },
  START_ON_PLAN: { label: "按计划开工", description: "开工日期不晚于计划开工日期", defaultPoints: 3 },
  START_MISSED: { label: "超期未开工", description: "计划开工日期过后满一个月仍未开工（暂缓、终止的除外）", defaultPoints: -3 },
  VISIT_ON_SCHEDULE: { label: "按期走访", description: "走访距上次走访不超过园区规定的走访周期（首次走访也计）", defaultPoints: 1 },
  VISIT_OVERDUE: { label: "走访逾期", description: "超过走访周期未走访包保企业（每个逾期间隔计一次）", defaultPoints: -1 },
  ISSUE_CLOSED_ON_TIME: { label: "诉求按期办结且满意", description: "诉求在办结时限内销号，企业评价满意", defaultPoints: 2 },
  ISSUE_OVERDUE: { label: "诉求逾期", description: "诉求超过办结时限仍未销号（逾期次日计）", defaultPoints: -2 },
  FILING_MISSED: { label: "月报未按时填报", description: "月度进度未在月末后第 5 个工作日内填报（次日计）", defaultPoints: -1 },
  SUPERVISION_OVERDUE: { label: "督办逾期未回复", description: "督办函过了回复期限仍未回复（期限次日计，每函一次）", defaultPoints: -2 },
};

export const MANUAL_KIND = "MANUAL";
export const MANUAL_LABEL = "人工加减分";

export function pointKindLabel(kind: string): string {
  return kind === MANUAL_KIND ? MANUAL_LABEL : (POINT_KIND_INFO[kind as PointKind]?.label ?? kind);
}

export const POINT_LIMIT = 100;

// ---------------------------------------------------------------- periods

export const PERIOD_TYPES = ["month", "quarter", "year"] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Period {
  type: PeriodType;
  year: number;
  /** Month 1-12, quarter 1-4; ignored for a year. */
  n: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

function monthEnd(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** First and last day of the period (YYYY-MM-DD, inclusive). */
export function periodRange(p: Period): { from: string; to: string } {
  if (p.type === "year") return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  if (p.type === "quarter") {
    const first = (p.n - 1) * 3 + 1;
    return { from: `${p.year}-${pad(first)}-01`, to: monthEnd(p.year, first + 2) };
  }
  return { from: `${p.year}-${pad(p.n)}-01`, to: monthEnd(p.year, p.n) };
}

export function periodLabel(p: Period): string {
  if (p.type === "year") return `${p.year}年`;
  if (p.type === "quarter") return `${p.year}年第${"一二三四"[p.n - 1]}季度`;
  return `${p.year}年${p.n}月`;
}

/** The period containing `today`. */
export function currentPeriod(type: PeriodType, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { type, year, n: type === "quarter" ? Math.ceil(month / 3) : type === "month" ? month : 1 };
}

/** Where the period's events are counted up to: its last day, or today while it runs. Null when it has not begun. */
export function periodCountedRange(p: Period, today: string): { from: string; to: string } | null {
  const r = periodRange(p);
  if (r.from > today) return null;
  return { from: r.from, to: r.to < today ? r.to : today };
}

// ---------------------------------------------------------------- rule versions

/** The earliest date a new rule version may take effect: the first day of the current month (earlier months are settled). */
export function earliestEffectiveDate(today: string): string {
  return `${today.slice(0, 7)}-01`;
}

export function effectiveDateProblem(effectiveFrom: string, today: string): string | null {
  const earliest = earliestEffectiveDate(today);
  if (effectiveFrom < earliest) {
    return `生效日期不能早于 ${earliest}：已过去的月份按当时的规则计分，改规则只对本月及以后生效`;
  }
  return null;
}

export interface RuleVersion {
  /** "park" for a park's own rule, "region" for the region's default. */
  level: "park" | "region";
  kind: string;
  earner: PointEarner;
  points: number;
  effectiveFrom: string;
}

/** A rule as it applies to one park over [from, to) (to null = open). */
export interface RuleInterval {
  parkId: number;
  kind: PointKind;
  earner: PointEarner;
  from: string;
  to: string | null;
  points: number;
  source: "park" | "region" | "default";
}

export const RULES_EPOCH = "1990-01-01";

/**
 * Which points apply to one park, kind and earner at each date: on any date, the park's newest
 * own version in effect; without one, the region's newest default in effect; without that, the
 * built-in default. Returns the intervals in date order, adjacent equal ones merged.
 */
export function resolveRuleIntervals(parkId: number, versions: readonly RuleVersion[]): RuleInterval[] {
  const out: RuleInterval[] = [];
  for (const kind of POINT_KINDS) {
    for (const earner of POINT_EARNERS) {
      const mine = versions.filter((v) => v.kind === kind && v.earner === earner);
      const dates = [...new Set([RULES_EPOCH, ...mine.map((v) => v.effectiveFrom)])].sort();
      const at = (date: string): { points: number; source: RuleInterval["source"] } => {
        for (const level of ["park", "region"] as const) {
          const inEffect = mine
            .filter((v) => v.level === level && v.effectiveFrom <= date)
            .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
          if (inEffect) return { points: inEffect.points, source: level };
        }
        return { points: POINT_KIND_INFO[kind].defaultPoints, source: "default" };
      };
      const list: RuleInterval[] = [];
      for (let i = 0; i < dates.length; i++) {
        const { points, source } = at(dates[i]);
        const prev = list[list.length - 1];
        if (prev && prev.points === points && prev.source === source) continue;
        if (prev) prev.to = dates[i];
        list.push({ parkId, kind, earner, from: dates[i], to: null, points, source });
      }
      out.push(...list);
    }
  }
  return out;
}

/** The rule in effect on `date` among resolved intervals. */
export function ruleOn(intervals: readonly RuleInterval[], kind: PointKind, earner: PointEarner, date: string): RuleInterval | undefined {
  return intervals.find((r) => r.kind === kind && r.earner === earner && r.from <= date && (r.to === null || date < r.to));
}

/** Day after `date`: when a missed deadline is counted. */
export const dayAfter = (date: string) => addDays(date, 1);

export function formatPoints(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
