import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { assertCan } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/server/errors";
import { visibleIssuesWhere } from "@/lib/server/issues/issue-scope";
import { notify } from "@/lib/server/notifications/notify";
import { acceptHandoffSchema } from "@/lib/validation/first-contact";

/**
 * 接收: the responsible person accepts a problem handed off by its 首问责任人, who is no longer
 * accountable from then on. Only the problem's current responsible person; once. One
 * transaction: the guarded update, a HANDOFF_ACCEPTED event, the receiver's notification and
 * the audit row.
 */
export async function acceptHandoff(actor: Actor, input: unknown, now = new Date()): Promise<{ acceptedAt: string }> {
  const { issueId } = parseOrThrow(acceptHandoffSchema, input);
  const db = getDb();
  const issue = await db.enterpriseIssue.findFirst({
    where: { AND: [{ id: issueId }, visibleIssuesWhere(actor)] },
    select: { id: true, code: true, title: true, parkId: true, responsibleUserId: true, firstContactUserId: true, handoffAcceptedAt: true, status: true },
  });
  if (!issue) throw notFound("问题");
  assertCan(actor, "issue.write", issue.parkId, "问题");
  if (issue.firstContactUserId === null) throw new AppError("VALIDATION", "该问题不是直接受理的首问事项，无需接收", { issueId: ["该问题不是直接受理的首问事项，无需接收"] });
  if (issue.handoffAcceptedAt !== null) throw new AppError("CONFLICT", "该问题已被接收");
  if (issue.responsibleUserId !== actor.userId) throw forbidden("接收（须由该问题的负责人接收）");

  return db.$transaction(async (tx) => {
    const { count } = await tx.enterpriseIssue.updateMany({
      where: { id: issue.id, handoffAcceptedAt: null, responsibleUserId: actor.userId },
      data: { handoffAcceptedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "该问题已被接收或已改由他人负责，请刷新页面");
    await tx.issueEvent.create({ data: { issueId: issue.id, type: "HANDOFF_ACCEPTED", note: "负责人接收首问移交", actorId: actor.userId, createdAt: now } });
    await notify(tx, actor.userId, [
      { userIds: [issue.firstContactUserId], kind: "HANDOFF_ACCEPTED", title: `首问移交已接收：${issue.title}`, body: `${issue.code} 已由 ${actor.name} 接收办理`, issueId: issue.id },
    ]);
    await writeAudit(tx, { actorId: actor.userId, action: "issue.acceptHandoff", entityType: "EnterpriseIssue", entityId: issue.id, parkId: issue.parkId, before: { handoffAcceptedAt: null }, after: { handoffAcceptedAt: now.toISOString() } });
    return { acceptedAt: now.toISOString() };
  });
}
