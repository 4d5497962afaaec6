import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { parseOrThrow } from "@/lib/server/errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type ParkSettings, hasWarningRuleFields, parkSettingsSchema, parkSettingsWithRulesSchema } from "@/lib/validation/park-settings";
import { type WarningRulesForm, formToRules, parkWarningRules, rulesToForm } from "@/lib/validation/warning-rules";

const SELECT = { id: true, name: true, staleDaysSigned: true, staleDaysLanded: true, staleDaysStarted: true, visitIntervalDays: true, warningRules: true } as const;

export async function getParkSettings(actor: Actor, parkId: number) {
  assertCan(actor, "park.configure", parkId, "园区");
  const { warningRules, ...park } = await getDb().park.findUniqueOrThrow({ where: { id: parkId }, select: SELECT });
  return { ...park, rules: rulesToForm(parkWarningRules(warningRules)) };
}

/**
 * Saves a park's thresholds and, when sent, its warning rules (stored whole in
 * Park.warningRules); PARK_LEADER of the park or ADMIN; audited with before and after.
 */
export async function updateParkSettings(actor: Actor, parkId: number, input: unknown): Promise<ParkSettings & Partial<WarningRulesForm>> {
  assertCan(actor, "park.configure", parkId, "园区");
  const withRules = hasWarningRuleFields(input);
  const parsed = withRules ? parseOrThrow(parkSettingsWithRulesSchema, input) : parseOrThrow(parkSettingsSchema, input);
  const data = parsed as ParkSettings & Partial<WarningRulesForm>;
  const thresholds: ParkSettings = {
    staleDaysSigned: data.staleDaysSigned,
    staleDaysLanded: data.staleDaysLanded,
    staleDaysStarted: data.staleDaysStarted,
    visitIntervalDays: data.visitIntervalDays,
  };
  return getDb().$transaction(async (tx) => {
    const { id: _id, name: _name, warningRules, ...before } = await tx.park.findUniqueOrThrow({ where: { id: parkId }, select: SELECT });
    const rules = withRules ? formToRules(data as WarningRulesForm) : null;
    await tx.park.update({ where: { id: parkId }, data: rules ? { ...thresholds, warningRules: JSON.parse(JSON.stringify(rules)) as Prisma.InputJsonObject } : thresholds });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "park.settings",
      entityType: "Park",
      entityId: parkId,
      parkId,
      before: rules ? { ...before, warningRules: parkWarningRules(warningRules) } : before,
      after: rules ? { ...thresholds, warningRules: rules } : thresholds,
    });
    return data;
  });
}
