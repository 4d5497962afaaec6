import "server-only";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { notFound, parseOrThrow } from "@/lib/server/errors";
import { holidayDateSchema } from "@/lib/validation/issues";

/** Removes one calendar day (the date becomes an ordinary weekday or weekend day again), with an audit row. */
export async function deleteHoliday(actor: Actor, date: unknown): Promise<void> {
  assertCan(actor, "holiday.manage");
  const parsed = parseOrThrow(holidayDateSchema, date, "date");
  const day = parsed;
  await getDb().$transaction(async (tx) => {
    const before = await tx.holiday.findUnique({ where: { date: isoToDate(day) }, select: { kind: true, name: true } });
    if (!before) throw notFound("节假日");
    await tx.holiday.delete({ where: { date: isoToDate(day) } });
    await writeAudit(tx, { actorId: actor.userId, action: "holiday.delete", entityType: "Holiday", entityId: day, before: { date: day, ...before } });
  });
}
