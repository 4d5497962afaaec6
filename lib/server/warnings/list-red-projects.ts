import "server-only";
import { z } from "zod";
import { getDb, getFiguresDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { LIGHT_KINDS, type LightKind, type LightResult } from "@/lib/domain/warnings";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith, projectReadScope } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { LIGHT_COLUMNS, type LightRow, type LightSetup, activeOnDaySql, litCte, lightFromRow, loadLightSetup, redOnDaySql, rulesValues, statusOnDaySql } from "./light-sql";
import { type StoredParks, storedRedCountsSql, storedRedIdsSql, storedRedMemberSql, storedRedParks } from "./red-sets";

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

/** The page's rows with the lights computed for them only (litCte's `before`: the `page` CTE). */
function redPageSelect(setup: LightSetup, page: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH ${litCte(setup, Prisma.sql`pr.id = ANY(ARRAY(SELECT id FROM page))`, page)}
    SELECT lights.id, pr.code, pr.name, pk.name AS "parkName", e.name AS "enterpriseName", ${LIGHT_COLUMNS},
           ${currentHolderNameSql("lights", "LIAISON")} AS "liaisonName",
           ${currentHolderNameSql("lights", "LEADER")} AS "leaderName",
           page.total
    FROM lights
    JOIN page ON page.id = lights.id
    JOIN "Project" pr ON pr.id = lights.id
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    ORDER BY pk.name, pr.code, pr.id`;
}

/**
 * The statement of one page of the red list: the projects matching `where` (over pr, pk,
 * pf, ao: see litCte; it must hold activeOnDaySql) whose overall light (or `kind`'s) is red,
 * in park-name and code order, with the total. Which projects are red is decided on their
 * rows with the lights' red conditions alone (redOnDaySql); the lights themselves (and their
 * inputs, which the page shows) are computed for the page's rows only.
 */
export function redPageQuery(setup: LightSetup, where: Prisma.Sql, kind: LightKind | undefined, limit: number, offset: number): Prisma.Sql {
  const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
  return redPageSelect(
    setup,
    Prisma.sql`page AS MATERIALIZED (
      SELECT pr.id, count(*) OVER ()::int AS total
      FROM "ProjectFigures" pf
      JOIN "Project" pr ON pr.id = pf."projectId"
      JOIN "Park" pk ON pk.id = pr."parkId"
      JOIN ru ON ru.park_id = pf."parkId"
      CROSS JOIN LATERAL (SELECT ${statusOnDaySql(day)} AS status) ao
      WHERE ${where} AND ${redOnDaySql(setup, kind)}
      ORDER BY pk.name, pr.code, pr.id
      LIMIT ${limit} OFFSET ${offset}
    )`,
  );
}

/**
 * See redPageQueryByPark: a park with this many red projects per row the page needs of it
 * is walked in code order. With K here, r rows needed and P projects in the park, the walk
 * reads at most P / K rows and the other way fewer than K × r: they balance at K ≈ √(P / r),
 * about 10 for parks of 2,500–12,500 projects and pages of 50–100.
 */
const WALK_MIN_RED = 10;

/**
 * The same page for a reader who sees whole parks, with `where` over pf and ao only (the
 * parks as pf."parkId"): which projects are red is counted per park, and only the parks the
 * page reaches (in park-name order) are put in code order. Same rows and total as
 * redPageQuery: at 100,000 projects the region's October list read every project's row to
 * order 42,000 red ones (tests/integration/warnings.test.ts holds the pages equal across
 * park boundaries).
 *
 * A park whose red set of the day is stored (`stored`, red-sets.ts) is counted from its
 * stored counts less its dirty projects, and its red projects are its stored rows less the
 * dirty ones: its stored rows are not all read. The other parks (`liveParks`) and the stored
 * parks' dirty projects are decided live (`red`: redOnDaySql on their ProjectFigures rows).
 *
 * Within a park the page reaches, the code order comes one of two ways, whichever reads
 * fewer rows (decided per park on its red count, each branch gated on it):
 *   - many red (at least WALK_MIN_RED per row the page needs of the park): the park's ledger
 *     walked in code order on the index (parkId, code), keeping the red ones, until the
 *     page's end: fewer than the park's projects / WALK_MIN_RED rows. A red one is a live
 *     one (the live ids hashed once: the IN is kept a hashed subplan, not pulled up into a
 *     join) or a stored one (looked up on RedSet's key). The first park of a region at
 *     100,000 projects has ~10,000 red: joining and sorting them took ~15 ms. The park is a
 *     range (>= and <=), not an equality, so that the order can come from that index only:
 *     with an equality PostgreSQL also takes the code's own unique index for it, walking
 *     every park's projects;
 *   - few red: each looked up in the ledger (fenced, so that it stays a lookup per project
 *     rather than a hash of the whole ledger) and sorted: fewer than WALK_MIN_RED × the
 *     page's rows.
 */
export function redPageQueryByPark(setup: LightSetup, where: Prisma.Sql, kind: LightKind | undefined, limit: number, offset: number, stored: StoredRed): Prisma.Sql {
  const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
  const end = offset + limit;
  const live = (from: Prisma.Sql, parks: number[]) => Prisma.sql`
      SELECT pf."projectId" AS id, pf."parkId" AS park_id
      FROM ${from}
      JOIN ru ON ru.park_id = pf."parkId"
      CROSS JOIN LATERAL (SELECT ${statusOnDaySql(day)} AS status) ao
      WHERE pf."parkId" = ANY(${parks}::int[]) AND ${where} AND ${redOnDaySql(setup, kind)}`;
  const walk = Prisma.sql`${end}::int - b.before`;
  return redPageSelect(
    setup,
    Prisma.sql`red AS MATERIALIZED (
      ${live(Prisma.sql`"ProjectFigures" pf`, stored.liveParks)}
      -- Each dirty project's row looked up (fenced: a lookup per mark whatever the planner thinks of RedSetDirty's size).
      UNION ALL ${live(Prisma.sql`"RedSetDirty" d CROSS JOIN LATERAL (SELECT * FROM "ProjectFigures" f WHERE f."projectId" = d."projectId" OFFSET 0) pf`, stored.parks)}
    ), by_park AS MATERIALIZED (
      SELECT pk.id, pk.name, c.n::int, (sum(c.n) OVER (ORDER BY pk.name, pk.id) - c.n)::int AS before
      FROM (
        SELECT park_id, sum(n) AS n
        FROM ((${storedRedCountsSql(stored, kind)})
              UNION ALL SELECT park_id, count(*) AS n FROM red GROUP BY park_id) c
        GROUP BY park_id HAVING sum(n) > 0
      ) c JOIN "Park" pk ON pk.id = c.park_id
    ), page AS MATERIALIZED (
      SELECT x.id, (SELECT COALESCE(sum(n), 0) FROM by_park)::int AS total
      FROM by_park b
      -- Each park the page reaches, its red projects in code order up to the page's end (see above).
      CROSS JOIN LATERAL (
        (SELECT pr.id, pr.code FROM "Project" pr
         WHERE b.n >= ${WALK_MIN_RED}::int * (${walk}) AND pr."parkId" >= b.id AND pr."parkId" <= b.id
           AND ((pr.id IN (SELECT id FROM red)) IS TRUE OR ${storedRedMemberSql(stored, kind, Prisma.sql`b.id`, Prisma.sql`pr.id`)})
         ORDER BY pr."parkId", pr.code
         LIMIT ${walk})
        UNION ALL
        (SELECT pr.id, pr.code
         FROM (SELECT id FROM red WHERE park_id = b.id UNION ALL ${storedRedIdsSql(stored, kind, Prisma.sql`b.id`)}) r
         CROSS JOIN LATERAL (SELECT p.id, p.code FROM "Project" p WHERE p.id = r.id OFFSET 0) pr
         WHERE b.n < ${WALK_MIN_RED}::int * (${walk})
         ORDER BY pr.code
         LIMIT ${walk})
      ) x
      WHERE b.before < ${end}::int AND b.before + b.n > ${offset}::int
      ORDER BY b.name, b.id, x.code
      LIMIT ${limit}
      OFFSET ${offset}::int - (SELECT COALESCE(min(b2.before), 0) FROM by_park b2 WHERE b2.before < ${end}::int AND b2.before + b2.n > ${offset}::int)
    )`,
  );
}

/**
 * The parks of a red list whose red set of the day is stored (red-sets.ts; none: every park
 * live), the condition of the list's scope on a RedSetPark row's park (s."parkId"), and the
 * list's other parks (computed live).
 */
export interface StoredRed extends StoredParks {
  liveParks: number[];
}

/** How many projects matching `where` (as for redPageQuery) are red (overall or `kind`). */
export function redCountQuery(setup: LightSetup, where: Prisma.Sql, kind: LightKind | undefined): Prisma.Sql {
  const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
  return Prisma.sql`WITH ${rulesValues(setup)}
    SELECT count(*)::int AS n
    FROM "ProjectFigures" pf
    JOIN "Project" pr ON pr.id = pf."projectId"
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN ru ON ru.park_id = pf."parkId"
    CROSS JOIN LATERAL (SELECT ${statusOnDaySql(day)} AS status) ao
    WHERE ${where} AND ${redOnDaySql(setup, kind)}`;
}

/**
 * The red list for supervision (督办): projects whose overall light (or the light of one
 * rule, `kind`) is red, filtered and paged in SQL. For the warnings page (today) and the
 * monthly bulletin (`today` = the month's last day: the lights as they stood then, of the
 * projects active then, with their stage and status of that day).
 */
export async function listRedProjects(
  actor: Actor,
  filters: unknown,
  paging: unknown = {},
  today = todayInShanghai(),
  /** redSets: false computes every project live (the reference the red sets are tested against). */
  opts: { redSets?: boolean } = {},
): Promise<{ rows: RedProjectRow[]; total: number; page: number; pageSize: number }> {
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
  // A reader of whole parks: the same conditions on ProjectFigures' own columns.
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  const byPark = assignedOnlyParks.length === 0;
  const scopeParks = (col: Prisma.Sql): Prisma.Sql[] => [
    Prisma.sql`${col} = ANY(${fullParks}::int[])`,
    ...(parkId ? [Prisma.sql`${col} = ${parkId}`] : []),
    ...(regionId ? [Prisma.sql`${col} IN (SELECT id FROM "Park" WHERE "regionId" = ${regionId})`] : []),
  ];
  const pfParts: Prisma.Sql[] = [...scopeParks(Prisma.sql`pf."parkId"`), activeOnDaySql(setup)];
  const offset = (page - 1) * pageSize;
  // Today or a closed month's last day: the parks whose red set of that day is stored (red-sets.ts).
  const stored = byPark && opts.redSets !== false ? await storedRedParks(db, setup, fullParks) : null;
  // With stored parks the statement goes to the figures client (prepared, planned once,
  // generically: lib/db/client.ts): planning it took 7-8 ms of ~45 at 100,000 projects, and
  // the generic plan runs as fast as the custom ones (34 ms against 44 with every park
  // stored; 58 against 65 with two parks live). Computed live, the list is bound by its
  // execution and stays planned per call.
  const rows = await (stored ? getFiguresDb() : db).$queryRaw<(LightRow & Omit<RedProjectRow, "light" | "plannedStartDate"> & { total: number })[]>(
    byPark
      ? redPageQueryByPark(
          setup,
          Prisma.join(pfParts, " AND "),
          kind,
          pageSize,
          offset,
          stored
            ? { ...stored, parkWhere: Prisma.join(scopeParks(Prisma.sql`s."parkId"`), " AND "), liveParks: fullParks.filter((id) => !stored.parks.includes(id)) }
            : { ym: 0, parks: [], parkWhere: Prisma.sql`true`, liveParks: fullParks },
        )
      : redPageQuery(setup, Prisma.join(parts, " AND "), kind, pageSize, offset),
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [c] = await db.$queryRaw<{ n: number }[]>(redCountQuery(setup, Prisma.join(parts, " AND "), kind));
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
