import "server-only";
import { getDb } from "@/lib/db/client";
import { INTAKE_CHANNEL_LABELS } from "@/lib/domain/first-contact";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { insertIssues, isUniqueViolation, loadIssueTarget, prepareIssues } from "@/lib/server/issues/issue-writes";
import { notify } from "@/lib/server/notifications/notify";
import { receiveIssueSchema } from "@/lib/validation/first-contact";

/**
 * Logs a problem received directly (电话, 窗口, 来信, 网上) without a visit. The receiver is its
 * 首问责任人 and stays accountable until the responsible person accepts the hand-off (接收);
 * received by the responsible person themself, it is accepted at once. Otherwise the
 * responsible person is asked to accept it (HANDOFF_PENDING). Same checks, numbering and
 * deadlines as any new problem; one transaction with its audit rows.
 */
export async function receiveIssue(actor: Actor, input: unknown, now = new Date()): Promise<{ id: number; code: string; handoffPending: boolean }> {
  const data = parseOrThrow(receiveIssueSchema, input);
  const db = getDb();
  const target = await loadIssueTarget(db, actor, data.enterpriseId, data.projectId);
  const [draft] = await prepareIssues(db, actor.userId, target, data.raisedDate, [data], { visitId: null, errorKey: () => "responsibleUserId" });
  const selfAccepted = draft.responsibleUserId === actor.userId;
  try {
    return await db.$transaction(async (tx) => {
      const [created] = await insertIssues(tx, actor.userId, target.parkCode, [draft]);
      await tx.enterpriseIssue.update({
        where: { id: created.id },
        // Receipt time is the creation time: the handling-time figures run from it.
        data: { intakeChannel: data.intakeChannel, firstContactUserId: actor.userId, handoffAcceptedAt: selfAccepted ? now : null, createdAt: now },
      });
      if (!selfAccepted) {
        await notify(tx, actor.userId, [
          {
            userIds: [draft.responsibleUserId],
            kind: "HANDOFF_PENDING",
            title: `首问移交待您接收：${draft.title}`,
            body: `${created.code}，${actor.name}经${INTAKE_CHANNEL_LABELS[data.intakeChannel]}受理（首问责任人），请接收后办理；办结时限 ${draft.resolveDeadline}`,
            issueId: created.id,
          },
        ]);
      }
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "issue.receive",
        entityType: "EnterpriseIssue",
        entityId: created.id,
        parkId: target.parkId,
        after: { intakeChannel: data.intakeChannel, firstContactUserId: actor.userId, responsibleUserId: draft.responsibleUserId, handoffAccepted: selfAccepted },
      });
      return { ...created, handoffPending: !selfAccepted };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "保存时与其他人的录入冲突，请重新提交");
    throw e;
  }
}
