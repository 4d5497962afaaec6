import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import type { IssueCategory, IssueStatus, Satisfaction } from "@/lib/domain/issues";
import { type Actor } from "@/lib/domain/permissions";
import type { IssueFilters } from "@/lib/validation/issues";
import { assertIssueScope, issueWhereSql, overdueSql } from "./issue-filter-sql";

export interface IssueListItem {
  id: number;
  code: string;
  version: number;
  title: string;
  category: IssueCategory;
  status: IssueStatus;
  level: number;
  parkId: number;
  parkName: string;
  enterpriseId: number;
  enterpriseName: string;
  projectId: number | null;
  projectName: string | null;
  raisedDate: string;
  answerDeadline: string | null;
  resolveDeadline: string;
  closedDate: string | null;
  satisfaction: Satisfaction | null;
  responsibleUnit: string | null;
  responsibleUserId: number | null;
  responsibleName: string | null;
  /** The active 包保责任人 of the project (else of the enterprise). */
  liaisonName: string | null;
  reopenCount: number;
  overdue: boolean;
  /** Calendar days past the resolve deadline (0 unless overdue). */
  overdueDays: number;
  /** An extension request awaits a decision. */
  extensionPending: boolean;
}

type Row = Omit<IssueListItem, "raisedDate" | "answerDeadline" | "resolveDeadline" | "closedDate"> & {
  raisedDate: Date;
  answerDeadline: Date | null;
  resolveDeadline: Date;
  closedDate: Date | null;
};

/**
 * One page of the problems the actor may read, filtered, counted and ordered in SQL:
 * overdue first (longest overdue first, as their deadlines are oldest), then open ones by
 * deadline, then closed ones. Two queries (the page and the count), run together.
 */
export async function listIssues(actor: Actor, filters: IssueFilters, today = todayInShanghai()) {
  assertIssueScope(actor, filters);
  const db = getDb();
  const where = issueWhereSql(actor, filters, today);
  const overdue = overdueSql(today);
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT i.id, i.code, i.version, i.title, i.category::text AS category, i.status::text AS status, i.level,
             i."parkId", pk.name AS "parkName", i."enterpriseId", e.name AS "enterpriseName", i."projectId", pr.name AS "projectName",
             i."raisedDate", i."answerDeadline", i."resolveDeadline", i."closedDate", i.satisfaction::text AS satisfaction,
             i."responsibleUnit", i."responsibleUserId", ru.name AS "responsibleName", i."reopenCount",
             (SELECT u.name FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
               WHERE a.role = 'LIAISON' AND a."endDate" IS NULL AND (a."projectId" = i."projectId" OR a."enterpriseId" = i."enterpriseId")
               ORDER BY (a."projectId" IS NULL), a."startDate" DESC, a.id DESC LIMIT 1) AS "liaisonName",
             ${overdue} AS overdue,
             CASE WHEN ${overdue} THEN (CAST(${today} AS date) - i."resolveDeadline") ELSE 0 END AS "overdueDays",
             EXISTS (SELECT 1 FROM "IssueExtension" x WHERE x."issueId" = i.id AND x.status = 'PENDING') AS "extensionPending"
      FROM "EnterpriseIssue" i
      JOIN "Park" pk ON pk.id = i."parkId"
      JOIN "Enterprise" e ON e.id = i."enterpriseId"
      LEFT JOIN "Project" pr ON pr.id = i."projectId"
      LEFT JOIN "User" ru ON ru.id = i."responsibleUserId"
      WHERE ${where}
      ORDER BY CASE WHEN ${overdue} THEN 0 WHEN i.status <> 'CLOSED' THEN 1 ELSE 2 END, i."resolveDeadline" ASC, i.id ASC
      LIMIT ${filters.pageSize}::int OFFSET ${(filters.page - 1) * filters.pageSize}::int`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "EnterpriseIssue" i WHERE ${where}`),
  ]);
  const items: IssueListItem[] = rows.map((r) => ({
    ...r,
    raisedDate: dateToIso(r.raisedDate),
    answerDeadline: r.answerDeadline ? dateToIso(r.answerDeadline) : null,
    resolveDeadline: dateToIso(r.resolveDeadline),
    closedDate: r.closedDate ? dateToIso(r.closedDate) : null,
  }));
  return { items, total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) };
}
