import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";

export interface ParkOverviewRow {
  parkId: number | null; // null on the totals row
  parkName: string | null;
  parkCode: string | null;
  regionName: string | null;
  level: string | null;
  type: string | null;
  total: number;
  signed: number; // active projects whose current stage is 签约
  landed: number;
  started: number;
  producing: number;
  suspended: number;
  terminated: number;
  totalInvestment: string; // 万元, terminated projects excluded
  contractInvestment: string; // 万元, terminated projects excluded
}

/**
 * One row per park the actor may read, with project counts per stage and investment,
 * plus a totals row — all in one SQL aggregate (GROUPING SETS), nothing summed in JS.
 */
export async function listParkOverview(actor: Actor): Promise<{ parks: ParkOverviewRow[]; totals: ParkOverviewRow }> {
  const parkIds = parksWith(actor, "park.read");
  const rows = await getDb().$queryRaw<(ParkOverviewRow & { isTotal: boolean })[]>(Prisma.sql`
    SELECT
      p.id AS "parkId", p.name AS "parkName", p.code AS "parkCode", r.name AS "regionName",
      p.level::text AS level, p.type::text AS type,
      GROUPING(p.id) = 1 AS "isTotal",
      count(pr.id)::int AS total,
      count(pr.id) FILTER (WHERE pr.status = 'ACTIVE' AND pr.stage = 'SIGNED')::int AS signed,
      count(pr.id) FILTER (WHERE pr.status = 'ACTIVE' AND pr.stage = 'LANDED')::int AS landed,
      count(pr.id) FILTER (WHERE pr.status = 'ACTIVE' AND pr.stage = 'STARTED')::int AS started,
      count(pr.id) FILTER (WHERE pr.status = 'ACTIVE' AND pr.stage = 'PRODUCING')::int AS producing,
      count(pr.id) FILTER (WHERE pr.status = 'SUSPENDED')::int AS suspended,
      count(pr.id) FILTER (WHERE pr.status = 'TERMINATED')::int AS terminated,
      COALESCE(sum(pr."totalInvestment") FILTER (WHERE pr.status <> 'TERMINATED'), 0)::text AS "totalInvestment",
      COALESCE(sum(pr."contractInvestment") FILTER (WHERE pr.status <> 'TERMINATED'), 0)::text AS "contractInvestment"
    FROM "Park" p
    JOIN "Region" r ON r.id = p."regionId"
    LEFT JOIN "Project" pr ON pr."parkId" = p.id AND ${visibleProjectsSql(actor, "pr")}
    WHERE p.id = ANY(${parkIds}::int[])
    GROUP BY GROUPING SETS ((p.id, p.name, p.code, r.name, r.id, p.level, p.type), ())
    ORDER BY GROUPING(p.id), r.id, p.id
  `);
  const totals = rows.find((r) => r.isTotal)!;
  return {
    parks: rows.filter((r) => !r.isTotal).map(({ isTotal: _, ...r }) => r),
    totals: { ...totals, parkId: null, parkName: null, parkCode: null, regionName: null, level: null, type: null },
  };
}
