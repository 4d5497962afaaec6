import "server-only";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { onlyAssignedIn } from "@/lib/server/issues/issue-scope";
import { assertParkUser, insertIssues, isUniqueViolation, loadIssueTarget, prepareIssues } from "@/lib/server/issues/issue-writes";
import { createVisitSchema } from "@/lib/validation/issues";

/**
 * Logs a visit (走访 / 电话 / 座谈) to an enterprise, and the problems raised on the spot:
 * each becomes a problem (收集) linked to the visit, raised on the visit date, with its
 * deadlines, number, CREATED event and notification. One transaction with one audit row
 * for the visit and one per problem.
 *
 * Needs "issue.write" in the enterprise's park; a LIAISON-only actor logs only their own
 * visits to enterprises or projects assigned to them (NOT_FOUND otherwise). Staff and
 * leaders may log a visit on behalf of a liaison of the park (liaisonId).
 */
export async function createVisit(actor: Actor, input: unknown): Promise<{ id: number; issues: { id: number; code: string }[] }> {
  const parsed = parseOrThrow(createVisitSchema, input);
  const data = parsed;
  const db = getDb();

  const target = await loadIssueTarget(db, actor, data.enterpriseId, data.projectId);
  const liaisonId = data.liaisonId ?? actor.userId;
  if (liaisonId !== actor.userId) {
    if (onlyAssignedIn(actor, target.parkId)) throw new AppError("VALIDATION", "包保责任人只能登记本人的走访", { liaisonId: ["包保责任人只能登记本人的走访"] });
    await assertParkUser(db, target.parkId, liaisonId, "liaisonId", "走访人");
  }
  const drafts = await prepareIssues(db, actor.userId, target, data.visitDate, data.problems, {
    visitId: null,
    errorKey: (i) => `problems.${i}.responsibleUserId`,
  });

  try {
    return await db.$transaction(async (tx) => {
      const visit = await tx.visit.create({
        data: {
          parkId: target.parkId,
          enterpriseId: target.enterpriseId,
          projectId: target.projectId,
          liaisonId,
          visitDate: isoToDate(data.visitDate),
          kind: data.kind,
          peopleMet: data.peopleMet,
          summary: data.summary,
        },
        select: { id: true },
      });
      const issues = await insertIssues(tx, actor.userId, target.parkCode, drafts.map((d) => ({ ...d, visitId: visit.id })));
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "visit.create",
        entityType: "Visit",
        entityId: visit.id,
        parkId: target.parkId,
        after: {
          id: visit.id,
          enterpriseId: target.enterpriseId,
          projectId: target.projectId,
          liaisonId,
          visitDate: data.visitDate,
          kind: data.kind,
          peopleMet: data.peopleMet,
          summary: data.summary,
          issues: issues.map((i) => i.code),
        },
      });
      return { id: visit.id, issues };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
    throw e;
  }
}
