import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { readsOnlyAssigned, rolesHave, type Actor } from "@/lib/domain/permissions";
import { dateToIso } from "@/lib/domain/dates";
import { ASSIGNMENT_TARGET_LABEL, type AssignmentRole, type AssignmentTarget } from "@/lib/domain/coverage";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { notFound } from "@/lib/server/errors";

export interface AssignmentHistoryRow {
  id: number;
  role: AssignmentRole;
  userId: number;
  userName: string;
  userPhone: string | null;
  department: string | null;
  /** YYYY-MM-DD; the period is [startDate, endDate). */
  startDate: string;
  endDate: string | null;
  active: boolean;
  note: string | null;
  createdByName: string | null;
  /** When it was recorded, ISO timestamp. */
  createdAt: string;
}

export interface AssignmentHistory {
  target: { type: AssignmentTarget; id: number; name: string; parkId: number };
  /** Active rows first, then newest start first; at most HISTORY_LIMIT rows. */
  rows: AssignmentHistoryRow[];
}

/** Active rows first (NULLS FIRST), then newest start first. */
export const ASSIGNMENT_HISTORY_ORDER: Prisma.AssignmentOrderByWithRelationInput[] = [{ endDate: { sort: "desc", nulls: "first" } }, { startDate: "desc" }, { id: "desc" }];

export const ASSIGNMENT_HISTORY_SELECT = {
  id: true,
  role: true,
  userId: true,
  department: true,
  startDate: true,
  endDate: true,
  note: true,
  createdAt: true,
  user: { select: { name: true, phone: true } },
  createdBy: { select: { name: true } },
} as const satisfies Prisma.AssignmentSelect;

/** An Assignment row read with ASSIGNMENT_HISTORY_SELECT, as the history lists show it. */
export function toAssignmentHistoryRow(r: Prisma.AssignmentGetPayload<{ select: typeof ASSIGNMENT_HISTORY_SELECT }>): AssignmentHistoryRow {
  return {
    id: r.id,
    role: r.role,
    userId: r.userId,
    userName: r.user.name,
    userPhone: r.user.phone,
    department: r.department,
    startDate: dateToIso(r.startDate),
    endDate: r.endDate ? dateToIso(r.endDate) : null,
    active: r.endDate === null,
    note: r.note,
    createdByName: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Far more than any real project or enterprise collects. */
export const HISTORY_LIMIT = 200;

/**
 * Who covered a project or an enterprise, and when: every assignment row of both roles,
 * ended ones included.
 *
 * Scope: a project as its page (visibleProjectsWhere: a liaison only their assigned
 * projects); an enterprise for anyone reading its park in full, or a liaison covering
 * it or one of its projects. Anything else is NOT_FOUND, like an id that does not exist.
 */
export async function listAssignmentHistory(actor: Actor, targetType: AssignmentTarget, targetId: number): Promise<AssignmentHistory> {
  const label = ASSIGNMENT_TARGET_LABEL[targetType] ?? "记录";
  if (!Number.isSafeInteger(targetId) || targetId < 1 || targetId > 2_147_483_647) throw notFound(label);
  const db = getDb();

  let target: { id: number; name: string; parkId: number } | null;
  if (targetType === "PROJECT") {
    target = await db.project.findFirst({ where: { AND: [{ id: targetId }, visibleProjectsWhere(actor)] }, select: { id: true, name: true, parkId: true } });
  } else if (targetType === "ENTERPRISE") {
    target = await db.enterprise.findUnique({ where: { id: targetId }, select: { id: true, name: true, parkId: true } });
    const roles = target ? (actor.parkRoles.get(target.parkId) ?? []) : [];
    if (!target || !rolesHave(roles, "park.read")) target = null;
    else if (readsOnlyAssigned(roles)) {
      const covers = await db.assignment.count({
        where: {
          userId: actor.userId,
          role: "LIAISON",
          endDate: null,
          OR: [{ enterpriseId: target.id }, { project: { enterpriseId: target.id } }],
        },
      });
      if (covers === 0) target = null;
    }
  } else target = null;
  if (!target) throw notFound(label);

  const rows = await db.assignment.findMany({
    where: targetType === "PROJECT" ? { projectId: target.id } : { enterpriseId: target.id },
    orderBy: ASSIGNMENT_HISTORY_ORDER,
    take: HISTORY_LIMIT,
    select: ASSIGNMENT_HISTORY_SELECT,
  });
  return {
    target: { type: targetType, ...target },
    rows: rows.map(toAssignmentHistoryRow),
  };
}
