import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { type WorkCalendar, calendarFrom } from "@/lib/domain/working-days";

type Reader = Pick<Prisma.TransactionClient, "holiday">;

/**
 * The holiday calendar (法定节假日 and 调休 working days) for dates in [from, to], as the
 * working-day rules take it. One query; callers ask for a range wide enough for the
 * deadlines they compute (a date outside it falls back to Monday-Friday).
 */
export async function loadCalendar(db: Reader, from: string, to: string): Promise<WorkCalendar> {
  const rows = await db.holiday.findMany({
    where: { date: { gte: isoToDate(from), lte: isoToDate(to) } },
    select: { date: true, kind: true },
  });
  return calendarFrom(rows.map((r) => ({ date: dateToIso(r.date), kind: r.kind })));
}
