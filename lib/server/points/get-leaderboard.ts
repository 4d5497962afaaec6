import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import type { BoardTab } from "@/lib/validation/points";
import { earnedCte } from "./points-sql";
import { type PointsScope, resolvePointsScope } from "./points-scope";

export const LEADERBOARD_PAGE_SIZE = 50;

export interface LeaderboardRow {
  rank: number;
  /** The person (liaison and leader tabs). */
  userId: number | null;
  /** 责任单位 (unit tab). */
  unit: string | null;
  parkId: number | null;
  name: string;
  /** Parks the points were earned in (person tabs), or the unit's park. */
  parkNames: string;
  plus: number;
  minus: number;
  total: number;
  events: number;
  /** Park tab: the points of each earner. */
  liaisonPoints: number;
  leaderPoints: number;
  unitPoints: number;
}

export interface Leaderboard {
  scope: PointsScope;
  tab: BoardTab;
  rows: LeaderboardRow[];
  total: number;
  page: number;
  pageSize: number;
}

const EARNER_OF: Record<Exclude<BoardTab, "park">, string> = { liaison: "LIAISON", leader: "LEADER", unit: "UNIT" };

/** The period's ranking of one tab (liaisons, leaders, units or parks), aggregated and paged in SQL; ties share a rank. */
export async function getLeaderboard(actor: Actor, raw: unknown, opts: { all?: boolean } = {}, today = todayInShanghai()): Promise<Leaderboard> {
  const scope = await resolvePointsScope(actor, raw, today);
  const tab = scope.full ? scope.query.tab : "liaison";
  const page = opts.all ? 1 : scope.query.page;
  const empty: Leaderboard = { scope, tab, rows: [], total: 0, page, pageSize: LEADERBOARD_PAGE_SIZE };
  if (!scope.counted) return empty;
  const db = getDb();
  const cte = await earnedCte(db, { parkIds: scope.parkIds, from: scope.counted.from, to: scope.counted.to });
  const limit = opts.all ? Prisma.empty : Prisma.sql`LIMIT ${LEADERBOARD_PAGE_SIZE} OFFSET ${(page - 1) * LEADERBOARD_PAGE_SIZE}`;
  const own = scope.full ? Prisma.empty : Prisma.sql`AND g."userId" = ${actor.userId}`;
  let sql: Prisma.Sql;
  if (tab === "park") {
    sql = Prisma.sql`${cte}
      SELECT rank() OVER (ORDER BY COALESCE(sum(e.points), 0) DESC)::int AS rank, NULL::int AS "userId", NULL::text AS unit,
             pk.id AS "parkId", pk.name, pk.name AS "parkNames",
             COALESCE(sum(e.points) FILTER (WHERE e.points > 0), 0)::int AS plus, COALESCE(sum(e.points) FILTER (WHERE e.points < 0), 0)::int AS minus,
             COALESCE(sum(e.points), 0)::int AS total, count(e.kind)::int AS events,
             COALESCE(sum(e.points) FILTER (WHERE e.earner = 'LIAISON'), 0)::int AS "liaisonPoints",
             COALESCE(sum(e.points) FILTER (WHERE e.earner = 'LEADER'), 0)::int AS "leaderPoints",
             COALESCE(sum(e.points) FILTER (WHERE e.earner = 'UNIT'), 0)::int AS "unitPoints",
             count(*) OVER ()::int AS "totalRows"
      FROM "Park" pk LEFT JOIN earned e ON e."parkId" = pk.id
      WHERE pk.id = ANY(${scope.parkIds}::int[])
      GROUP BY pk.id, pk.name
      ORDER BY total DESC, pk.name ${limit}`;
  } else if (tab === "unit") {
    sql = Prisma.sql`${cte}
      SELECT rank() OVER (ORDER BY sum(g.points) DESC)::int AS rank, NULL::int AS "userId", g.unit, g."parkId", g.unit AS name, pk.name AS "parkNames",
             COALESCE(sum(g.points) FILTER (WHERE g.points > 0), 0)::int AS plus, COALESCE(sum(g.points) FILTER (WHERE g.points < 0), 0)::int AS minus,
             sum(g.points)::int AS total, count(*)::int AS events, 0 AS "liaisonPoints", 0 AS "leaderPoints", 0 AS "unitPoints",
             count(*) OVER ()::int AS "totalRows"
      FROM earned g JOIN "Park" pk ON pk.id = g."parkId"
      WHERE g.earner = 'UNIT'
      GROUP BY g."parkId", pk.name, g.unit
      ORDER BY total DESC, pk.name, g.unit ${limit}`;
  } else {
    sql = Prisma.sql`${cte}
      SELECT rank() OVER (ORDER BY sum(g.points) DESC)::int AS rank, g."userId", NULL::text AS unit, NULL::int AS "parkId", u.name,
             string_agg(DISTINCT pk.name, '、') AS "parkNames",
             COALESCE(sum(g.points) FILTER (WHERE g.points > 0), 0)::int AS plus, COALESCE(sum(g.points) FILTER (WHERE g.points < 0), 0)::int AS minus,
             sum(g.points)::int AS total, count(*)::int AS events, 0 AS "liaisonPoints", 0 AS "leaderPoints", 0 AS "unitPoints",
             count(*) OVER ()::int AS "totalRows"
      FROM earned g JOIN "User" u ON u.id = g."userId" JOIN "Park" pk ON pk.id = g."parkId"
      WHERE g.earner = ${EARNER_OF[tab]} ${own}
      GROUP BY g."userId", u.name
      ORDER BY total DESC, u.name ${limit}`;
  }
  const rows = await db.$queryRaw<(LeaderboardRow & { totalRows: number })[]>(sql);
  return {
    ...empty,
    rows: rows.map(({ totalRows: _t, ...r }) => r),
    total: rows[0]?.totalRows ?? 0,
  };
}
