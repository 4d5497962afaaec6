import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { OPEN_SUPERVISION_STATUSES, supervisionCode } from "@/lib/domain/supervision";
import { addWorkingDays } from "@/lib/domain/working-days";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { computeDeadlines, loadCalendar } from "@/lib/server/calendar/load-calendar";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { assertParkUser } from "@/lib/server/issues/issue-writes";
import { visibleIssuesWhere } from "@/lib/server/issues/issue-scope";
import { notify } from "@/lib/server/notifications/notify";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { issueSupervisionSchema } from "@/lib/validation/supervision";

/** Namespace of the advisory lock that serialises numbering within a year ("DB"). */
const CODE_LOCK_CLASS = 0x4442;

export const supervisionLink = (id: number) => `/supervision/${id}`;

const refused = (field: string, message: string) => new AppError("VALIDATION", message, { [field]: [message] });

/**
 * Issues a 督办函 on a project whose light is red (the red list) or on an open problem past
 * its 办结时限, to a responsible person of the park, with a deadline `workdays` working days
 * from today (holiday calendar). A project or problem has at most one open letter.
 *
 * Needs "supervision.issue" in the park (PARK_LEADER; REGION_LEADER for the region's parks;
 * ADMIN). One transaction: the letter, its ISSUED event, the recipient's notification and the
 * audit row.
 */
export async function issueSupervision(actor: Actor, input: unknown, today = todayInShanghai()): Promise<{ id: number; code: string; deadline: string }> {
  const data = parseOrThrow(issueSupervisionSchema, input);
  const db = getDb();

  let parkId: number;
  let projectId: number | null = null;
  let issueId: number | null = null;
  let what: string;
  if (data.projectId) {
    const project = await db.project.findFirst({
      where: { AND: [{ id: data.projectId }, visibleProjectsWhere(actor)] },
      select: { id: true, parkId: true, name: true, status: true },
    });
    if (!project) throw notFound("项目");
    assertCan(actor, "supervision.issue", project.parkId, "项目");
    const light = (await getLightsForProjects(actor, [project.id], today)).get(project.id);
    if (project.status !== "ACTIVE" || light?.overall !== "RED") throw refused("projectId", "只能对亮红灯的在建项目下发督办函（见亮灯督办红榜）");
    parkId = project.parkId;
    projectId = project.id;
    what = `项目「${project.name}」`;
  } else {
    const issue = await db.enterpriseIssue.findFirst({
      where: { AND: [{ id: data.issueId! }, visibleIssuesWhere(actor)] },
      select: { id: true, parkId: true, projectId: true, title: true, status: true, resolveDeadline: true },
    });
    if (!issue) throw notFound("问题");
    assertCan(actor, "supervision.issue", issue.parkId, "问题");
    if (issue.status === "CLOSED" || dateToIso(issue.resolveDeadline) >= today) throw refused("issueId", "只能对超过办结时限且未销号的问题下发督办函");
    parkId = issue.parkId;
    issueId = issue.id;
    projectId = issue.projectId;
    what = `问题「${issue.title}」`;
  }
  await assertParkUser(db, parkId, data.recipientUserId!, "recipientUserId", "责任人");

  const open = await db.supervision.findFirst({
    where: { status: { in: [...OPEN_SUPERVISION_STATUSES] }, ...(issueId ? { issueId } : { projectId, issueId: null }) },
    select: { code: true },
  });
  if (open) throw new AppError("CONFLICT", `该${issueId ? "问题" : "项目"}已有未销号的督办函 ${open.code}，请在原督办函上跟进`);

  const cal = await loadCalendar(db, today, `${Number(today.slice(0, 4)) + 1}-12-31`);
  const deadline = computeDeadlines(() => addWorkingDays(today, data.workdays, cal), "workdays");

  return db.$transaction(async (tx) => {
    const year = today.slice(0, 4);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CODE_LOCK_CLASS}::int, ${Number(year)}::int)`;
    const last = await tx.supervision.findFirst({ where: { code: { startsWith: `DB-${year}-` } }, orderBy: { code: "desc" }, select: { code: true } });
    const code = supervisionCode(year, last ? Number(last.code.slice(8)) + 1 : 1);
    const created = await tx.supervision.create({
      data: {
        code,
        parkId,
        projectId,
        issueId,
        subject: data.subject,
        requirement: data.requirement,
        recipientUserId: data.recipientUserId!,
        recipientUnit: data.recipientUnit,
        issuedById: actor.userId,
        issuedDate: isoToDate(today),
        workdays: data.workdays,
        deadline: isoToDate(deadline),
        events: { create: { type: "ISSUED", note: data.requirement, actorId: actor.userId } },
      },
      select: { id: true },
    });
    await notify(tx, actor.userId, [
      {
        userIds: [data.recipientUserId],
        kind: "SUPERVISION_ISSUED",
        title: `督办函 ${code}：${data.subject}`,
        body: `${actor.name}就${what}向您下发督办函，请于 ${deadline} 前完成整改并回复`,
        link: supervisionLink(created.id),
        supervisionId: created.id,
      },
    ]);
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "supervision.issue",
      entityType: "Supervision",
      entityId: created.id,
      parkId,
      after: { code, projectId, issueId, subject: data.subject, requirement: data.requirement, recipientUserId: data.recipientUserId, recipientUnit: data.recipientUnit, workdays: data.workdays, deadline },
    });
    return { id: created.id, code, deadline };
  });
}
