import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, type IssueCategory } from "@/lib/domain/issues";
import { type Actor } from "@/lib/domain/permissions";
import { type IssueFilterSet, assertIssueScope, issueWhereSql, overdueSql } from "./issue-filter-sql";

export interface IssueFigures {
  /** Problems in the filter (the period is the raised date: raisedFrom/raisedTo). */
  total: number;
  open: number;
  /** Drill-down: status=CLOSED. */
  closed: number;
  /** Drill-down: overdue=1. */
  overdue: number;
  /** 办结率 = closed ÷ total (0..1, 4 decimals); null without problems. */
  resolutionRate: number | null;
  /** Calendar days from raised to closed over the closed ones (1 decimal); null without closed problems. */
  avgDaysToClose: number | null;
  /** 90th percentile of the same (continuous, as percentile_cont). */
  p90DaysToClose: number | null;
  /** Closed problems with the enterprise's rating (drill-down: status=CLOSED). */
  rated: number;
  /** Drill-down: status=CLOSED&satisfaction=SATISFIED. */
  satisfied: number;
  /** 满意率 = satisfied ÷ rated (0..1, 4 decimals); null without ratings. */
  satisfactionRate: number | null;
  /** Every category, in the fixed order (drill-down: category=…). */
  byCategory: { category: IssueCategory; label: string; total: number; closed: number; overdue: number }[];
  /** Open problems per coordination level (drill-down: open=1&level=…). */
  openByLevel: { level: number; open: number }[];
}

/**
 * The leaders' figures over the problems the actor may read, with the list's filters
 * (page ignored). Two SQL queries run together: one row of FILTERed counts with avg and
 * percentile_cont, and one GROUP BY of categories and levels (GROUPING SETS).
 */
export async function issueFigures(actor: Actor, filters: IssueFilterSet, today = todayInShanghai()): Promise<IssueFigures> {
  assertIssueScope(actor, filters);
  const db = getDb();
  const where = issueWhereSql(actor, filters, today);
  const overdue = overdueSql(today);
  const closed = Prisma.sql`i.status = 'CLOSED'`;
  const days = Prisma.sql`(i."closedDate" - i."raisedDate")`;
  const [[totals], groups] = await Promise.all([
    db.$queryRaw<Omit<IssueFigures, "byCategory" | "openByLevel">[]>(Prisma.sql`
      SELECT t.*,
             round(t.closed::numeric / NULLIF(t.total, 0), 4)::float8 AS "resolutionRate",
             round(t.satisfied::numeric / NULLIF(t.rated, 0), 4)::float8 AS "satisfactionRate"
      FROM (
        SELECT count(*)::int AS total,
               count(*) FILTER (WHERE NOT ${closed})::int AS open,
               count(*) FILTER (WHERE ${closed})::int AS closed,
               count(*) FILTER (WHERE ${overdue})::int AS overdue,
               count(*) FILTER (WHERE ${closed} AND i.satisfaction IS NOT NULL)::int AS rated,
               count(*) FILTER (WHERE ${closed} AND i.satisfaction = 'SATISFIED')::int AS satisfied,
               round(avg(${days}) FILTER (WHERE ${closed}), 1)::float8 AS "avgDaysToClose",
               round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) FILTER (WHERE ${closed}))::numeric, 1)::float8 AS "p90DaysToClose"
        FROM "EnterpriseIssue" i
        WHERE ${where}
      ) t`),
    db.$queryRaw<{ category: IssueCategory | null; level: number | null; total: number; closed: number; overdue: number; open: number }[]>(Prisma.sql`
      SELECT i.category::text AS category, i.level,
             count(*)::int AS total,
             count(*) FILTER (WHERE ${closed})::int AS closed,
             count(*) FILTER (WHERE ${overdue})::int AS overdue,
             count(*) FILTER (WHERE NOT ${closed})::int AS open
      FROM "EnterpriseIssue" i
      WHERE ${where}
      GROUP BY GROUPING SETS ((i.category), (i.level))`),
  ]);
  const byCategory = ISSUE_CATEGORIES.map((category) => {
    const g = groups.find((r) => r.category === category);
    return { category, label: ISSUE_CATEGORY_LABELS[category], total: g?.total ?? 0, closed: g?.closed ?? 0, overdue: g?.overdue ?? 0 };
  });
  const openByLevel = [1, 2, 3].map((level) => ({ level, open: groups.find((r) => r.category === null && r.level === level)?.open ?? 0 }));
  return { ...totals, byCategory, openByLevel };
}
