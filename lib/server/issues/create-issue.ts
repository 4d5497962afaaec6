import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { createIssueSchema } from "@/lib/validation/issues";
import { insertIssues, isUniqueViolation, loadIssueTarget, prepareIssues } from "./issue-writes";

/**
 * Logs an enterprise's problem (状态 收集) for an enterprise and optionally one of its
 * projects (and the visit it was raised at), with deadlines in working days from the
 * raised date by category, a number WT-{park}-{year}-{seq}, its CREATED event, a
 * notification to the responsible user and an audit row, in one transaction.
 *
 * Needs "issue.write" in the enterprise's park; a LIAISON-only actor only for
 * enterprises or projects assigned to them (NOT_FOUND otherwise).
 */
export async function createIssue(actor: Actor, input: unknown): Promise<{ id: number; code: string; version: number }> {
  const parsed = parseOrThrow(createIssueSchema, input);
  const data = parsed;
  const db = getDb();

  const target = await loadIssueTarget(db, actor, data.enterpriseId, data.projectId);
  if (data.visitId !== null) {
    const visit = await db.visit.findUnique({ where: { id: data.visitId }, select: { enterpriseId: true } });
    if (!visit || visit.enterpriseId !== target.enterpriseId) throw new AppError("VALIDATION", "所选走访记录不属于该企业", { visitId: ["所选走访记录不属于该企业"] });
  }
  const [draft] = await prepareIssues(db, actor.userId, target, data.raisedDate, [data], { visitId: data.visitId, errorKey: () => "responsibleUserId" });

  try {
    const [created] = await db.$transaction((tx) => insertIssues(tx, actor.userId, target.parkCode, [draft]));
    return { ...created, version: 1 };
  } catch (e) {
    // The park lock makes a taken number next to impossible (an import could still collide).
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
    throw e;
  }
}
