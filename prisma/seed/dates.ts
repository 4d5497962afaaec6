// Business dates are calendar dates. During generation a date is a day number
// (days since 1970-01-01), which makes ordering and arithmetic trivial; it becomes
// a Date at UTC midnight only when written (Prisma stores @db.Date from that).

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseDay(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Today's calendar date in Asia/Shanghai, whatever the machine's time zone. */
export function todayInShanghai(now: Date = new Date()): Day {
  const iso = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return parseDay(iso);
}

export function toDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function isoOf(day: Day): string {
  return toDate(day).toISOString().slice(0, 10);
}

export function yearOf(day: Day): number {
  return toDate(day).getUTCFullYear();
}

export function monthOf(day: Day): number {
  return toDate(day).getUTCMonth() + 1;
}

export function dayOfMonth(day: Day): number {
  return toDate(day).getUTCDate();
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return toDate(day).getUTCDay();
}

/** A month as a single counter (year * 12 + month - 1), for month loops. */
export function monthIndex(day: Day): number {
  return yearOf(day) * 12 + monthOf(day) - 1;
}

export function monthIndexToYm(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function firstDayOfMonthIndex(index: number): Day {
  const { year, month } = monthIndexToYm(index);
  return dayOf(year, month, 1);
}

/**
 * An instant on a business date, at hour:minute Shanghai time, never later than
 * `now` (so a record "entered today at 17:00" cannot be dated after the seed ran).
 */
export function instantOn(day: Day, hour: number, minute: number, now: Date): Date {
  const t = new Date(day * MS_PER_DAY + ((hour - 8) * 60 + minute) * 60_000);
  return t.getTime() > now.getTime() ? new Date(now.getTime()) : t;
}

export const min = (a: Day, b: Day): Day => (a < b ? a : b);
export const max = (a: Day, b: Day): Day => (a > b ? a : b);
