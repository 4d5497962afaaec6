// 包保 coverage rules: when an assignment starts and the previous one ends, when an
// enterprise is due a visit (定期联络), and which days make up a week (每周清单).
// Pure: lib/server runs the same rules in SQL for lists and counts; these functions are
// the reference the SQL is tested against, and what a form may call in the browser.
//
// Dates are YYYY-MM-DD calendar dates in Asia/Shanghai (lib/domain/dates.ts).

import { addDays, daysBetween, isoToDate, todayInShanghai } from "./dates";

export const ASSIGNMENT_ROLES = ["LIAISON", "LEADER"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const ASSIGNMENT_TARGETS = ["PROJECT", "ENTERPRISE"] as const;
export type AssignmentTarget = (typeof ASSIGNMENT_TARGETS)[number];

export const ASSIGNMENT_ROLE_LABEL: Record<AssignmentRole, string> = { LIAISON: "包保责任人", LEADER: "包保领导" };
export const ASSIGNMENT_TARGET_LABEL: Record<AssignmentTarget, string> = { PROJECT: "项目", ENTERPRISE: "企业" };

/**
 * Park roles a user needs to take each assignment role. A 包保责任人 is usually a LIAISON,
 * but park staff also cover enterprises (双轨包保 pairs a person with a department);
 * a 包保领导 is a park leader.
 */
export const ELIGIBLE_PARK_ROLES: Record<AssignmentRole, readonly ("LIAISON" | "PARK_STAFF" | "PARK_LEADER")[]> = {
  LIAISON: ["LIAISON", "PARK_STAFF"],
  LEADER: ["PARK_LEADER"],
};

// ---------------------------------------------------------------- assignments

/**
 * Why a new assignment cannot start on `startDate`, or null.
 * - Not in the future: an assignment is active as soon as it is written (endDate null is
 *   what every scope check reads), so a future start would hand the project over early.
 * - Not before the current holder's start: history must stay in order, one holder after
 *   another. The same day is allowed (a correction made on the day of the handover).
 */
export function assignmentStartProblem(startDate: string, today: string, currentStart: string | null, roleLabel = "包保人员"): string | null {
  if (startDate > today) return "开始日期不能晚于今天";
  if (currentStart !== null && startDate < currentStart) return `开始日期不能早于现任${roleLabel}的开始日期（${currentStart}）`;
  return null;
}

/**
 * The end date written on the current row when someone else takes over from `newStart`.
 * Periods are half-open, [startDate, endDate): the handover day belongs to the new holder,
 * so the old row ends on the new start date (the demo seed and its checks use the same
 * rule). A same-day correction leaves the old row with endDate = startDate, a period of
 * zero days that is kept as history; rows are never deleted.
 */
export function endDateForReassign(currentStart: string, newStart: string): string {
  if (newStart < currentStart) throw new Error(`reassignment on ${newStart} before the current start ${currentStart}`);
  return newStart;
}

/** True when an assignment row covered `day` ([startDate, endDate), endDate null = still active). */
export function coversDay(startDate: string, endDate: string | null, day: string): boolean {
  return startDate <= day && (endDate === null || day < endDate);
}

// ---------------------------------------------------------------- visits (定期联络)

export interface VisitDue {
  /** The day by which the next visit is needed. */
  dueDate: string;
  /** A visit is needed today or was needed earlier (dueDate <= today). */
  due: boolean;
  /** Past the due date (dueDate < today). */
  overdue: boolean;
  /** Days since the last visit; null when the enterprise was never visited. */
  daysSince: number | null;
  /** Days until the due date (negative: days overdue). */
  daysLeft: number;
}

/**
 * When an enterprise covered by an active assignment is due a visit.
 *
 * Any visit to the enterprise counts, by whoever made it and whenever (a visit by the
 * previous liaison still tells when the enterprise last heard from the park). The clock
 * runs from the last visit, or from the assignment's start if the enterprise was never
 * visited: a new assignment is due `intervalDays` after it starts, an enterprise left
 * unvisited for long is due at once whoever covers it now.
 */
export function visitDue(lastVisit: string | null, assignmentStart: string, intervalDays: number, today: string): VisitDue {
  const from = lastVisit ?? assignmentStart;
  const dueDate = addDays(from, intervalDays);
  const daysLeft = daysBetween(today, dueDate);
  return {
    dueDate,
    due: dueDate <= today,
    overdue: dueDate < today,
    daysSince: lastVisit === null ? null : daysBetween(lastVisit, today),
    daysLeft,
  };
}

// ---------------------------------------------------------------- weeks (每周清单)

/** Monday to Sunday of the week holding `day` (a Shanghai calendar date; default today there). */
export function weekOf(day: string = todayInShanghai()): { monday: string; sunday: string } {
  const weekday = isoToDate(day).getUTCDay(); // 0 = Sunday
  const monday = addDays(day, weekday === 0 ? -6 : 1 - weekday);
  return { monday, sunday: addDays(monday, 6) };
}
