import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/server/errors";
import { type CalendarYear, listCalendarYears } from "@/lib/server/calendar/load-calendar";

export type { CalendarYear };

/**
 * The years whose holiday arrangement has been entered (at least one Holiday row), with
 * their counts: working-day deadlines can be computed in these years only. Everyone with a
 * role reads it, like the calendar itself.
 */
export async function listEnteredCalendarYears(actor: Actor): Promise<CalendarYear[]> {
  if (actor.roles.length === 0) throw forbidden("查看节假日");
  return listCalendarYears(getDb());
}
