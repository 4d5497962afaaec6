import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { ASSIGNMENT_ROLE_LABEL } from "@/lib/domain/coverage";
import { endAssignmentSchema } from "@/lib/validation/enterprises";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/server/errors";

/**
 * Ends an enterprise's 包保责任人 or 包保领导 without naming a successor (someone left, or the
 * enterprise closed): the row gets its end date and nobody holds the role afterwards, so
 * 挂牌公示 flags the enterprise uncovered until someone is assigned. Handing over to a
 * successor is `assign`, which ends the current row itself.
 *
 * Only enterprise-level rows (a project's 包保 changes with the project). "assignment.manage"
 * in the park. One transaction: the enterprise row is locked like `assign` locks it, so an
 * assignment and an ending never cross; then the end date and one audit row.
 */
export async function endAssignment(actor: Actor, input: unknown): Promise<{ assignmentId: number; enterpriseId: number; endDate: string }> {
  const parsed = parseOrThrow(endAssignmentSchema, input);
  const data = parsed;
  const db = getDb();

  const row = await db.assignment.findUnique({
    where: { id: data.assignmentId },
    select: { id: true, parkId: true, role: true, userId: true, enterpriseId: true, projectId: true, startDate: true, endDate: true, department: true, user: { select: { name: true } } },
  });
  if (!row || row.enterpriseId === null || row.projectId !== null) throw notFound("企业包保记录");
  assertCan(actor, "assignment.manage", row.parkId, "企业包保记录");
  const enterpriseId = row.enterpriseId;
  const roleLabel = ASSIGNMENT_ROLE_LABEL[row.role];
  const startDate = dateToIso(row.startDate);
  if (row.endDate) throw new AppError("CONFLICT", `${row.user.name}的${roleLabel}已于 ${dateToIso(row.endDate)} 结束，请刷新页面`);
  if (data.endDate < startDate) throw validationError({ endDate: [`结束日期不能早于开始日期（${startDate}）`] });

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Enterprise" WHERE id = ${enterpriseId} FOR NO KEY UPDATE`;
    const { count } = await tx.assignment.updateMany({ where: { id: row.id, endDate: null }, data: { endDate: isoToDate(data.endDate) } });
    if (count !== 1) throw new AppError("CONFLICT", `该企业的${roleLabel}已被他人变更，请刷新后重试`);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "assignment.end",
      entityType: "Enterprise",
      entityId: enterpriseId,
      parkId: row.parkId,
      before: { role: row.role, assignmentId: row.id, userId: row.userId, userName: row.user.name, startDate, department: row.department },
      after: { role: row.role, assignmentId: row.id, endDate: data.endDate, reason: data.reason, successor: null },
    });
    return { assignmentId: row.id, enterpriseId, endDate: data.endDate };
  });
}
