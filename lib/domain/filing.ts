// Monthly progress filing (月度填报): which months a project owes, when each is due,
// and which months may be filed at all. Pure: the calendar comes in as data.
//
// Rules (docs/warnings.md):
// - Month M's report is due by the 5th working day after M's last day (working days
//   from the holiday table: 法定节假日 off, 调休 weekend days on). Filed on the due day
//   is on time; from the next day it is overdue.
// - A project owes a report for every month from the month it started (actualStartDate)
//   through the last completed month, while it is ACTIVE and STARTED or PRODUCING. Gaps
//   older than FILING_LOOKBACK_MONTHS are not chased: ledgers imported from before
//   monthly filing carry those figures in their opening balances.
// - A month may be filed (or corrected) once it is over, and not before the start month.

import { type WorkCalendar, addWorkingDays } from "./working-days";

export const FILING_DUE_WORKING_DAYS = 5;
export const FILING_LOOKBACK_MONTHS = 12;

export interface YearMonth {
  year: number;
  month: number; // 1-12
}

/** Months since year 0 as one integer (year * 12 + month - 1), handy for ranges and SQL. */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month - 1;
}

export function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month a YYYY-MM-DD date falls in. */
export function monthOf(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** Last calendar day of the month, YYYY-MM-DD. */
export function lastDayOfMonth(ym: YearMonth): string {
  const d = new Date(Date.UTC(ym.year, ym.month, 0));
  return d.toISOString().slice(0, 10);
}

/** The month before `ym` (January's is the previous December). */
export function previousMonth(ym: YearMonth): YearMonth {
  return fromMonthIndex(monthIndex(ym) - 1);
}

/** The month before the one `today` falls in: the newest month that may be filed (and the latest a bulletin reports on). */
export function lastCompletedMonth(today: string): YearMonth {
  return fromMonthIndex(monthIndex(monthOf(today)) - 1);
}

/** Due date of month `ym`'s report: the 5th working day after the month's last day. */
export function filingDueDate(ym: YearMonth, cal: WorkCalendar): string {
  return addWorkingDays(lastDayOfMonth(ym), FILING_DUE_WORKING_DAYS, cal);
}

/** "2026年10月" */
export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}年${ym.month}月`;
}

/** "2026-10" -> { year, month }, or null. */
export function parseYearMonth(value: string): YearMonth | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return { year: Number(m[1]), month };
}

export function ymKey(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, "0")}`;
}

export interface FilingProject {
  stage: string;
  status: string;
  actualStartDate: string | null;
}

/** True for a project that files monthly now: active and started (or producing) with a start date. */
export function filesMonthly(p: FilingProject): boolean {
  return p.status === "ACTIVE" && (p.stage === "STARTED" || p.stage === "PRODUCING") && p.actualStartDate !== null;
}

/** The months a project owes as of `today` (oldest first), within the look-back window. */
export function owedMonths(p: FilingProject, today: string): YearMonth[] {
  if (!filesMonthly(p)) return [];
  const last = monthIndex(lastCompletedMonth(today));
  const from = Math.max(monthIndex(monthOf(p.actualStartDate!)), last - FILING_LOOKBACK_MONTHS + 1);
  const out: YearMonth[] = [];
  for (let i = from; i <= last; i++) out.push(fromMonthIndex(i));
  return out;
}

export interface FilingState {
  /** Owed months, not filed, whose due date has passed. */
  overdue: YearMonth[];
  /** Last month when it is not filed yet but still within its due date. */
  pending: YearMonth | null;
}

/** What a project still has to file, given the months already filed. */
export function filingState(p: FilingProject, filed: Iterable<YearMonth>, today: string, cal: WorkCalendar): FilingState {
  const done = new Set([...filed].map(monthIndex));
  const last = monthIndex(lastCompletedMonth(today));
  const lastDuePassed = today > filingDueDate(fromMonthIndex(last), cal);
  const state: FilingState = { overdue: [], pending: null };
  for (const ym of owedMonths(p, today)) {
    if (done.has(monthIndex(ym))) continue;
    if (monthIndex(ym) === last && !lastDuePassed) state.pending = ym;
    else state.overdue.push(ym);
  }
  return state;
}

/**
 * Why month `ym` cannot be filed for a project that started on `actualStartDate`, or null.
 * The current month and later are refused (the month is not over), as is any month
 * before the start month.
 */
export function fileableMonthProblem(ym: YearMonth, actualStartDate: string | null, today: string): string | null {
  const notOver = monthNotOverProblem(ym, today);
  if (notOver) return notOver;
  if (actualStartDate === null) return "项目尚未开工，开工后才能按月填报";
  if (monthIndex(ym) < monthIndex(monthOf(actualStartDate))) return `项目于 ${actualStartDate} 开工，不能填报开工前的月份`;
  return null;
}

/** Why month `ym` cannot be filed, or be missing, yet: it is not over. Null for a completed month. */
export function monthNotOverProblem(ym: YearMonth, today: string): string | null {
  return monthIndex(ym) > monthIndex(lastCompletedMonth(today)) ? `${formatYearMonth(ym)}尚未结束，月末后才能填报` : null;
}

/** How many months a project page offers to file or correct. */
export const FILEABLE_MONTHS_SHOWN = 36;

/**
 * The months a project may file or correct now, newest first: from the month it started
 * through the last completed month, at most `limit` of them. None for a project that has
 * not started (stage STARTED or PRODUCING with a start date). Every month returned is one
 * `fileableMonthProblem` accepts.
 */
export function fileableMonths(p: { stage: string; actualStartDate: string | null }, today: string, limit = FILEABLE_MONTHS_SHOWN): YearMonth[] {
  if ((p.stage !== "STARTED" && p.stage !== "PRODUCING") || !p.actualStartDate) return [];
  const last = monthIndex(lastCompletedMonth(today));
  const count = Math.max(0, Math.min(limit, last - monthIndex(monthOf(p.actualStartDate)) + 1));
  return Array.from({ length: count }, (_, i) => fromMonthIndex(last - i));
}

/** Months elapsed this year for 序时进度: the completed months (0 in January). */
export function monthsElapsed(today: string): number {
  return monthOf(today).month - 1;
}

/** The last `n` completed months, newest first, as [YYYY-MM, "2026年10月"] for pickers. */
export function recentCompletedMonths(today: string, n = 12): [string, string][] {
  const last = monthIndex(lastCompletedMonth(today));
  return Array.from({ length: n }, (_, i) => fromMonthIndex(last - i)).map((ym) => [ymKey(ym), formatYearMonth(ym)]);
}
