// Business dates are calendar dates. We keep them as "YYYY-MM-DD" strings in the
// domain and as DATE in PostgreSQL; "today" is the date in Asia/Shanghai.

export const BUSINESS_TZ = "Asia/Shanghai";

const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: BUSINESS_TZ, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's calendar date in Asia/Shanghai, as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return ymd.format(now);
}

/** The earliest business date any record may carry (signing, stage, visit, deadline…): earlier ones are typing slips. */
export const EARLIEST_DATE = "1990-01-01";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A DATE column value (Prisma gives midnight UTC) as YYYY-MM-DD. */
export function dateToIso(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** YYYY-MM-DD to the Date Prisma stores in a DATE column (midnight UTC, no drift). */
export function isoToDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

/** Whole days from a to b (b - a), both YYYY-MM-DD. */
/** The date `days` calendar days after `iso` (negative: before), YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const d = isoToDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return dateToIso(d);
}

export function daysBetween(a: string, b: string): number {
  return Math.round((isoToDate(b).getTime() - isoToDate(a).getTime()) / 86_400_000);
}

/** "2026年11月23日" */
export function formatDateZh(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const iso = typeof value === "string" ? value : dateToIso(value);
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}
