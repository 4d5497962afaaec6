import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { stepProblem } from "@/lib/domain/supervision";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type EvidenceFile, checkEvidenceFiles } from "@/lib/server/attachments/evidence-files";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { replySupervisionSchema } from "@/lib/validation/supervision";
import { supervisionLink } from "./issue-supervision";
import { staleSupervision } from "./review-supervision";
import { visibleSupervisionsWhere } from "./supervision-scope";

/**
 * The recipient's reply (整改情况) to a 督办函 that awaits it (待回复, or 已退回 after a
 * return), with evidence files (images or PDF): the letter goes to 待审核 and its issuer is
 * told. Only the recipient may reply. One transaction: the versioned update, the REPLIED event
 * with its attachments, the notification and the audit row.
 */
export async function replySupervision(actor: Actor, input: unknown, files: EvidenceFile[] = []): Promise<{ version: number }> {
  const data = parseOrThrow(replySupervisionSchema, input);
  checkEvidenceFiles(files);
  const db = getDb();
  const s = await db.supervision.findFirst({
    where: { AND: [{ id: data.supervisionId }, visibleSupervisionsWhere(actor)] },
    select: { id: true, code: true, subject: true, parkId: true, projectId: true, status: true, version: true, issuedById: true, recipientUserId: true },
  });
  if (!s) throw notFound("督办事项");
  if (s.recipientUserId !== actor.userId) throw forbidden("回复（须由督办函的责任人回复）");
  const problem = stepProblem("reply", s.status);
  if (problem) throw new AppError("VALIDATION", problem, { note: [problem] });
  if (s.version !== data.version) throw await staleSupervision(db, s.id);

  return db.$transaction(async (tx) => {
    const { count } = await tx.supervision.updateMany({ where: { id: s.id, version: s.version }, data: { status: "REPLIED", version: { increment: 1 } } });
    if (count === 0) throw await staleSupervision(tx, s.id);
    const event = await tx.supervisionEvent.create({ data: { supervisionId: s.id, type: "REPLIED", note: data.note, actorId: actor.userId }, select: { id: true } });
    if (files.length) {
      await tx.attachment.createMany({
        data: files.map((f) => ({
          parkId: s.parkId,
          projectId: s.projectId,
          supervisionId: s.id,
          supervisionEventId: event.id,
          uploadedById: actor.userId,
          fileName: f.fileName,
          mimeType: f.mimeType,
          size: f.content.byteLength,
          sha256: createHash("sha256").update(f.content).digest("hex"),
          content: f.content as Uint8Array<ArrayBuffer>,
        })),
      });
    }
    await notify(tx, actor.userId, [
      {
        userIds: [s.issuedById],
        kind: "SUPERVISION_REPLIED",
        title: `督办函 ${s.code} 已回复，待您审核`,
        body: `${actor.name}：${data.note.length > 80 ? `${data.note.slice(0, 79)}…` : data.note}`,
        link: supervisionLink(s.id),
        supervisionId: s.id,
      },
    ]);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "supervision.reply",
      entityType: "Supervision",
      entityId: s.id,
      parkId: s.parkId,
      before: { status: s.status },
      after: { status: "REPLIED", note: data.note, attachments: files.map((f) => f.fileName) },
    });
    return { version: s.version + 1 };
  });
}
