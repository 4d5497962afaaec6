import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { type Actor } from "@/lib/domain/permissions";
import {
  type LiaisonIssueItem,
  type LiaisonPerson,
  type VisitDueItem,
  SCHEDULE_COLUMNS,
  issuesOfLiaisonSql,
  issuesQuery,
  resolveLiaisonScope,
  scheduleCte,
  visitsQuery,
} from "./liaison-queries";

export type { LiaisonIssueItem, LiaisonPerson, VisitDueItem } from "./liaison-queries";

export interface LiaisonProjectItem {
  assignmentId: number;
  /** YYYY-MM-DD the assignment started. */
  since: string;
  department: string | null;
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  status: ProjectStatus;
  stageDate: string;
  enterpriseId: number;
  enterpriseName: string;
  parkId: number;
  parkName: string;
}

/** A covered enterprise with its visit status (the same shape as a visit-due row). */
export type LiaisonEnterpriseItem = VisitDueItem;

export interface LiaisonCounts {
  /** Active 包保责任人 assignments to projects (terminated projects included). */
  projects: number;
  /** Enterprises covered and still live (the visit list's universe). */
  enterprises: number;
  /** Enterprises due a visit today or earlier; overdue = past the due date. */
  visitsDue: number;
  visitsOverdue: number;
  /** Visits they logged in the last 30 days (today included). */
  visitsLast30Days: number;
  openIssues: number;
  overdueIssues: number;
  /** Open follow-up tasks of 每月会商 they own; overdue = past the deadline. */
  openTasks: number;
  overdueTasks: number;
}

/** An open follow-up task of a 每月会商 the liaison owns. */
export interface LiaisonTaskItem {
  id: number;
  title: string;
  /** YYYY-MM-DD. */
  deadline: string;
  overdue: boolean;
  meetingId: number;
  meetingTitle: string;
  decisionText: string;
  projectId: number | null;
  projectName: string | null;
  issueId: number | null;
  issueTitle: string | null;
}

export interface LiaisonOverview {
  liaison: LiaisonPerson;
  self: boolean;
  today: string;
  parks: { id: number; name: string; visitIntervalDays: number }[];
  counts: LiaisonCounts;
  /** Live ones first, then by name; at most `limit`. */
  projects: LiaisonProjectItem[];
  /** Covered enterprises by name, each with its visit status; at most `limit`. */
  enterprises: LiaisonEnterpriseItem[];
  /** Enterprises due a visit (dueDate <= today), most overdue first; at most `limit`. */
  visitsDue: VisitDueItem[];
  /** Open problems, overdue first then by resolve deadline; at most `limit`. */
  issues: LiaisonIssueItem[];
  /** Open 会商 follow-up tasks they own, overdue first then by deadline; at most `limit`. */
  tasks: LiaisonTaskItem[];
  limit: number;
}

export interface LiaisonPageQuery {
  /** Whose page; default the actor. */
  userId?: number;
  /** Only one park. */
  parkId?: number;
  /** Rows per list, 1-500 (default 100). Counts always cover everything. */
  limit?: number;
}

/**
 * A liaison's own page (我的包保): the projects and enterprises assigned to them, the
 * enterprises due a visit (lib/domain/coverage visitDue: any visit counts; the park's
 * visitIntervalDays), the open problems of their assignments, and the counts.
 *
 * Whose page: oneself, or, for park leaders, park staff, region leaders and admins, a
 * person working in their parks (only those parks' part). See resolveLiaisonScope.
 * Every list is bounded and ordered in SQL; the counts are one aggregate query.
 */
export async function getLiaisonOverview(actor: Actor, query: LiaisonPageQuery = {}, today: string = todayInShanghai()): Promise<LiaisonOverview> {
  const { liaison, parkIds, self } = await resolveLiaisonScope(actor, query.userId, query.parkId);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 500);
  const db = getDb();
  const u = liaison.id;
  const mine = Prisma.sql`a."userId" = ${u} AND a.role = 'LIAISON' AND a."endDate" IS NULL AND a."parkId" = ANY(${parkIds}::int[])`;
  // Their own page shows every task they own; another reader sees the tasks of the parks they may read.
  const myTasks = self
    ? Prisma.sql`t."ownerId" = ${u} AND t.status = 'OPEN'`
    : Prisma.sql`t."ownerId" = ${u} AND t.status = 'OPEN' AND COALESCE(t."parkId", m."parkId") = ANY(${parkIds}::int[])`;

  const [parks, [counts], projects, enterprises, visitsDue, issues, tasks] = await Promise.all([
    db.park.findMany({
      where: { id: { in: parkIds }, assignments: { some: { userId: u, role: "LIAISON", endDate: null } } },
      select: { id: true, name: true, visitIntervalDays: true },
      orderBy: { name: "asc" },
    }),
    db.$queryRaw<LiaisonCounts[]>`${scheduleCte(u, parkIds, today)}
      SELECT
        (SELECT count(*)::int FROM "Assignment" a WHERE ${mine} AND a."projectId" IS NOT NULL) AS projects,
        (SELECT count(*)::int FROM sched) AS enterprises,
        (SELECT count(*)::int FROM sched WHERE "dueDate" <= CAST(${today} AS date)) AS "visitsDue",
        (SELECT count(*)::int FROM sched WHERE "dueDate" < CAST(${today} AS date)) AS "visitsOverdue",
        (SELECT count(*)::int FROM "Visit" v WHERE v."liaisonId" = ${u} AND v."parkId" = ANY(${parkIds}::int[])
           AND v."visitDate" > CAST(${today} AS date) - 30 AND v."visitDate" <= CAST(${today} AS date)) AS "visitsLast30Days",
        (SELECT count(*)::int FROM "EnterpriseIssue" i WHERE ${issuesOfLiaisonSql(u, parkIds)}) AS "openIssues",
        (SELECT count(*)::int FROM "EnterpriseIssue" i WHERE ${issuesOfLiaisonSql(u, parkIds)} AND i."resolveDeadline" < CAST(${today} AS date)) AS "overdueIssues",
        (SELECT count(*)::int FROM "MeetingTask" t JOIN "Meeting" m ON m.id = t."meetingId" WHERE ${myTasks}) AS "openTasks",
        (SELECT count(*)::int FROM "MeetingTask" t JOIN "Meeting" m ON m.id = t."meetingId" WHERE ${myTasks} AND t.deadline < CAST(${today} AS date)) AS "overdueTasks"`,
    db.$queryRaw<LiaisonProjectItem[]>`
      SELECT a.id AS "assignmentId", to_char(a."startDate", 'YYYY-MM-DD') AS since, a.department,
             p.id AS "projectId", p.code, p.name, p.stage::text AS stage, p.status::text AS status,
             to_char(p."stageDate", 'YYYY-MM-DD') AS "stageDate",
             e.id AS "enterpriseId", e.name AS "enterpriseName", pk.id AS "parkId", pk.name AS "parkName"
      FROM "Assignment" a
      JOIN "Project" p ON p.id = a."projectId"
      JOIN "Enterprise" e ON e.id = p."enterpriseId"
      JOIN "Park" pk ON pk.id = a."parkId"
      WHERE ${mine}
      ORDER BY (p.status = 'TERMINATED') ASC, p.name ASC, p.id ASC
      LIMIT ${limit}`,
    db.$queryRaw<LiaisonEnterpriseItem[]>`${scheduleCte(u, parkIds, today)}
      SELECT ${SCHEDULE_COLUMNS},
             (CAST(${today} AS date) - "lastVisit")::int AS "daysSince",
             ("dueDate" - CAST(${today} AS date))::int AS "daysLeft",
             ("dueDate" <= CAST(${today} AS date)) AS due,
             ("dueDate" < CAST(${today} AS date)) AS overdue
      FROM sched
      ORDER BY "enterpriseName" ASC, "enterpriseId" ASC
      LIMIT ${limit}`,
    db.$queryRaw<VisitDueItem[]>(visitsQuery(u, parkIds, today, Prisma.sql`"dueDate" <= CAST(${today} AS date)`, limit)),
    db.$queryRaw<LiaisonIssueItem[]>(issuesQuery(u, parkIds, today, Prisma.empty, limit)),
    db.$queryRaw<LiaisonTaskItem[]>`
      SELECT t.id, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, (t.deadline < CAST(${today} AS date)) AS overdue,
             m.id AS "meetingId", m.title AS "meetingTitle", d.text AS "decisionText",
             p.id AS "projectId", p.name AS "projectName", i.id AS "issueId", i.title AS "issueTitle"
      FROM "MeetingTask" t
      JOIN "Meeting" m ON m.id = t."meetingId"
      JOIN "MeetingDecision" d ON d.id = t."decisionId"
      LEFT JOIN "Project" p ON p.id = t."projectId"
      LEFT JOIN "EnterpriseIssue" i ON i.id = t."issueId"
      WHERE ${myTasks}
      ORDER BY t.deadline ASC, t.id ASC
      LIMIT ${limit}`,
  ]);

  return { liaison, self, today, parks, counts, projects, enterprises, visitsDue, issues, tasks, limit };
}
