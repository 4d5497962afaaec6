import "server-only";
import { getFiguresDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { ISSUE_CATEGORY_LABELS, type IssueCategory } from "@/lib/domain/issues";
import { type Actor } from "@/lib/domain/permissions";
import { overdueSql } from "@/lib/server/issues/issue-filter-sql";
import { visibleIssuesSql } from "@/lib/server/issues/issue-scope";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { scopeParkIds } from "./indicator-sql";

export const OVERDUE_LIST_LIMIT = 8;

export interface OverdueProblems {
  total: number;
  /** Per park of the scope with overdue problems (drill-down: /issues?overdue=1&park=…). */
  byPark: { parkId: number; parkName: string; overdue: number }[];
  /** The longest overdue first. */
  items: { id: number; code: string; title: string; category: string; parkName: string; enterpriseName: string; level: number; resolveDeadline: string; overdueDays: number }[];
}

/**
 * Overdue problems (open and past the resolve deadline) of the liaison workflow in the
 * dashboard's scope, with the problems list's own scope and overdue rule
 * (lib/server/issues/issue-filter-sql.ts), so the counts match /issues?overdue=1.
 */
export async function getOverdueProblems(actor: Actor, scope: IndicatorScope, today = todayInShanghai(), limit = OVERDUE_LIST_LIMIT): Promise<OverdueProblems> {
  const parkIds = await scopeParkIds(actor, scope);
  const where = Prisma.sql`i."parkId" = ANY(${parkIds}::int[]) AND ${visibleIssuesSql(actor, "i")} AND ${overdueSql(today)}`;
  const [byPark, items] = await Promise.all([
    getFiguresDb().$queryRaw<{ parkId: number; parkName: string; overdue: number }[]>(Prisma.sql`
      SELECT i."parkId", pk.name AS "parkName", count(*)::int AS overdue
      FROM "EnterpriseIssue" i JOIN "Park" pk ON pk.id = i."parkId"
      WHERE ${where} GROUP BY i."parkId", pk.name ORDER BY overdue DESC, pk.name`),
    getFiguresDb().$queryRaw<(Omit<OverdueProblems["items"][number], "resolveDeadline"> & { resolveDeadline: Date })[]>(Prisma.sql`
      SELECT i.id, i.code, i.title, i.category::text AS category, pk.name AS "parkName", e.name AS "enterpriseName", i.level,
             i."resolveDeadline", (CAST(${today} AS date) - i."resolveDeadline")::int AS "overdueDays"
      FROM "EnterpriseIssue" i JOIN "Park" pk ON pk.id = i."parkId" JOIN "Enterprise" e ON e.id = i."enterpriseId"
      WHERE ${where} ORDER BY i."resolveDeadline" ASC, i.id ASC LIMIT ${limit}`),
  ]);
  return {
    total: byPark.reduce((s, r) => s + r.overdue, 0),
    byPark,
    items: items.map((r) => ({ ...r, category: ISSUE_CATEGORY_LABELS[r.category as IssueCategory] ?? r.category, resolveDeadline: dateToIso(r.resolveDeadline) })),
  };
}
