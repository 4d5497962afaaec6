import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import type { PointEarner } from "@/lib/domain/points";
import { earnedCte } from "./points-sql";
import { type PointsScope, resolvePointsScope } from "./points-scope";

export const EVENTS_PAGE_SIZE = 50;

/** One point: the event behind it and who earned it. */
export interface PointEventRow {
  kind: string;
  eventDate: string;
  earner: PointEarner;
  userId: number | null;
  userName: string | null;
  unit: string | null;
  parkId: number;
  parkName: string;
  points: number;
  projectId: number | null;
  projectName: string | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  issueId: number | null;
  issueCode: string | null;
  visitId: number | null;
  stageEventId: number | null;
  adjustmentId: number | null;
  adjustedByName: string | null;
  supervisionId: number | null;
  detail: string;
}

export interface PointEventsPage {
  scope: PointsScope;
  rows: PointEventRow[];
  total: number;
  sum: number;
  plus: number;
  minus: number;
  page: number;
  pageSize: number;
}

/**
 * The events behind a leaderboard figure (drill-down), filtered by earner, person, unit, park
 * and kind, newest first, paged and summed in SQL. A liaison gets only their own.
 */
export async function listPointEvents(actor: Actor, raw: unknown, opts: { all?: boolean } = {}, today = todayInShanghai()): Promise<PointEventsPage> {
  const scope = await resolvePointsScope(actor, raw, today);
  const q = scope.query;
  const page = opts.all ? 1 : q.page;
  const empty: PointEventsPage = { scope, rows: [], total: 0, sum: 0, plus: 0, minus: 0, page, pageSize: EVENTS_PAGE_SIZE };
  if (!scope.counted) return empty;
  const db = getDb();
  const cte = await earnedCte(db, { parkIds: scope.parkIds, from: scope.counted.from, to: scope.counted.to });
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.earner) where.push(Prisma.sql`g.earner = ${q.earner}`);
  if (q.user) where.push(Prisma.sql`g."userId" = ${q.user}`);
  if (q.unit) where.push(Prisma.sql`g.unit = ${q.unit}`);
  if (q.kind) where.push(Prisma.sql`g.kind = ${q.kind}`);
  const filter = Prisma.join(where, " AND ");
  const limit = opts.all ? Prisma.empty : Prisma.sql`LIMIT ${EVENTS_PAGE_SIZE} OFFSET ${(page - 1) * EVENTS_PAGE_SIZE}`;
  const [rows, totals] = await Promise.all([
    db.$queryRaw<PointEventRow[]>(Prisma.sql`${cte}
      SELECT g.kind, to_char(g."eventDate", 'YYYY-MM-DD') AS "eventDate", g.earner, g."userId", u.name AS "userName", g.unit,
             g."parkId", pk.name AS "parkName", g.points, g."projectId", p.name AS "projectName",
             COALESCE(g."enterpriseId", p."enterpriseId", i."enterpriseId") AS "enterpriseId", e.name AS "enterpriseName",
             g."issueId", i.code AS "issueCode", g."visitId", g."stageEventId", g."adjustmentId", ab.name AS "adjustedByName", g.detail, g."supervisionId"
      FROM earned g
      JOIN "Park" pk ON pk.id = g."parkId"
      LEFT JOIN "User" u ON u.id = g."userId"
      LEFT JOIN "Project" p ON p.id = g."projectId"
      LEFT JOIN "EnterpriseIssue" i ON i.id = g."issueId"
      LEFT JOIN "Enterprise" e ON e.id = COALESCE(g."enterpriseId", p."enterpriseId", i."enterpriseId")
      LEFT JOIN "PointAdjustment" ad ON ad.id = g."adjustmentId"
      LEFT JOIN "User" ab ON ab.id = ad."createdById"
      WHERE ${filter}
      ORDER BY g."eventDate" DESC, g.kind, g.earner, g."projectId" NULLS LAST, g."issueId" NULLS LAST, g."visitId" NULLS LAST, g."adjustmentId" NULLS LAST
      ${limit}`),
    db.$queryRaw<{ total: number; sum: number; plus: number; minus: number }[]>(Prisma.sql`${cte}
      SELECT count(*)::int AS total, COALESCE(sum(g.points), 0)::int AS sum,
             COALESCE(sum(g.points) FILTER (WHERE g.points > 0), 0)::int AS plus, COALESCE(sum(g.points) FILTER (WHERE g.points < 0), 0)::int AS minus
      FROM earned g WHERE ${filter}`),
  ]);
  return { ...empty, rows, ...totals[0] };
}
