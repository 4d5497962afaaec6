import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseOrThrow } from "@/lib/server/errors";
import { holidayUpsertSchema } from "@/lib/validation/issues";
import type { HolidayRow } from "./list-holidays";

/**
 * Adds or changes one calendar day (法定节假日 or 调休 working day), with an audit row.
 * Deadlines already set are not recomputed: they were right by the calendar of the day
 * they were set, and a leader can still move them.
 */
export async function upsertHoliday(actor: Actor, input: unknown): Promise<HolidayRow> {
  assertCan(actor, "holiday.manage");
  const { date, kind, name } = parseOrThrow(holidayUpsertSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const before = await tx.holiday.findUnique({ where: { date: isoToDate(date) }, select: { kind: true, name: true } });
    const row = await tx.holiday.upsert({
      where: { date: isoToDate(date) },
      create: { date: isoToDate(date), kind, name },
      update: { kind, name },
      select: { date: true, kind: true, name: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: before ? "holiday.update" : "holiday.create",
      entityType: "Holiday",
      entityId: date,
      before: before ? { date, ...before } : null,
      after: { date, kind, name },
    });
    return { date: dateToIso(row.date), kind: row.kind, name: row.name };
  });
}
