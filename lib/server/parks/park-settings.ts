import { getDb } from "@/lib/db/client";
import { type Actor, assertCan } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parkSettingsSchema, type ParkSettings } from "@/lib/validation/park-settings";
import { fieldErrors } from "@/lib/validation/project";

const SELECT = { id: true, name: true, staleDaysSigned: true, staleDaysLanded: true, staleDaysStarted: true, visitIntervalDays: true } as const;

export async function getParkSettings(actor: Actor, parkId: number) {
  assertCan(actor, "park.configure", parkId, "园区");
  return getDb().park.findUniqueOrThrow({ where: { id: parkId }, select: SELECT });
}

/** Saves a park's thresholds; PARK_LEADER of the park or ADMIN; audited with before and after. */
export async function updateParkSettings(actor: Actor, parkId: number, input: unknown): Promise<ParkSettings> {
  assertCan(actor, "park.configure", parkId, "园区");
  const parsed = parkSettingsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "请检查标红的字段", fieldErrors(parsed.error));
  return getDb().$transaction(async (tx) => {
    const { id: _id, name: _name, ...before } = await tx.park.findUniqueOrThrow({ where: { id: parkId }, select: SELECT });
    await tx.park.update({ where: { id: parkId }, data: parsed.data });
    await writeAudit(tx, { actorId: actor.userId, action: "park.settings", entityType: "Park", entityId: parkId, parkId, before, after: parsed.data });
    return parsed.data;
  });
}
