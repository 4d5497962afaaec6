import "server-only";
import { getFiguresDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Indicator, type IndicatorCounts, EMPTY_COUNTS, computeIndicators } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { type CountsRow, countsOf, queryCounts, scopeParkIds } from "./indicator-sql";

export interface ParkRankingRow {
  parkId: number;
  parkName: string;
  regionName: string;
  counts: IndicatorCounts;
  indicators: Indicator[];
}

/**
 * One row per park of the scope (parks without projects included, with "—" rates), the
 * counts from one GROUP BY over the same statement as the headline figures, so a park's
 * row equals the headline figures with that park chosen.
 */
export async function getParkRanking(actor: Actor, scope: IndicatorScope, today = todayInShanghai()): Promise<ParkRankingRow[]> {
  const parkIds = await scopeParkIds(actor, scope);
  const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const [rows, parks] = await Promise.all([
    queryCounts(actor, parkIds, period, today, "park"),
    rankingParks(parkIds),
  ]);
  return toParkRanking(rows, parks, period.through);
}

/** One row per park (zeros where SQL returned none), shared with get-dashboard.ts. */
export function toParkRanking(rows: CountsRow[], parks: { id: number; name: string; region: { name: string } }[], through: number): ParkRankingRow[] {
  const byPark = new Map(rows.filter((r) => r.dim === "park").map((r) => [Number(r.key), r]));
  return parks.map((p) => {
    const row = byPark.get(p.id);
    const counts: IndicatorCounts = row ? countsOf(row) : EMPTY_COUNTS;
    return { parkId: p.id, parkName: p.name, regionName: p.region.name, counts, indicators: computeIndicators(counts, through) };
  });
}

/**
 * The parks of the ranking in code order with their region's name: one statement (Prisma's
 * findMany with the region sends two, one after the other).
 */
export async function rankingParks(parkIds: number[]): Promise<{ id: number; name: string; region: { name: string } }[]> {
  const rows = await getFiguresDb().$queryRaw<{ id: number; name: string; regionName: string }[]>(Prisma.sql`
    SELECT p.id, p.name, r.name AS "regionName" FROM "Park" p JOIN "Region" r ON r.id = p."regionId"
    WHERE p.id = ANY(${parkIds}::int[]) ORDER BY p.code`);
  return rows.map((r) => ({ id: r.id, name: r.name, region: { name: r.regionName } }));
}
