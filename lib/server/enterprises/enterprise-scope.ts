import "server-only";
// Which enterprises an actor may see, as SQL for lists and pickers and as one check for a
// single record, like visibleProjectsSql / visibleIssuesSql:
// - every enterprise of the parks where a role other than LIAISON holds the permission;
// - in parks where the actor is only a LIAISON, the enterprises they cover: an active
//   包保责任人 assignment on the enterprise itself or on one of its projects.

import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, type Permission, can } from "@/lib/domain/permissions";
import { issueReadScope, onlyAssignedIn } from "@/lib/server/issues/issue-scope";

/** An active 包保责任人 assignment of `userId` on enterprise `e` (alias) or one of its projects. */
function coversEnterpriseSql(e: Prisma.Sql, userId: number): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" ca LEFT JOIN "Project" cp ON cp.id = ca."projectId"
    WHERE ca."userId" = ${userId} AND ca.role = 'LIAISON' AND ca."endDate" IS NULL
      AND (ca."enterpriseId" = ${e}.id OR cp."enterpriseId" = ${e}.id))`;
}

/** The enterprises the actor may see with `permission`; `alias` is the Enterprise table's alias in the query. */
export function visibleEnterprisesSql(actor: Actor, alias: string, permission: Permission = "project.read"): Prisma.Sql {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor, permission);
  const e = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const full = Prisma.sql`${e}."parkId" = ANY(${fullParks}::int[])`;
  const assigned = Prisma.sql`(${e}."parkId" = ANY(${assignedOnlyParks}::int[]) AND ${coversEnterpriseSql(e, actor.userId)})`;
  if (assignedOnlyParks.length === 0) return full;
  if (fullParks.length === 0) return assigned;
  return Prisma.sql`(${full} OR ${assigned})`;
}

/** Whether the actor may see this one enterprise with `permission` (one query at most). */
export async function seesEnterprise(db: Db, actor: Actor, enterprise: { id: number; parkId: number }, permission: Permission = "project.read"): Promise<boolean> {
  if (!can(actor, permission, enterprise.parkId)) return false;
  if (!onlyAssignedIn(actor, enterprise.parkId)) return true;
  const covering = await db.assignment.count({
    where: { userId: actor.userId, role: "LIAISON", endDate: null, OR: [{ enterpriseId: enterprise.id }, { project: { enterpriseId: enterprise.id } }] },
  });
  return covering > 0;
}
