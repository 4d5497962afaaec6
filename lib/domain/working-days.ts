// Working-day arithmetic for deadlines such as "3 个工作日内答复". A working day is a
// weekday that is not a 法定节假日, or a weekend day the State Council made a 调休
// working day. Dates are YYYY-MM-DD calendar dates; no time zone enters here.
//
// The calendar is data (the Holiday table, loaded by lib/server/calendar/load-calendar.ts):
// a date missing from both sets falls back to the weekday rule, so a range loaded too
// narrowly degrades to "Monday to Friday", never to an error.

import { addDays, isoToDate } from "./dates";

export interface WorkCalendar {
  /** 法定节假日: days off, even on a weekday. */
  holidays: Set<string>;
  /** 调休: working days, even on a weekend. */
  workdays: Set<string>;
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** Builds a calendar from Holiday rows (kind HOLIDAY or WORKDAY). */
export function calendarFrom(rows: Iterable<{ date: string; kind: "HOLIDAY" | "WORKDAY" }>): WorkCalendar {
  const cal: WorkCalendar = { holidays: new Set(), workdays: new Set() };
  for (const r of rows) (r.kind === "HOLIDAY" ? cal.holidays : cal.workdays).add(r.date);
  return cal;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: string): number {
  return isoToDate(date).getUTCDay();
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
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
