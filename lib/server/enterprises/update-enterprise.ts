import "server-only";
import { getDb } from "@/lib/db/client";
import { type EnterpriseRecordField, changedFields } from "@/lib/domain/enterprises";
import { enterpriseUpdateSchema } from "@/lib/validation/enterprises";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/issues/issue-writes";
import { ENTERPRISE_RECORD_SELECT, assertParkOpen, assertUniqueInPark, recordOf } from "./enterprise-writes";
import { seesEnterprise } from "./enterprise-scope";

/**
 * Edits an enterprise's record: the fields sent are written, the others kept (the form
 * sends them all, the API only what changes). "project.write" in its park; not in an
 * archived park; name and credit code stay unique within the park. Nothing is written
 * when nothing differs; otherwise one transaction with an audit row holding the changed
 * fields before and after.
 */
export async function updateEnterprise(actor: Actor, id: number, input: unknown): Promise<{ id: number; changed: EnterpriseRecordField[] }> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw notFound("企业");
  const parsed = parseOrThrow(enterpriseUpdateSchema, input);
  const db = getDb();

  const current = await db.enterprise.findUnique({ where: { id }, select: ENTERPRISE_RECORD_SELECT });
  if (!current || !(await seesEnterprise(db, actor, current))) throw notFound("企业");
  assertCan(actor, "project.write", current.parkId, "企业");

  const { fields, before, after } = changedFields(recordOf(current), parsed);
  if (fields.length === 0) return { id, changed: [] };
  const uniqueKeys = { ...(after.name !== undefined ? { name: after.name! } : {}), ...(after.creditCode ? { creditCode: after.creditCode } : {}) };

  try {
    await db.$transaction(async (tx) => {
      await assertParkOpen(tx, current.parkId);
      await assertUniqueInPark(tx, current.parkId, uniqueKeys, id);
      await tx.enterprise.update({ where: { id }, data: after, select: { id: true } });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "enterprise.update",
        entityType: "Enterprise",
        entityId: id,
        parkId: current.parkId,
        before,
        after,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      await assertUniqueInPark(db, current.parkId, uniqueKeys, id);
      throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
    }
    throw e;
  }
  return { id, changed: fields };
}
