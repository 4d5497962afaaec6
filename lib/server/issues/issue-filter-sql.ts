import "server-only";
// The WHERE clause of every problems list and figure: the actor's scope plus the URL
// filters. Lists and figures share it, so each figure's drill-down list (the same filters
// plus one more) shows exactly the problems the figure counted.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { assertCan } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import type { IssueFilters } from "@/lib/validation/issues";
import { coversSql, issueReadScope, visibleIssuesSql } from "./issue-scope";

/** The filters without paging: what a figure is computed over. */
export type IssueFilterSet = Partial<Omit<IssueFilters, "page" | "pageSize">>;

/** NOT_FOUND for a park filter outside the actor's scope, or an actor who reads no park's problems. */
export function assertIssueScope(actor: Actor, f: IssueFilterSet): void {
  if (f.park) assertCan(actor, "issue.read", f.park, "园区");
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("园区");
}

/** SQL for "open and past its resolve deadline" on alias i. */
export function overdueSql(today: string): Prisma.Sql {
  return Prisma.sql`(i.status <> 'CLOSED' AND i."resolveDeadline" < CAST(${today} AS date))`;
}

/**
 * The actor's queue (我的待办): open problems they answer for, cover as 包保责任人, cover as
 * 包保领导 once at level 2 or with an extension awaiting decision, or (as a park leader)
 * at level 3, or at level 2 without a 包保领导, or with an extension awaiting decision
 * and no 包保领导.
 */
function mineSql(actor: Actor): Prisma.Sql {
  const i = Prisma.raw("i");
  const leaderParks = [...actor.parkRoles].filter(([, roles]) => roles.includes("PARK_LEADER")).map(([id]) => id);
  const pending = Prisma.sql`EXISTS (SELECT 1 FROM "IssueExtension" px WHERE px."issueId" = i.id AND px.status = 'PENDING')`;
  const noLeader = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Assignment" la WHERE la.role = 'LEADER' AND la."endDate" IS NULL
    AND (la."projectId" = i."projectId" OR la."enterpriseId" = i."enterpriseId"))`;
  return Prisma.sql`(i.status <> 'CLOSED' AND (i."responsibleUserId" = ${actor.userId}
    OR ${coversSql(i, actor.userId, "LIAISON")}
    OR ((i.level >= 2 OR ${pending}) AND ${coversSql(i, actor.userId, "LEADER")})
    OR (i."parkId" = ANY(${leaderParks}::int[]) AND (i.level = 3 OR ((i.level = 2 OR ${pending}) AND ${noLeader})))))`;
}

/** Scope and filters on the EnterpriseIssue alias `i`. */
export function issueWhereSql(actor: Actor, f: IssueFilterSet, today: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleIssuesSql(actor, "i")];
  if (f.park) parts.push(Prisma.sql`i."parkId" = ${f.park}::int`);
  if (f.category) parts.push(Prisma.sql`i.category = CAST(${f.category} AS "IssueCategory")`);
  if (f.level) parts.push(Prisma.sql`i.level = ${f.level}::int`);
  if (f.status) parts.push(Prisma.sql`i.status = CAST(${f.status} AS "IssueStatus")`);
  if (f.liaison) parts.push(coversSql(Prisma.raw("i"), f.liaison, "LIAISON"));
  if (f.responsible) parts.push(Prisma.sql`i."responsibleUserId" = ${f.responsible}::int`);
  if (f.enterprise) parts.push(Prisma.sql`i."enterpriseId" = ${f.enterprise}::int`);
  if (f.project) parts.push(Prisma.sql`i."projectId" = ${f.project}::int`);
  if (f.satisfaction) parts.push(Prisma.sql`i.satisfaction = CAST(${f.satisfaction} AS "Satisfaction")`);
  if (f.overdue) parts.push(overdueSql(today));
  if (f.open) parts.push(Prisma.sql`i.status <> 'CLOSED'`);
  if (f.mine) parts.push(mineSql(actor));
  if (f.raisedFrom) parts.push(Prisma.sql`i."raisedDate" >= CAST(${f.raisedFrom} AS date)`);
  if (f.raisedTo) parts.push(Prisma.sql`i."raisedDate" <= CAST(${f.raisedTo} AS date)`);
  if (f.closedFrom) parts.push(Prisma.sql`i.status = 'CLOSED' AND i."closedDate" >= CAST(${f.closedFrom} AS date)`);
  if (f.closedTo) parts.push(Prisma.sql`i.status = 'CLOSED' AND i."closedDate" <= CAST(${f.closedTo} AS date)`);
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`(i.title ILIKE ${p} OR i.code ILIKE ${p} OR i.description ILIKE ${p}
      OR EXISTS (SELECT 1 FROM "Enterprise" qe WHERE qe.id = i."enterpriseId" AND qe.name ILIKE ${p}))`);
  }
  return Prisma.join(parts, " AND ");
}
