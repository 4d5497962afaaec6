import "server-only";
// Which problems (and visits) an actor may see, and who may lead a problem. The same
// rule in Prisma (single records) and in SQL (lists and figures), like
// visibleProjectsWhere / visibleProjectsSql in lib/server/actor.ts:
// - full read in the parks where a role other than LIAISON holds "issue.read";
// - in parks where the actor is only a LIAISON: problems of the projects and enterprises
//   with an active assignment to them (包保责任人, or 包保领导 so they can decide
//   extensions), and problems they answer for or logged.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Permission, readsOnlyAssigned, rolesHave, type Actor, can } from "@/lib/domain/permissions";

/** Parks read in full, and parks where only the actor's own problems are visible. */
export function issueReadScope(actor: Actor, permission: Permission = "issue.read"): { fullParks: number[]; assignedOnlyParks: number[] } {
  const fullParks: number[] = [];
  const assignedOnlyParks: number[] = [];
  for (const [parkId, roles] of actor.parkRoles) {
    if (!rolesHave(roles, permission)) continue;
    (readsOnlyAssigned(roles) ? assignedOnlyParks : fullParks).push(parkId);
  }
  return { fullParks: fullParks.sort((a, b) => a - b), assignedOnlyParks: assignedOnlyParks.sort((a, b) => a - b) };
}

/** True when the actor sees only their own problems and visits in this park. */
export function onlyAssignedIn(actor: Actor, parkId: number): boolean {
  return readsOnlyAssigned(actor.parkRoles.get(parkId) ?? []);
}

const activeAssignment = (userId: number): Prisma.AssignmentWhereInput => ({ userId, endDate: null });

/** Prisma filter: the problems the actor may read. */
export function visibleIssuesWhere(actor: Actor): Prisma.EnterpriseIssueWhereInput {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  const mine = activeAssignment(actor.userId);
  const assigned: Prisma.EnterpriseIssueWhereInput = {
    parkId: { in: assignedOnlyParks },
    OR: [
      { responsibleUserId: actor.userId },
      { reporterId: actor.userId },
      { project: { assignments: { some: mine } } },
      { enterprise: { assignments: { some: mine } } },
    ],
  };
  if (assignedOnlyParks.length === 0) return { parkId: { in: fullParks } };
  if (fullParks.length === 0) return assigned;
  return { OR: [{ parkId: { in: fullParks } }, assigned] };
}

/** An active assignment of `userId` covering the problem's project or enterprise (alias `t`). */
export function coversSql(t: Prisma.Sql, userId: number, role: "LIAISON" | "LEADER" | null): Prisma.Sql {
  const roleSql = role ? Prisma.sql`AND ca.role = CAST(${role} AS "AssignmentRole")` : Prisma.empty;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" ca WHERE ca."userId" = ${userId} AND ca."endDate" IS NULL ${roleSql}
    AND (ca."projectId" = ${t}."projectId" OR ca."enterpriseId" = ${t}."enterpriseId"))`;
}

/** The same filter as SQL; `alias` is the EnterpriseIssue table's alias in the query. */
export function visibleIssuesSql(actor: Actor, alias: string): Prisma.Sql {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const full = Prisma.sql`${t}."parkId" = ANY(${fullParks}::int[])`;
  const assigned = Prisma.sql`(${t}."parkId" = ANY(${assignedOnlyParks}::int[]) AND (${t}."responsibleUserId" = ${actor.userId}
    OR ${t}."reporterId" = ${actor.userId} OR ${coversSql(t, actor.userId, null)}))`;
  if (assignedOnlyParks.length === 0) return full;
  if (fullParks.length === 0) return assigned;
  return Prisma.sql`(${full} OR ${assigned})`;
}

/** Visits the actor may read: the park in full, or (LIAISON only) their own and those of enterprises/projects assigned to them. */
export function visibleVisitsSql(actor: Actor, alias: string): Prisma.Sql {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const full = Prisma.sql`${t}."parkId" = ANY(${fullParks}::int[])`;
  const assigned = Prisma.sql`(${t}."parkId" = ANY(${assignedOnlyParks}::int[]) AND (${t}."liaisonId" = ${actor.userId} OR ${coversSql(t, actor.userId, null)}))`;
  if (assignedOnlyParks.length === 0) return full;
  if (fullParks.length === 0) return assigned;
  return Prisma.sql`(${full} OR ${assigned})`;
}

/**
 * Whether the actor leads this problem: "issue.lead" in its park (park leaders,
 * administrators), or its 包保领导 (an active LEADER assignment) with "issue.write".
 */
export function leadsIssue(actor: Actor, issue: { parkId: number }, leaderUserIds: readonly number[]): boolean {
  if (can(actor, "issue.lead", issue.parkId)) return true;
  return leaderUserIds.includes(actor.userId) && can(actor, "issue.write", issue.parkId);
}
