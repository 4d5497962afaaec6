import "server-only";
// Shared by the liaison's page and the weekly list: whose page the actor may read and
// in which parks, and the SQL of "enterprises due a visit" and "problems of their
// assignments". The visit rule is lib/domain/coverage.ts visitDue, written in SQL so lists
// are filtered, ordered and counted by PostgreSQL.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { readsOnlyAssigned, rolesHave, type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";

export interface LiaisonPerson {
  id: number;
  name: string;
  phone: string | null;
  unit: string | null;
  title: string | null;
}

export interface LiaisonScope {
  liaison: LiaisonPerson;
  /** Parks the page covers: the liaison's assignments elsewhere are left out. */
  parkIds: number[];
  self: boolean;
}

/**
 * Whose page, in which parks.
 * - Oneself: every park where one holds a role.
 * - Someone else: the parks where the actor reads everything (park leaders, park staff,
 *   region leaders, admins; not a liaison), and only if that person works there (a role
 *   in one of those parks, or an assignment there). Otherwise NOT_FOUND, like an id that
 *   does not exist: a liaison never sees another liaison's page.
 * `parkId` narrows to one park (NOT_FOUND if outside the above).
 */
export async function resolveLiaisonScope(actor: Actor, userId?: number, parkId?: number): Promise<LiaisonScope> {
  const targetId = userId ?? actor.userId;
  const self = targetId === actor.userId;
  let parkIds: number[] = [];
  for (const [id, roles] of actor.parkRoles) {
    if (!rolesHave(roles, "park.read")) continue;
    if (self || !readsOnlyAssigned(roles)) parkIds.push(id);
  }
  if (parkId !== undefined) {
    if (!actor.parkRoles.has(parkId)) throw notFound("园区");
    parkIds = parkIds.filter((id) => id === parkId);
  }
  parkIds.sort((a, b) => a - b);
  if (!Number.isSafeInteger(targetId) || targetId < 1 || targetId > 2_147_483_647) throw notFound("包保责任人");
  if (!self && parkIds.length === 0) throw notFound("包保责任人");

  const select = { id: true, name: true, phone: true, unit: true, title: true } as const;
  const liaison = self
    ? await getDb().user.findUnique({ where: { id: targetId }, select })
    : await getDb().user.findFirst({
        where: {
          id: targetId,
          OR: [{ memberships: { some: { parkId: { in: parkIds } } } }, { assignments: { some: { parkId: { in: parkIds } } } }],
        },
        select,
      });
  if (!liaison) throw notFound("包保责任人");
  return { liaison, parkIds, self };
}

/**
 * CTE `sched`: the enterprises the liaison covers (an active LIAISON assignment to the
 * enterprise or to one of its projects) with when each is due a visit. Left out:
 * coverage through a terminated project, and enterprises whose projects are all
 * terminated (nobody visits a company that left). Columns: enterpriseId, enterpriseName,
 * parkId, parkName, intervalDays, since (earliest start of the active assignments),
 * direct (an enterprise-level assignment exists), assignmentId/department (of that one),
 * lastVisit (any visit by anyone, up to today), dueDate, daysSince, daysLeft.
 */
export function scheduleCte(userId: number, parkIds: number[], today: string): Prisma.Sql {
  return Prisma.sql`WITH cov AS (
      SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", e."parkId",
             min(a."startDate") AS since,
             bool_or(a."enterpriseId" IS NOT NULL) AS direct,
             max(a.id) FILTER (WHERE a."enterpriseId" IS NOT NULL) AS "assignmentId",
             max(a.department) FILTER (WHERE a."enterpriseId" IS NOT NULL) AS department
      FROM "Assignment" a
      LEFT JOIN "Project" p ON p.id = a."projectId"
      JOIN "Enterprise" e ON e.id = COALESCE(a."enterpriseId", p."enterpriseId")
      WHERE a."userId" = ${userId} AND a.role = 'LIAISON' AND a."endDate" IS NULL AND a."parkId" = ANY(${parkIds}::int[])
        AND (p.id IS NULL OR p.status <> 'TERMINATED')
      GROUP BY e.id, e.name, e."parkId"
    ), live AS (
      SELECT cov.*, pk.name AS "parkName", pk."visitIntervalDays" AS "intervalDays",
             (SELECT max(v."visitDate") FROM "Visit" v WHERE v."enterpriseId" = cov."enterpriseId" AND v."visitDate" <= CAST(${today} AS date)) AS "lastVisit"
      FROM cov JOIN "Park" pk ON pk.id = cov."parkId"
      WHERE EXISTS (SELECT 1 FROM "Project" x WHERE x."enterpriseId" = cov."enterpriseId" AND x.status <> 'TERMINATED')
         OR NOT EXISTS (SELECT 1 FROM "Project" x WHERE x."enterpriseId" = cov."enterpriseId")
    ), sched AS (
      SELECT live.*, COALESCE("lastVisit", since) + "intervalDays" AS "dueDate"
      FROM live
    )`;
}

/** Columns of `sched` as the page shows them (dates as YYYY-MM-DD). */
export const SCHEDULE_COLUMNS = Prisma.sql`"enterpriseId", "enterpriseName", "parkId", "parkName", "intervalDays", direct,
  "assignmentId", department,
  to_char(since, 'YYYY-MM-DD') AS since, to_char("lastVisit", 'YYYY-MM-DD') AS "lastVisit",
  to_char("dueDate", 'YYYY-MM-DD') AS "dueDate"`;

/** Problems of the liaison's assignments: on an enterprise or project they cover, or for which they are responsible. Alias `i`. */
export function issuesOfLiaisonSql(userId: number, parkIds: number[]): Prisma.Sql {
  return Prisma.sql`i."parkId" = ANY(${parkIds}::int[]) AND i.status <> 'CLOSED' AND (
      i."responsibleUserId" = ${userId}
      OR EXISTS (SELECT 1 FROM "Assignment" a WHERE a."userId" = ${userId} AND a.role = 'LIAISON' AND a."endDate" IS NULL
        AND (a."enterpriseId" = i."enterpriseId" OR a."projectId" = i."projectId"
             OR (i."projectId" IS NULL AND a."projectId" IN (SELECT x.id FROM "Project" x WHERE x."enterpriseId" = i."enterpriseId")))))`;
}

export interface VisitDueItem {
  enterpriseId: number;
  enterpriseName: string;
  parkId: number;
  parkName: string;
  /** The park's visitIntervalDays. */
  intervalDays: number;
  /** Start of the earliest active assignment covering it. */
  since: string;
  /** Covered by an enterprise-level assignment (else only through projects). */
  direct: boolean;
  assignmentId: number | null;
  department: string | null;
  /** Last visit by anyone; null = never. */
  lastVisit: string | null;
  daysSince: number | null;
  dueDate: string;
  /** Days until dueDate; negative = days overdue. */
  daysLeft: number;
  due: boolean;
  overdue: boolean;
}

export interface LiaisonIssueItem {
  id: number;
  code: string;
  title: string;
  category: string;
  status: string;
  level: number;
  enterpriseId: number;
  enterpriseName: string;
  projectId: number | null;
  projectName: string | null;
  parkId: number;
  answerDeadline: string | null;
  resolveDeadline: string;
  /** Days until resolveDeadline; negative = days overdue. */
  daysLeft: number;
  /** resolveDeadline before today and not closed. */
  overdue: boolean;
}

/** Problems query: `extra` narrows (e.g. a deadline window); overdue first, then by deadline. */
export function issuesQuery(userId: number, parkIds: number[], today: string, extra: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT i.id, i.code, i.title, i.category::text AS category, i.status::text AS status, i.level,
           i."enterpriseId", e.name AS "enterpriseName", i."projectId", p.name AS "projectName", i."parkId",
           to_char(i."answerDeadline", 'YYYY-MM-DD') AS "answerDeadline", to_char(i."resolveDeadline", 'YYYY-MM-DD') AS "resolveDeadline",
           (i."resolveDeadline" - CAST(${today} AS date))::int AS "daysLeft",
           (i."resolveDeadline" < CAST(${today} AS date)) AS overdue
    FROM "EnterpriseIssue" i
    JOIN "Enterprise" e ON e.id = i."enterpriseId"
    LEFT JOIN "Project" p ON p.id = i."projectId"
    WHERE ${issuesOfLiaisonSql(userId, parkIds)} ${extra}
    ORDER BY i."resolveDeadline" ASC, i.id ASC
    LIMIT ${limit}`;
}

/** Visits-due query over `sched`: `where` narrows; the most overdue first. */
export function visitsQuery(userId: number, parkIds: number[], today: string, where: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`${scheduleCte(userId, parkIds, today)}
    SELECT ${SCHEDULE_COLUMNS},
           (CAST(${today} AS date) - "lastVisit")::int AS "daysSince",
           ("dueDate" - CAST(${today} AS date))::int AS "daysLeft",
           ("dueDate" <= CAST(${today} AS date)) AS due,
           ("dueDate" < CAST(${today} AS date)) AS overdue
    FROM sched
    WHERE ${where}
    ORDER BY "dueDate" ASC, "enterpriseName" ASC, "enterpriseId" ASC
    LIMIT ${limit}`;
}
