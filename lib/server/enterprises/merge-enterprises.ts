import "server-only";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { mergeFill, mergeProblem } from "@/lib/domain/enterprises";
import { enterpriseMergeSchema } from "@/lib/validation/enterprises";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor, can } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/server/errors";
import { ENTERPRISE_RECORD_SELECT, assertParkOpen, recordOf } from "./enterprise-writes";

export interface MergeResult {
  survivorId: number;
  moved: { projects: number; visits: number; issues: number; assignments: number };
  /** The duplicate's active 包保 rows ended because the survivor already had a holder of that role. */
  endedAssignmentIds: number[];
}

/**
 * Folds a duplicate enterprise (the same company entered twice) into the record a park
 * leader keeps: its projects, visits, problems and 包保 assignments move to the survivor,
 * the survivor's empty fields are filled from the duplicate (its own values win), and the
 * duplicate is deleted. Those are every table that points at an enterprise.
 *
 * "project.correct" in the park (park leaders, administrators): a merge cannot be undone
 * from the app. Both records must be in the same park, not archived, and not carry two
 * different credit codes. Where both hold an active 包保责任人 (or 包保领导), the survivor's
 * stays and the duplicate's ends today, so no enterprise has two active holders.
 *
 * One transaction: both rows are locked (in id order, so two merges cannot deadlock), the
 * moves, the fill, the delete and one audit row (before: both records; after: the
 * survivor, what moved, why).
 */
export async function mergeEnterprises(actor: Actor, input: unknown): Promise<MergeResult> {
  const parsed = parseOrThrow(enterpriseMergeSchema, input);
  const { survivorId, duplicateId, reason } = parsed;
  const db = getDb();

  const [survivor, duplicate] = await Promise.all([
    db.enterprise.findUnique({ where: { id: survivorId }, select: { id: true, parkId: true } }),
    db.enterprise.findUnique({ where: { id: duplicateId }, select: { id: true, parkId: true } }),
  ]);
  if (!survivor || !can(actor, "park.read", survivor.parkId)) throw notFound("保留的企业");
  if (!duplicate || !can(actor, "park.read", duplicate.parkId)) throw notFound("要并入的企业");
  assertCan(actor, "project.correct", survivor.parkId, "企业");
  if (duplicate.parkId !== survivor.parkId) throw validationError({ duplicateId: ["两家企业须属于同一园区才能合并（同一公司在不同园区各有档案）"] });
  const parkId = survivor.parkId;
  const today = todayInShanghai();

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Enterprise" WHERE id IN (${survivorId}, ${duplicateId}) ORDER BY id FOR UPDATE`;
    const [keep, drop] = await Promise.all([
      tx.enterprise.findUnique({ where: { id: survivorId }, select: ENTERPRISE_RECORD_SELECT }),
      tx.enterprise.findUnique({ where: { id: duplicateId }, select: ENTERPRISE_RECORD_SELECT }),
    ]);
    if (!keep || !drop) throw new AppError("CONFLICT", "企业已被他人合并或删除，请刷新页面");
    await assertParkOpen(tx, parkId, "survivorId");
    const problem = mergeProblem(keep, drop);
    if (problem) throw validationError({ duplicateId: [problem] });

    // Roles the survivor already holds: the duplicate's active rows of those roles end today.
    const active = await tx.assignment.findMany({
      where: { enterpriseId: { in: [survivorId, duplicateId] }, endDate: null },
      select: { id: true, enterpriseId: true, role: true },
    });
    const heldBySurvivor = new Set(active.filter((a) => a.enterpriseId === survivorId).map((a) => a.role));
    const endedAssignmentIds = active.filter((a) => a.enterpriseId === duplicateId && heldBySurvivor.has(a.role)).map((a) => a.id);
    if (endedAssignmentIds.length > 0) {
      await tx.assignment.updateMany({ where: { id: { in: endedAssignmentIds } }, data: { endDate: isoToDate(today) } });
    }

    // Projects and problems carry a version for optimistic locking: a form opened before the
    // merge shows the old enterprise, so saving it must be refused.
    const projects = await tx.project.updateMany({ where: { enterpriseId: duplicateId }, data: { enterpriseId: survivorId, version: { increment: 1 } } });
    const visits = await tx.visit.updateMany({ where: { enterpriseId: duplicateId }, data: { enterpriseId: survivorId } });
    const issues = await tx.enterpriseIssue.updateMany({ where: { enterpriseId: duplicateId }, data: { enterpriseId: survivorId, version: { increment: 1 } } });
    const assignments = await tx.assignment.updateMany({ where: { enterpriseId: duplicateId }, data: { enterpriseId: survivorId } });

    // The duplicate goes first: its credit code is unique in the park and may move to the survivor.
    await tx.enterprise.delete({ where: { id: duplicateId }, select: { id: true } });
    const fill = mergeFill(recordOf(keep), recordOf(drop));
    const merged = Object.keys(fill).length > 0 ? await tx.enterprise.update({ where: { id: survivorId }, data: fill, select: ENTERPRISE_RECORD_SELECT }) : keep;

    const moved = { projects: projects.count, visits: visits.count, issues: issues.count, assignments: assignments.count };
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "enterprise.merge",
      entityType: "Enterprise",
      entityId: survivorId,
      parkId,
      before: { survivor: keep, duplicate: drop },
      after: { survivor: merged, duplicateId, filled: Object.keys(fill), moved, endedAssignmentIds, endDate: endedAssignmentIds.length > 0 ? today : undefined, reason },
    });
    return { survivorId, moved, endedAssignmentIds };
  });
}
