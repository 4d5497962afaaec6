import "server-only";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { mayCloseTask } from "@/lib/domain/meetings";
import { type Actor } from "@/lib/domain/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, notFound, parseOrThrow } from "@/lib/server/errors";
import { completeTaskSchema } from "@/lib/validation/meetings";
import { holdsInScope, loadScope, meetingScopeOf } from "./meeting-scope";

/** Whether the actor leads the scope of a task's meeting (without throwing). */
async function leadsMeetingScope(actor: Actor, meeting: { parkId: number | null; regionId: number | null }): Promise<boolean> {
  try {
    return holdsInScope(actor, await loadScope(getDb(), actor, meetingScopeOf(meeting)), "meeting.lead");
  } catch {
    return false;
  }
}

/** 办结: the task's owner, or a leader of the meeting's scope, marks an open task done with a note. */
export async function completeTask(actor: Actor, input: unknown, today = todayInShanghai()): Promise<void> {
  const data = parseOrThrow(completeTaskSchema, input);
  const db = getDb();
  const t = await db.meetingTask.findUnique({
    where: { id: data.taskId },
    select: { id: true, ownerId: true, status: true, parkId: true, title: true, meeting: { select: { parkId: true, regionId: true } } },
  });
  if (!t) throw notFound("跟踪事项");
  const leads = t.ownerId === actor.userId ? false : await leadsMeetingScope(actor, t.meeting);
  if (t.ownerId !== actor.userId && !leads) {
    if (!t.meeting.parkId || !actor.parkRoles.has(t.meeting.parkId)) throw notFound("跟踪事项");
    throw forbidden("办结跟踪事项（责任人或会商领导）");
  }
  if (!mayCloseTask(t, actor, leads)) throw new AppError("CONFLICT", "该跟踪事项已办结");
  await db.$transaction(async (tx) => {
    const n = await tx.meetingTask.updateMany({
      where: { id: t.id, status: "OPEN" },
      data: { status: "DONE", doneDate: isoToDate(today), doneNote: data.note, doneById: actor.userId },
    });
    if (n.count === 0) throw new AppError("CONFLICT", "该跟踪事项已由他人办结，请刷新页面");
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "meeting.completeTask",
      entityType: "MeetingTask",
      entityId: t.id,
      parkId: t.parkId,
      before: { status: "OPEN" },
      after: { status: "DONE", doneDate: today, note: data.note },
    });
  });
}
