import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { forbidden, parseOrThrow } from "@/lib/server/errors";
import { holidayYearSchema } from "@/lib/validation/issues";

export interface HolidayRow {
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
}

/**
 * The year's 法定节假日 and 调休 working days, by date. Everyone with a role reads the
 * calendar (deadlines are counted on it); only administrators change it.
 */
export async function listHolidays(actor: Actor, year: unknown): Promise<HolidayRow[]> {
  if (actor.roles.length === 0) throw forbidden("查看节假日");
  const parsed = parseOrThrow(holidayYearSchema, year, "year");
  const y = parsed;
  const rows = await getDb().holiday.findMany({
    where: { date: { gte: isoToDate(`${y}-01-01`), lte: isoToDate(`${y}-12-31`) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, name: true },
  });
  return rows.map((r) => ({ date: dateToIso(r.date), kind: r.kind, name: r.name }));
}
