import "server-only";
import { getDb } from "@/lib/db/client";
import { userUpdateSchema } from "@/lib/validation/users";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { idField } from "@/lib/validation/fields";
import { assertAdministersPeople, assertAnotherActiveAdmin, lockTarget } from "./user-scope";

/**
 * Edits a person's profile (name, unit, title, phone) and disables or re-enables the
 * account. Disabling ends the person's sessions at their next request (isActive is checked
 * on every request, and the session version is bumped as well). Nobody disables themselves,
 * and the last active administrator stays.
 */
export async function updateUser(actor: Actor, userId: unknown, input: unknown) {
  const scope = assertAdministersPeople(actor);
  const id = parseOrThrow(idField("用户"), userId);
  const data = parseOrThrow(userUpdateSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const target = await lockTarget(tx, scope, id, true);
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { name: true, unit: true, title: true, phone: true, isActive: true } });
    const disabling = data.isActive === false && before.isActive;
    if (disabling && id === actor.userId) throw new AppError("VALIDATION", "不能停用自己的账号", { isActive: ["不能停用自己的账号"] });
    if (disabling && target.memberships.some((m) => m.role === "ADMIN")) await assertAnotherActiveAdmin(tx, id);

    const changed = Object.fromEntries(Object.entries(data).filter(([k, v]) => before[k as keyof typeof before] !== v)) as typeof data;
    if (Object.keys(changed).length === 0) return { id, changed: [] as string[] };
    await tx.user.update({
      where: { id },
      data: { ...changed, ...(disabling ? { sessionVersion: { increment: 1 } } : {}) },
    });
    const action = changed.isActive === false ? "user.disable" : changed.isActive === true ? "user.enable" : "user.update";
    await writeAudit(tx, {
      actorId: actor.userId,
      action,
      entityType: "User",
      entityId: id,
      parkId: target.memberships.find((m) => m.parkId !== null)?.parkId ?? null,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]])),
      after: changed,
    });
    return { id, changed: Object.keys(changed) };
  });
}
