// Working-day arithmetic for deadlines such as "3 个工作日内答复". A working day is a
// weekday that is not a 法定节假日, or a weekend day the State Council made a 调休
// working day. Dates are YYYY-MM-DD calendar dates; no time zone enters here.
//
// The calendar is data (the Holiday table, loaded by lib/server/calendar/load-calendar.ts).
// A year "has a calendar" when the table holds at least one row dated in it (the State
// Council's arrangement always has 元旦 at least): the server's calendar lists those years
// in `years`, and stepping onto a date of any other year throws CalendarMissingError
// ("2027 年的节假日安排尚未录入…") instead of silently counting Monday to Friday. Within a
// year that has a calendar, a date in neither set follows the weekday rule. A calendar
// without `years` (EMPTY_CALENDAR, or calendarFrom without it: unit tests, the demo seed's
// own arithmetic) checks nothing.

import { addDays, isoToDate } from "./dates";

export interface WorkCalendar {
  /** 法定节假日: days off, even on a weekday. */
  holidays: Set<string>;
  /** 调休: working days, even on a weekend. */
  workdays: Set<string>;
  /** Years whose arrangement has been entered; a date in another year is refused. Absent = no check. */
  years?: ReadonlySet<number>;
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** Builds a calendar from Holiday rows (kind HOLIDAY or WORKDAY); with `years`, only those years may be counted on. */
export function calendarFrom(rows: Iterable<{ date: string; kind: "HOLIDAY" | "WORKDAY" }>, years?: Iterable<number>): WorkCalendar {
  const cal: WorkCalendar = { holidays: new Set(), workdays: new Set(), ...(years ? { years: new Set(years) } : {}) };
  for (const r of rows) (r.kind === "HOLIDAY" ? cal.holidays : cal.workdays).add(r.date);
  return cal;
}

/** The Chinese refusal for a year without a holiday calendar. */
export function calendarMissingMessage(year: number): string {
  return `${year} 年的节假日安排尚未录入，无法计算工作日期限，请管理员先在“节假日”页面录入`;
}

/**
 * A working-day count reached a date whose year has no holiday calendar. lib/server turns it
 * into a VALIDATION error (toAppError) where a person's action computed it; read pages show
 * the message in place of the date.
 */
export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(calendarMissingMessage(year));
    this.name = "CalendarMissingError";
  }
}

/** Throws CalendarMissingError when `date`'s year has no calendar (a calendar with `years` only). */
export function assertCalendarCovers(date: string, cal: WorkCalendar): void {
  if (!cal.years) return;
  const year = Number(date.slice(0, 4));
  if (!cal.years.has(year)) throw new CalendarMissingError(year);
}

/**
 * Runs a working-day computation for a read page: its value, or the missing year's message
 * (`{ missing }`) when the calendar of a year it reached has not been entered. Anything else
 * is rethrown.
 */
export function tryWorkingDays<T>(compute: () => T): { value: T; missing: null } | { value: null; missing: string } {
  try {
    return { value: compute(), missing: null };
  } catch (e) {
    if (e instanceof CalendarMissingError) return { value: null, missing: e.message };
    throw e;
  }
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return isoToDate(date).getUTCDay();
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  assertCalendarCovers(date, cal);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

/**
 * The n-th working day after `start` (start itself never counts, whether or not it is a
 * working day): a problem raised on Thursday with 3 working days is due the next Tuesday.
 * n = 0 gives `start`; a negative n counts backwards the same way.
 */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = start;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** The first working day after `date`. */
export function nextWorkingDay(date: string, cal: WorkCalendar): string {
  return addWorkingDays(date, 1, cal);
}

/**
 * Working days in (from, to]: the inverse of addWorkingDays, so
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) count++;
  return count;
}
