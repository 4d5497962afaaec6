import "server-only";
import { getDb } from "@/lib/db/client";
import { enterpriseCreateSchema } from "@/lib/validation/enterprises";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { isUniqueViolation } from "@/lib/server/issues/issue-writes";
import { ENTERPRISE_RECORD_SELECT, assertParkOpen, assertUniqueInPark } from "./enterprise-writes";

/**
 * Registers an enterprise in a park without a project (一企一档). "project.write" in the
 * park (park staff, administrators); not in an archived park. Name and credit code are
 * unique within the park (the same company investing in another park has its own record
 * there). One transaction with its audit row.
 */
export async function createEnterprise(actor: Actor, input: unknown): Promise<{ id: number }> {
  const parsed = parseOrThrow(enterpriseCreateSchema, input);
  const data = parsed;
  assertCan(actor, "project.write", data.parkId, "园区");
  const db = getDb();

  try {
    return await db.$transaction(async (tx) => {
      await assertParkOpen(tx, data.parkId);
      await assertUniqueInPark(tx, data.parkId, { name: data.name, creditCode: data.creditCode }, null);
      const created = await tx.enterprise.create({ data, select: ENTERPRISE_RECORD_SELECT });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "enterprise.create",
        entityType: "Enterprise",
        entityId: created.id,
        parkId: data.parkId,
        after: created,
      });
      return { id: created.id };
    });
  } catch (e) {
    // Someone registered the same name or code in between: say which field, as the check would have.
    if (isUniqueViolation(e)) {
      await assertUniqueInPark(db, data.parkId, { name: data.name, creditCode: data.creditCode }, null);
      throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
    }
    throw e;
  }
}
