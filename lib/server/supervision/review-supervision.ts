import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { type Actor } from "@/lib/domain/permissions";
import { stepProblem } from "@/lib/domain/supervision";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { reviewSupervisionSchema } from "@/lib/validation/supervision";
import { supervisionLink } from "./issue-supervision";
import { reviewsSupervision, visibleSupervisionsWhere } from "./supervision-scope";

type Reader = Pick<Prisma.TransactionClient, "supervisionEvent">;

/** The conflict when the letter changed since the caller loaded it, naming who changed it and when. */
export async function staleSupervision(db: Reader, supervisionId: number): Promise<AppError> {
  const last = await db.supervisionEvent.findFirst({ where: { supervisionId }, orderBy: { id: "desc" }, select: { createdAt: true, actor: { select: { name: true } } } });
  const who = last ? `${last.actor.name} 于 ${formatDateTimeZh(last.createdAt)} ` : "其他用户";
  return new AppError("CONFLICT", `该督办事项已被 ${who}更新，您的操作未保存。请刷新页面查看最新内容后重新操作`);
}

/**
 * The leader's review of a reply: 销号 (accept: closed today) or 退回 with a reason (the
 * recipient replies again). Only the issuer or a holder of "supervision.issue" in the park.
 * One transaction: the versioned update, the event, the recipient's notification, the audit row.
 */
export async function reviewSupervision(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ version: number; status: "CLOSED" | "RETURNED" }> {
  const data = parseOrThrow(reviewSupervisionSchema, input);
  const db = getDb();
  const s = await db.supervision.findFirst({
    where: { AND: [{ id: data.supervisionId }, visibleSupervisionsWhere(actor)] },
    select: { id: true, code: true, subject: true, parkId: true, status: true, version: true, issuedById: true, recipientUserId: true },
  });
  if (!s) throw notFound("督办事项");
  if (!reviewsSupervision(actor, s)) throw forbidden("审核（须由下发督办函的领导或园区领导审核）");
  const problem = stepProblem(data.decision, s.status);
  if (problem) throw new AppError("VALIDATION", problem, { decision: [problem] });
  if (s.version !== data.version) throw await staleSupervision(db, s.id);

  const status = data.decision === "accept" ? "CLOSED" : "RETURNED";
  return db.$transaction(async (tx) => {
    const { count } = await tx.supervision.updateMany({
      where: { id: s.id, version: s.version },
      data: { status, version: { increment: 1 }, closedDate: status === "CLOSED" ? isoToDate(today) : null },
    });
    if (count === 0) throw await staleSupervision(tx, s.id);
    await tx.supervisionEvent.create({ data: { supervisionId: s.id, type: status === "CLOSED" ? "ACCEPTED" : "RETURNED", note: data.note, actorId: actor.userId } });
    await notify(tx, actor.userId, [
      status === "CLOSED"
        ? { userIds: [s.recipientUserId], kind: "SUPERVISION_CLOSED", title: `督办函 ${s.code} 已销号`, body: data.note ? `${actor.name}：${data.note}` : `${actor.name}审核通过：${s.subject}`, link: supervisionLink(s.id), supervisionId: s.id }
        : { userIds: [s.recipientUserId], kind: "SUPERVISION_RETURNED", title: `督办函 ${s.code} 被退回，请重新办理`, body: `${actor.name}退回理由：${data.note}`, link: supervisionLink(s.id), supervisionId: s.id },
    ]);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: status === "CLOSED" ? "supervision.accept" : "supervision.return",
      entityType: "Supervision",
      entityId: s.id,
      parkId: s.parkId,
      before: { status: s.status },
      after: { status, note: data.note, ...(status === "CLOSED" ? { closedDate: today } : {}) },
    });
    return { version: s.version + 1, status };
  });
}
