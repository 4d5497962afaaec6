import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { LIGHT_KINDS, type LightResult } from "@/lib/domain/warnings";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { LIGHT_COLUMNS, type LightRow, activeOnDaySql, litCte, lightFromRow, loadLightSetup } from "./light-sql";

const id = (label: string) => z.coerce.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`);

/** Filters of the red list (督办): a park or a region, and which rule is red. */
export const redListFiltersSchema = z.object({
  parkId: id("园区").optional(),
  regionId: id("市州").optional(),
  kind: z.enum(LIGHT_KINDS, { message: "亮灯类型无效" }).optional(),
});
export type RedListFilters = z.infer<typeof redListFiltersSchema>;

export const redListPagingSchema = z.object({
  page: z.coerce.number({ message: "页码须为数字" }).int("页码须为整数").min(1, "页码无效").max(100_000, "页码无效").default(1),
  pageSize: z.coerce.number({ message: "每页条数须为数字" }).int("每页条数须为整数").min(1, "每页条数无效").max(200, "每页条数不能超过 200").default(50),
});

export interface RedProjectRow {
  id: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  enterpriseName: string;
  stage: string;
  status: string;
  plannedStartDate: string | null;
  liaisonName: string | null;
  leaderName: string | null;
  light: LightResult;
}

const KIND_COLUMN = { start: "start_light", progress: "progress_light", filing: "filing_light" } as const;

/**
 * The red list for supervision (督办): projects whose overall light (or the light of one
 * rule, `kind`) is red, filtered and paged in SQL. For the warnings page (today) and the
 * monthly bulletin (`today` = the month's last day: the lights as they stood then, of the
 * projects active then, with their stage and status of that day).
 */
export async function listRedProjects(actor: Actor, filters: unknown, paging: unknown = {}, today = todayInShanghai()): Promise<{ rows: RedProjectRow[]; total: number; page: number; pageSize: number }> {
  const f = parseOrThrow(redListFiltersSchema, filters);
  const p = parseOrThrow(redListPagingSchema, paging);
  const { parkId, regionId, kind } = f;
  const { page, pageSize } = p;
  if (parkId) assertCan(actor, "project.read", parkId, "园区");
  const readable = parksWith(actor, "project.read");
  if (readable.length === 0) throw new AppError("NOT_FOUND", "没有可查看的园区");

  const db = getDb();
  const setup = await loadLightSetup(db, readable, today);
  // Active on the day the lights are for (ao: the project as it stood then).
  const parts: Prisma.Sql[] = [visibleProjectsSql(actor, "pr"), activeOnDaySql(setup)];
  if (parkId) parts.push(Prisma.sql`pr."parkId" = ${parkId}`);
  if (regionId) parts.push(Prisma.sql`pk."regionId" = ${regionId}`);
  const red = Prisma.raw(kind ? KIND_COLUMN[kind] : "overall_light");
  const rows = await db.$queryRaw<(LightRow & Omit<RedProjectRow, "light" | "plannedStartDate"> & { total: number })[]>(Prisma.sql`
    WITH ${litCte(setup, Prisma.join(parts, " AND "))},
    -- The page of red projects, ordered on the lights' own park name and code; the other
    -- columns are read for those rows only.
    -- (OFFSET 0: the lights are computed in one pass, not once per park to come out in
    -- park-name order.)
    page AS MATERIALIZED (
      SELECT r.*, count(*) OVER ()::int AS total
      FROM (SELECT * FROM lights WHERE lights.${red} = 3 OFFSET 0) r
      ORDER BY r.park_name, r.code, r.id
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT lights.id, pr.code, pr.name, pk.name AS "parkName", e.name AS "enterpriseName", ${LIGHT_COLUMNS},
           ${currentHolderNameSql("lights", "LIAISON")} AS "liaisonName",
           ${currentHolderNameSql("lights", "LEADER")} AS "leaderName",
           lights.total
    FROM page lights
    JOIN "Project" pr ON pr.id = lights.id
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    ORDER BY pk.name, pr.code, pr.id`);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [c] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`WITH ${litCte(setup, Prisma.join(parts, " AND "))} SELECT count(*)::int AS n FROM lights WHERE lights.${red} = 3`);
    total = c.n;
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      parkId: r.parkId,
      parkName: r.parkName,
      enterpriseName: r.enterpriseName,
      stage: r.stage,
      status: r.status,
      plannedStartDate: r.plannedStartDate ? dateToIso(r.plannedStartDate) : null,
      liaisonName: r.liaisonName,
      leaderName: r.leaderName,
      light: lightFromRow(setup, r),
    })),
    total,
    page,
    pageSize,
  };
}
