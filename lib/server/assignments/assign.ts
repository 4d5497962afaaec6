import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { ASSIGNMENT_ROLE_LABEL, ASSIGNMENT_TARGET_LABEL, assignmentStartProblem, endDateForReassign } from "@/lib/domain/coverage";
import { assignSchema } from "@/lib/validation/assignments";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow, validationError } from "@/lib/server/errors";
import { eligibleUserWhere, ineligibleMessage } from "./eligibility";

export interface AssignResult {
  /** The new active assignment. */
  assignmentId: number;
  /** The rows ended by this change (their endDate is the new start date); empty for a first assignment. */
  endedAssignmentIds: number[];
  /** "assign" for a first assignment, "reassign" when someone else (or another 责任单位) held it. */
  kind: "assign" | "reassign";
}

/**
 * Assigns the 包保责任人 (LIAISON) or 包保领导 (LEADER) of one project or enterprise from a
 * start date; "assignment.manage" in the target's park (park staff, park leaders, admins).
 *
 * Reassigning keeps history: the active row gets endDate = the new start date (periods
 * are [start, end), see endDateForReassign) and a new row starts; nothing is deleted.
 * Project and enterprise assignments are independent rows: assigning an enterprise does
 * not touch its projects (bulkReassign moves a person's whole load).
 *
 * One transaction: the target row is locked so two people assigning the same target take
 * turns (never two active holders), then the end of the current row, the new row and one
 * audit row (entity = the project or enterprise, before/after = the holders).
 */
export async function assign(actor: Actor, input: unknown): Promise<AssignResult> {
  const parsed = parseOrThrow(assignSchema, input);
  const data = parsed;
  const db = getDb();
  const targetLabel = ASSIGNMENT_TARGET_LABEL[data.targetType];
  const isProject = data.targetType === "PROJECT";

  const target = isProject
    ? await db.project.findUnique({ where: { id: data.targetId }, select: { id: true, parkId: true, name: true } })
    : await db.enterprise.findUnique({ where: { id: data.targetId }, select: { id: true, parkId: true, name: true } });
  if (!target) throw notFound(targetLabel);
  assertCan(actor, "assignment.manage", target.parkId, targetLabel);

  const user = await db.user.findFirst({
    where: { id: data.userId, ...eligibleUserWhere(target.parkId, data.role) },
    select: { id: true, name: true },
  });
  if (!user) throw validationError({ userId: [ineligibleMessage(data.role)] });

  const today = todayInShanghai();
  return db.$transaction((tx) => writeAssignment(tx, actor, { targetType: data.targetType, target, role: data.role, user, startDate: data.startDate, department: data.department, note: data.note, currentAssignmentId: data.currentAssignmentId }, today));
}

export interface AssignmentWrite {
  targetType: "PROJECT" | "ENTERPRISE";
  target: { id: number; parkId: number };
  role: "LIAISON" | "LEADER";
  /** An eligible person of the target's park (eligibleUserWhere), checked by the caller. */
  user: { id: number; name: string };
  startDate: string;
  department: string | null;
  note: string | null;
  /** The holder the caller saw; a different one is a CONFLICT. Left out: whoever holds it now. */
  currentAssignmentId?: number | null;
}

/**
 * The write of an assignment inside `tx` (the caller checked "assignment.manage" in the
 * target's park and the person's eligibility): the target row locked, the current holder's
 * row ended on the new start date, the new row and one audit row. Shared by `assign` and the
 * ledger import, which changes a project's 包保 inside its own transaction.
 */
export async function writeAssignment(tx: Prisma.TransactionClient, actor: Actor, w: AssignmentWrite, today: string): Promise<AssignResult> {
  const data = w;
  const { target, user } = w;
  const isProject = w.targetType === "PROJECT";
  const targetLabel = ASSIGNMENT_TARGET_LABEL[w.targetType];
  const roleLabel = ASSIGNMENT_ROLE_LABEL[w.role];
  const targetWhere = isProject ? { projectId: target.id } : { enterpriseId: target.id };

  // Assignments of one target take turns until commit (FOR NO KEY UPDATE does not block
  // visits or problems being logged against the target meanwhile).
  if (isProject) await tx.$queryRaw`SELECT 1 FROM "Project" WHERE id = ${target.id} FOR NO KEY UPDATE`;
  else await tx.$queryRaw`SELECT 1 FROM "Enterprise" WHERE id = ${target.id} FOR NO KEY UPDATE`;

  // Normally one row; more only in data written before this rule existed: all end together.
  const current = await tx.assignment.findMany({
    where: { ...targetWhere, role: data.role, endDate: null },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
    select: { id: true, userId: true, startDate: true, department: true, note: true, user: { select: { name: true } } },
  });
  const holder = current[0] ?? null;

  if (data.currentAssignmentId !== undefined && (holder?.id ?? null) !== data.currentAssignmentId) {
    throw new AppError(
      "CONFLICT",
      holder
        ? `该${targetLabel}的${roleLabel}已被他人变更为 ${holder.user.name}（自 ${dateToIso(holder.startDate)} 起），请刷新后重试`
        : `该${targetLabel}的${roleLabel}已被他人变更，请刷新后重试`,
    );
  }

  const latestStart = current.reduce<string | null>((max, r) => (max === null || dateToIso(r.startDate) > max ? dateToIso(r.startDate) : max), null);
  const problem = assignmentStartProblem(data.startDate, today, latestStart, roleLabel);
  if (problem) throw validationError({ startDate: [problem] });
  if (current.length === 1 && holder!.userId === user.id && holder!.department === data.department) {
    throw validationError({ userId: [`${user.name}已是该${targetLabel}的${roleLabel}`] });
  }

  const endedAssignmentIds = current.map((r) => r.id);
  if (current.length > 0) {
    const endDate = isoToDate(endDateForReassign(latestStart!, data.startDate));
    const { count } = await tx.assignment.updateMany({ where: { id: { in: endedAssignmentIds }, endDate: null }, data: { endDate } });
    // Ended meanwhile (a bulk handover does not lock the target): report instead of leaving two holders.
    if (count !== current.length) throw new AppError("CONFLICT", `该${targetLabel}的${roleLabel}已被他人变更，请刷新后重试`);
  }
  const created = await tx.assignment.create({
    data: {
      parkId: target.parkId,
      role: data.role,
      userId: user.id,
      ...targetWhere,
      department: data.department,
      startDate: isoToDate(data.startDate),
      note: data.note,
      createdById: actor.userId,
    },
    select: { id: true },
  });

  const kind: AssignResult["kind"] = current.length > 0 ? "reassign" : "assign";
  await writeAudit(tx, {
    actorId: actor.userId,
    action: `assignment.${kind}`,
    entityType: isProject ? "Project" : "Enterprise",
    entityId: target.id,
    parkId: target.parkId,
    before: holder
      ? {
          role: data.role,
          assignments: current.map((r) => ({ id: r.id, userId: r.userId, userName: r.user.name, startDate: dateToIso(r.startDate), department: r.department })),
        }
      : null,
    after: {
      role: data.role,
      assignmentId: created.id,
      userId: user.id,
      userName: user.name,
      startDate: data.startDate,
      department: data.department,
      note: data.note,
      ...(current.length > 0 ? { endedAssignmentIds, endDate: data.startDate } : {}),
    },
  });
  return { assignmentId: created.id, endedAssignmentIds, kind };
}
