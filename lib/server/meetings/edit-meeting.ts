import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { addWorkingDays } from "@/lib/domain/working-days";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { computeDeadlines, loadCalendar } from "@/lib/server/calendar/load-calendar";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { addAgendaItemSchema, recordAttendanceSchema, recordDecisionSchema, removeAgendaItemSchema } from "@/lib/validation/meetings";
import { type ResolvedScope, assertInScope, loadScope, meetingScopeOf } from "./meeting-scope";

type Db = ReturnType<typeof getDb>;
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const refused = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/** Loads a meeting the actor leads (meeting.lead for its scope), or not found / forbidden. */
async function meetingToLead(db: Db, actor: Actor, meetingId: number) {
  const m = await db.meeting.findUnique({ where: { id: meetingId }, select: { id: true, parkId: true, regionId: true, status: true, title: true, meetingDate: true } });
  if (!m) throw notFound("会商");
  const s = await loadScope(db, actor, meetingScopeOf(m));
  assertInScope(actor, s, "meeting.lead");
  return { m, s };
}

/** Active users of the scope: members of its parks, or region leaders of its region. */
export async function scopeUserIds(db: Pick<Db, "membership">, s: ResolvedScope, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.membership.findMany({
    where: { userId: { in: userIds }, user: { isActive: true }, OR: [{ parkId: { in: s.parkIds } }, { regionId: s.regionId, role: "REGION_LEADER" }] },
    select: { userId: true },
  });
  return new Set(rows.map((r) => r.userId));
}

/** Adds a free item (其他议题) at the end of an agenda not yet held. */
export async function addAgendaItem(actor: Actor, input: unknown): Promise<{ id: number }> {
  const data = parseOrThrow(addAgendaItemSchema, input);
  const db = getDb();
  const { m, s } = await meetingToLead(db, actor, data.meetingId);
  if (m.status !== "PREPARED") throw new AppError("CONFLICT", "会议已召开，议程不能再增删");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM "Meeting" WHERE id = ${m.id} FOR UPDATE`;
    const last = await tx.meetingItem.findFirst({ where: { meetingId: m.id }, orderBy: { position: "desc" }, select: { position: true } });
    const item = await tx.meetingItem.create({ data: { meetingId: m.id, position: (last?.position ?? 0) + 1, kind: "FREE", title: data.title }, select: { id: true } });
    await writeAudit(tx, { actorId: actor.userId, action: "meeting.addItem", entityType: "Meeting", entityId: m.id, parkId: s.scope.kind === "park" ? s.scope.id : null, after: { itemId: item.id, title: data.title } });
    return item;
  });
}

/** Removes an item without a decision from an agenda not yet held (a carried task stays open and comes back next month). */
export async function removeAgendaItem(actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(removeAgendaItemSchema, input);
  const db = getDb();
  const item = await db.meetingItem.findUnique({ where: { id: data.itemId }, select: { id: true, meetingId: true, kind: true, title: true, _count: { select: { decisions: true } } } });
  if (!item) throw notFound("议题");
  const { m, s } = await meetingToLead(db, actor, item.meetingId);
  if (m.status !== "PREPARED") throw new AppError("CONFLICT", "会议已召开，议程不能再增删");
  if (item._count.decisions > 0) throw new AppError("CONFLICT", "该议题已有议定事项，不能移出议程");
  await db.$transaction(async (tx) => {
    await tx.meetingItem.delete({ where: { id: item.id } });
    await writeAudit(tx, { actorId: actor.userId, action: "meeting.removeItem", entityType: "Meeting", entityId: m.id, parkId: s.scope.kind === "park" ? s.scope.id : null, before: { itemId: item.id, kind: item.kind, title: item.title } });
  });
}

/** 参会人员 and the meeting's date: marks the meeting held (again replaces the list). */
export async function recordAttendance(actor: Actor, input: unknown): Promise<void> {
  const data = parseOrThrow(recordAttendanceSchema, input);
  const db = getDb();
  const { m, s } = await meetingToLead(db, actor, data.meetingId);
  const ids = [...new Set(data.userIds)];
  const members = await scopeUserIds(db, s, ids);
  if (ids.some((id) => !members.has(id))) throw refused("userIds", `参会人员须为${s.name}的在岗用户；其他单位的人员请填写在“其他参会人员”中`);
  if (ids.length + data.external.length === 0) throw refused("userIds", "请至少填写一名参会人员");
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, unit: true } });
  await db.$transaction(async (tx) => {
    const before = await tx.meetingAttendee.findMany({ where: { meetingId: m.id }, select: { name: true, unit: true }, orderBy: { id: "asc" } });
    await tx.meetingAttendee.deleteMany({ where: { meetingId: m.id } });
    await tx.meetingAttendee.createMany({
      data: [...users.map((u) => ({ meetingId: m.id, userId: u.id, name: u.name, unit: u.unit })), ...data.external.map((x) => ({ meetingId: m.id, name: x.name, unit: x.unit }))],
    });
    await tx.meeting.update({
      where: { id: m.id },
      data: { status: "HELD", heldAt: new Date(), meetingDate: isoToDate(data.meetingDate!), location: data.location, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "meeting.recordAttendance",
      entityType: "Meeting",
      entityId: m.id,
      parkId: s.scope.kind === "park" ? s.scope.id : null,
      before: { status: m.status, meetingDate: m.meetingDate ? dateToIso(m.meetingDate) : null, attendees: before },
      after: { status: "HELD", meetingDate: data.meetingDate, location: data.location, attendees: [...users.map((u) => ({ name: u.name, unit: u.unit })), ...data.external] },
    });
  });
}

/**
 * 议定事项 on one agenda item, with follow-up tasks: each an owner of the scope and a deadline
 * `workdays` working days after today (holiday calendar), belonging to the item's project or
 * problem (a carried task's). One decision per item.
 */
export async function recordDecision(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ id: number; deadlines: string[] }> {
  const data = parseOrThrow(recordDecisionSchema, input);
  const db = getDb();
  const item = await db.meetingItem.findUnique({
    where: { id: data.itemId },
    select: { id: true, meetingId: true, projectId: true, issueId: true, project: { select: { parkId: true } }, issue: { select: { parkId: true } }, task: { select: { parkId: true } } },
  });
  if (!item) throw notFound("议题");
  const { m, s } = await meetingToLead(db, actor, item.meetingId);

  const owners = [...new Set(data.tasks.map((t) => t.ownerId!))];
  const members = await scopeUserIds(db, s, owners);
  data.tasks.forEach((t, i) => {
    if (!members.has(t.ownerId!)) throw refused(`tasks.${i}.ownerId`, `第 ${i + 1} 项跟踪事项的责任人须为${s.name}的在岗用户`);
  });
  const cal = await loadCalendar(db, today, `${Number(today.slice(0, 4)) + 1}-12-31`);
  const deadlines = data.tasks.map((t, i) => computeDeadlines(() => addWorkingDays(today, t.workdays, cal), `tasks.${i}.workdays`));
  const parkId = item.project?.parkId ?? item.issue?.parkId ?? item.task?.parkId ?? m.parkId;

  return db.$transaction(async (tx: Tx) => {
    await tx.$executeRaw`SELECT id FROM "MeetingItem" WHERE id = ${item.id} FOR UPDATE`;
    if ((await tx.meetingDecision.count({ where: { itemId: item.id } })) > 0) throw new AppError("CONFLICT", "该议题已有议定事项");
    const decision = await tx.meetingDecision.create({
      data: {
        meetingId: m.id,
        itemId: item.id,
        projectId: item.projectId,
        issueId: item.issueId,
        text: data.text,
        decidedById: actor.userId,
        tasks: {
          create: data.tasks.map((t, i) => ({
            meetingId: m.id,
            parkId,
            projectId: item.projectId,
            issueId: item.issueId,
            title: t.title,
            ownerId: t.ownerId!,
            workdays: t.workdays,
            deadline: isoToDate(deadlines[i]),
            createdById: actor.userId,
          })),
        },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "meeting.decide",
      entityType: "Meeting",
      entityId: m.id,
      parkId: s.scope.kind === "park" ? s.scope.id : parkId,
      after: { itemId: item.id, decisionId: decision.id, text: data.text, tasks: data.tasks.map((t, i) => ({ title: t.title, ownerId: t.ownerId, workdays: t.workdays, deadline: deadlines[i] })) },
    });
    return { id: decision.id, deadlines };
  });
}
