import "server-only";
// Nightly snapshots of the traffic lights (one row per park and day) and the trend lines
// read from them. Lights are computed for "today" from today's records and rules, so a past
// day's lights cannot be recomputed later: the job keeps what it saw each night.

import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, dateToIso, isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, projectReadScope } from "@/lib/domain/permissions";
import { requiredDate } from "@/lib/validation/fields";
import { assertCan } from "@/lib/server/actor";
import { parseOrThrow } from "@/lib/server/errors";
import { activeOnDaySql, litCte, loadLightSetup } from "./light-sql";

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
  unlit: number;
  startRed: number;
  progressRed: number;
  filingRed: number;
}

/**
 * Takes the snapshot of `date` (that day as today) for every open park, in one statement
 * per run. A day already snapshotted keeps its first rows (ON CONFLICT DO NOTHING), so a
 * retried or repeated run adds nothing. Returns the number of parks written.
 */
export async function snapshotLights(date: string = todayInShanghai()): Promise<{ parks: number; date: string }> {
  const day = parseOrThrow(z.object({ date: requiredDate("快照日期") }), { date }).date;
  const db = getDb();
  const parks = await db.park.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  if (parks.length === 0) return { parks: 0, date: day };
  const parkIds = parks.map((p) => p.id);
  const setup = await loadLightSetup(db, parkIds, day);
  // The projects the red list counts (active ones), so a day's red equals its red list.
  const where = Prisma.sql`pr."parkId" = ANY(${parkIds}::int[]) AND ${activeOnDaySql(setup)}`;
  const written = await db.$executeRaw(Prisma.sql`
    WITH ${litCte(setup, where)},
    per_park AS (
      SELECT "parkId",
             count(*) FILTER (WHERE overall_light = 1)::int AS green,
             count(*) FILTER (WHERE overall_light = 2)::int AS yellow,
             count(*) FILTER (WHERE overall_light = 3)::int AS red,
             count(*) FILTER (WHERE overall_light IS NULL)::int AS unlit,
             count(*) FILTER (WHERE start_light = 3)::int AS start_red,
             count(*) FILTER (WHERE progress_light = 3)::int AS progress_red,
             count(*) FILTER (WHERE filing_light = 3)::int AS filing_red
      FROM lights GROUP BY "parkId"
    )
    INSERT INTO "LightSnapshot" ("date", "parkId", green, yellow, red, unlit, "startRed", "progressRed", "filingRed")
    SELECT ${isoToDate(day)}::date, p.id, COALESCE(pp.green, 0), COALESCE(pp.yellow, 0), COALESCE(pp.red, 0), COALESCE(pp.unlit, 0),
           COALESCE(pp.start_red, 0), COALESCE(pp.progress_red, 0), COALESCE(pp.filing_red, 0)
    FROM unnest(${parkIds}::int[]) AS p(id)
    LEFT JOIN per_park pp ON pp."parkId" = p.id
    ON CONFLICT ("parkId", "date") DO NOTHING`);
  return { parks: written, date: day };
}

const id = (label: string) => z.coerce.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`);

export const lightTrendFiltersSchema = z.object({
  parkId: id("园区").optional(),
  days: z.coerce.number({ message: "天数须为数字" }).int("天数须为整数").min(7, "天数不能少于 7").max(730, "天数不能超过 730").default(90),
});

export interface LightTrendPoint extends LightCounts {
  date: string;
}

/**
 * The lights of the parks the actor reads in full (or of one park), summed per snapshot day
 * over the last `days` days, oldest first. Days without a snapshot are absent (the worker
 * was not running). A liaison who reads only assigned projects gets no trend: the park's
 * counts include projects they may not see.
 */
export async function getLightTrend(actor: Actor, filters: unknown = {}, today = todayInShanghai()): Promise<LightTrendPoint[]> {
  const f = parseOrThrow(lightTrendFiltersSchema, filters);
  if (f.parkId) assertCan(actor, "project.read", f.parkId, "园区");
  const full = projectReadScope(actor).fullParks;
  const parkIds = f.parkId ? full.filter((p) => p === f.parkId) : full;
  if (parkIds.length === 0) return [];
  const rows = await getDb().$queryRaw<(LightCounts & { date: Date })[]>(Prisma.sql`
    SELECT s.date, sum(s.green)::int AS green, sum(s.yellow)::int AS yellow, sum(s.red)::int AS red, sum(s.unlit)::int AS unlit,
           sum(s."startRed")::int AS "startRed", sum(s."progressRed")::int AS "progressRed", sum(s."filingRed")::int AS "filingRed"
    FROM "LightSnapshot" s
    WHERE s."parkId" = ANY(${parkIds}::int[]) AND s.date > ${isoToDate(addDays(today, -f.days))}::date AND s.date <= ${isoToDate(today)}::date
    GROUP BY s.date ORDER BY s.date`);
  return rows.map((r) => ({ ...r, date: dateToIso(r.date) }));
}
