import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { CalendarMissingError, type WorkCalendar, calendarFrom } from "@/lib/domain/working-days";
import { AppError } from "@/lib/server/errors";

type Reader = Pick<Prisma.TransactionClient, "holiday" | "$queryRaw">;

/** A year with at least one Holiday row: its arrangement counts as entered (docs/domain.md, Working days). */
export interface CalendarYear {
  year: number;
  holidays: number;
  workdays: number;
}

/** Every year that has a calendar, oldest first, with its number of days off and 调休 working days. One query. */
export async function listCalendarYears(db: Reader): Promise<CalendarYear[]> {
  return db.$queryRaw<CalendarYear[]>`
    SELECT extract(year FROM date)::int AS year,
           count(*) FILTER (WHERE kind = 'HOLIDAY')::int AS holidays,
           count(*) FILTER (WHERE kind = 'WORKDAY')::int AS workdays
    FROM "Holiday"
    GROUP BY 1
    ORDER BY 1`;
}

/**
 * The holiday calendar (法定节假日 and 调休 working days) for dates in [from, to], as the
 * working-day rules take it, with the years that have a calendar: counting onto a date of
 * any other year throws CalendarMissingError. Two small queries; callers ask for a range
 * wide enough for the deadlines they compute (a date outside it, in a year with a
 * calendar, falls back to Monday-Friday).
 */
export async function loadCalendar(db: Reader, from: string, to: string): Promise<WorkCalendar> {
  const [rows, years] = await Promise.all([
    db.holiday.findMany({
      where: { date: { gte: isoToDate(from), lte: isoToDate(to) } },
      select: { date: true, kind: true },
    }),
    listCalendarYears(db),
  ]);
  return calendarFrom(
    rows.map((r) => ({ date: dateToIso(r.date), kind: r.kind })),
    years.map((y) => y.year),
  );
}

/**
 * Runs a working-day computation inside a person's action: a year without a calendar becomes
 * the VALIDATION error naming it (never a 500), with the message on `field` when given.
 */
export function computeDeadlines<T>(compute: () => T, field?: string): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof CalendarMissingError) throw new AppError("VALIDATION", e.message, field ? { [field]: [e.message] } : undefined);
    throw e;
  }
}
