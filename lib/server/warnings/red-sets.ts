import "server-only";
// The red sets (migration 20261209090000_red_sets, docs/warnings.md § The red sets): which
// projects were red on a kept day, per rule: today (the warnings page, the meeting agenda)
// and the last days of the last RED_SET_MONTHS closed months (the monthly bulletin's red
// list). The red list decides red or not for every active project of its scope; for a whole
// region at 100,000 projects that is ~150 ms, nearly all of the bulletin's time and of the
// warnings page's. The figures job computes the kept days with the red list's own SQL
// (redOnDaySql), one set per month (today's under the current month), and the red list
// reads them back:
//   - a park's rows stand for the key they were built under (redSetKeys: the rule's SQL and
//     constants of the day, the park's rules). A park whose key differs now (its rules
//     changed, a holiday moved the filing deadline, the code's rule changed) is computed
//     live until the job builds it again;
//   - a project whose figures changed since (every write that changes what its lights read
//     goes through its ProjectFigures row, whose trigger marks it in RedSetDirty) is computed
//     live until the job recomputes it (every ten minutes, only the dirty projects).
// So the list is the live list at every moment; tests/integration/red-sets.test.ts holds the
// two equal after writes of every kind.

import { createHash } from "node:crypto";
import { type Db, getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { lastDayOfMonth, monthIndex, monthOf } from "@/lib/domain/filing";
import type { LightKind } from "@/lib/domain/warnings";
import { type LightSetup, activeOnDaySql, loadLightSetup, redOnDaySql, rulesValues, statusOnDaySql } from "./light-sql";

/** Bump when what decides red changes outside the SQL text (a database function it calls): every set is built again. */
const RED_SET_VERSION = 1;

/** The closed months kept: the bulletin's month (the last one) and the two before it. */
export const RED_SET_MONTHS = 3;

/** RedSet.kinds: one bit per rule. */
export const RED_KIND_BITS: Record<LightKind, number> = { start: 1, progress: 2, filing: 4 };
const ALL_KINDS = 7;

/** The bits a red list of `kind` (undefined: any rule) reads. */
export function redKindMask(kind: LightKind | undefined): number {
  return kind ? RED_KIND_BITS[kind] : ALL_KINDS;
}

function monthEndOf(ym: number): string {
  return lastDayOfMonth({ year: Math.floor(ym / 12), month: (ym % 12) + 1 });
}

/**
 * The days kept, each under its month: `today` under the current month (on a month's last
 * day that is the month's closing set, kept as such once the month is over) and the last
 * days of the RED_SET_MONTHS months before it.
 */
export function redSetDays(today: string): { ym: number; day: string }[] {
  const current = monthIndex(monthOf(today));
  return [{ ym: current, day: today }, ...Array.from({ length: RED_SET_MONTHS }, (_, i) => ({ ym: current - 1 - i, day: monthEndOf(current - 1 - i) }))];
}

/**
 * Each park's key under `setup`: everything the decision reads besides the project's
 * ProjectFigures row — the statement's text and constants (the day, its month, whether the
 * filing deadline had passed: the holidays decide) and the park's rules.
 */
export function redSetKeys(setup: LightSetup): Map<number, string> {
  const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
  const rule = redOnDaySql(setup);
  const active = activeOnDaySql(setup);
  const common = JSON.stringify([RED_SET_VERSION, rule.text, rule.values, active.text, active.values, statusOnDaySql(day).text]);
  return new Map([...setup.rules].map(([parkId, rules]) => [parkId, createHash("sha256").update(common).update(JSON.stringify(rules)).digest("hex")]));
}

/**
 * The parks of `parkIds` whose stored set of `setup`'s day is the one `setup` would compute
 * now. The set stored under the day's month is of one day (its key holds the day): any other
 * day of the month finds another key and is computed live.
 */
export async function storedRedParks(db: Db, setup: LightSetup, parkIds: number[]): Promise<{ ym: number; parks: number[] } | null> {
  if (parkIds.length === 0) return null;
  const ym = monthIndex(monthOf(setup.ctx.today));
  const rows = await db.$queryRaw<{ parkId: number; key: string }[]>`
    SELECT "parkId", key FROM "RedSetPark" WHERE ym = ${ym}::int AND "parkId" = ANY(${parkIds}::int[])`;
  if (rows.length === 0) return null;
  const keys = redSetKeys(setup);
  const parks = rows.filter((r) => keys.get(r.parkId) === r.key).map((r) => r.parkId);
  return parks.length > 0 ? { ym, parks } : null;
}

/** RedSetPark's count of its stored rows with `kind`'s bit (undefined: any rule). */
const RED_COUNT_COLUMNS: Record<LightKind | "any", string> = { any: "redAny", start: "redStart", progress: "redProgress", filing: "redFiling" };

/**
 * The parks of a red list whose set of the day is stored (storedRedParks) and the list's
 * condition on their park (over `s."parkId"`, a RedSetPark row); empty parks: none stored.
 */
export interface StoredParks {
  ym: number;
  parks: number[];
  parkWhere: Prisma.Sql;
}

/**
 * (park_id, n): each stored park's red count of `kind` less its stored rows of the dirty
 * projects (those are computed live, and counted with the live rows). RedSetPark keeps the
 * counts (refreshRedSets), so the stored rows are not read; the dirty projects are few and
 * each is looked up on RedSet's key once (the lateral is fenced so that it stays a lookup
 * per mark whatever the planner thinks of RedSetDirty's size, and `g` is materialized so
 * that it is not done again per park).
 */
export function storedRedCountsSql(stored: StoredParks, kind: LightKind | undefined): Prisma.Sql {
  return Prisma.sql`
      WITH g AS MATERIALIZED (
        SELECT x.park_id, count(*) AS n
        FROM "RedSetDirty" d
        CROSS JOIN LATERAL (
          SELECT rs."parkId" AS park_id FROM "RedSet" rs
          WHERE rs.ym = ${stored.ym}::int AND rs."parkId" = ANY(${stored.parks}::int[]) AND rs."projectId" = d."projectId"
            AND (rs.kinds & ${redKindMask(kind)}::smallint) <> 0
          OFFSET 0
        ) x
        GROUP BY x.park_id
      )
      SELECT s."parkId" AS park_id, s.${Prisma.raw(`"${RED_COUNT_COLUMNS[kind ?? "any"]}"`)} - COALESCE(g.n, 0) AS n
      FROM "RedSetPark" s
      LEFT JOIN g ON g.park_id = s."parkId"
      WHERE s.ym = ${stored.ym}::int AND s."parkId" = ANY(${stored.parks}::int[]) AND ${stored.parkWhere}`;
}

/**
 * Whether project `projectId` of park `parkId` (a stored park) is in its stored rows of `kind`
 * and not dirty. The EXISTS is fenced (OFFSET 0) so that it stays a lookup on RedSet's key per
 * project walked: unfenced, PostgreSQL turned it into a hashed subplan of the park's whole set
 * (9,902 rows for the first park at 100,000 projects, 1.5 ms before the walk's first row; the
 * red list's statement 6.2 -> 2.0 ms).
 */
export function storedRedMemberSql(stored: StoredParks, kind: LightKind | undefined, parkId: Prisma.Sql, projectId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${parkId} = ANY(${stored.parks}::int[])
      AND (${projectId} IN (SELECT "projectId" FROM "RedSetDirty")) IS NOT TRUE
      AND EXISTS (SELECT 1 FROM "RedSet" rs WHERE rs.ym = ${stored.ym}::int AND rs."parkId" = ${parkId} AND rs."projectId" = ${projectId}
                    AND (rs.kinds & ${redKindMask(kind)}::smallint) <> 0 OFFSET 0))`;
}

/** The ids of park `parkId`'s stored rows of `kind`, less the dirty projects (none when the park is not stored). */
export function storedRedIdsSql(stored: StoredParks, kind: LightKind | undefined, parkId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      SELECT rs."projectId" AS id FROM "RedSet" rs
      WHERE ${parkId} = ANY(${stored.parks}::int[]) AND rs.ym = ${stored.ym}::int AND rs."parkId" = ${parkId}
        AND (rs.kinds & ${redKindMask(kind)}::smallint) <> 0
        AND (rs."projectId" IN (SELECT "projectId" FROM "RedSetDirty")) IS NOT TRUE`;
}

/**
 * Brings the red sets of the kept days (redSetDays: `today` and the last days of the last
 * RED_SET_MONTHS closed months) up to date: a park without rows or with another key now (a
 * new day: today's set is built again each day) is computed whole, the dirty projects of the
 * others again; months no longer kept are dropped and the dirty marks cleared. One
 * repeatable-read transaction: the marks cleared are those its snapshot saw, and a mark
 * written since makes it fail (the job's next run does it again): returns null then, as
 * when another refresh is running.
 */
export async function refreshRedSets(today: string, db: Db = getDb()): Promise<{ months: number; parks: number; projects: number } | null> {
  const days = redSetDays(today);
  const months = days.map((d) => d.ym);
  const parkIds = (await db.park.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  const setups = await Promise.all(days.map((d) => loadLightSetup(db, parkIds, d.day)));
  try {
    return await db.$transaction(
      async (tx) => {
        // One refresh at a time (a run sent by hand while the scheduled one runs): the other returns at once.
        const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(20261209, 1) AS locked`;
        if (!locked) return null;
        let parks = 0;
        let projects = 0;
        for (const [i, ym] of months.entries()) {
          const setup = setups[i];
          const keys = redSetKeys(setup);
          const built = new Map((await tx.redSetPark.findMany({ where: { ym }, select: { parkId: true, key: true } })).map((r) => [r.parkId, r.key]));
          const stale = parkIds.filter((id) => built.get(id) !== keys.get(id));
          const removed = await tx.$executeRaw`
            DELETE FROM "RedSet" WHERE ym = ${ym}::int AND ("parkId" = ANY(${stale}::int[]) OR "projectId" IN (SELECT "projectId" FROM "RedSetDirty"))`;
          const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
          const bit = (kind: LightKind) => Prisma.sql`CASE WHEN ${redOnDaySql(setup, kind)} THEN ${RED_KIND_BITS[kind]}::int ELSE 0 END`;
          const rows = (which: Prisma.Sql) => Prisma.sql`
              SELECT ${ym}::int, pf."parkId", pf."projectId", k.kinds
              FROM "ProjectFigures" pf
              JOIN ru ON ru.park_id = pf."parkId"
              CROSS JOIN LATERAL (SELECT ${statusOnDaySql(day)} AS status) ao
              CROSS JOIN LATERAL (SELECT (${bit("start")} | ${bit("progress")} | ${bit("filing")})::smallint AS kinds) k
              WHERE ${which} AND ${activeOnDaySql(setup)} AND k.kinds <> 0`;
          // The stale parks whole (an index range per park), then the dirty projects of the others.
          const added = await tx.$executeRaw`
            WITH ${rulesValues(setup)}
            INSERT INTO "RedSet" (ym, "parkId", "projectId", kinds)
            ${rows(Prisma.sql`pf."parkId" = ANY(${stale}::int[])`)}
            UNION ALL
            ${rows(Prisma.sql`pf."projectId" IN (SELECT "projectId" FROM "RedSetDirty") AND pf."parkId" <> ALL(${stale}::int[])`)}`;
          if (stale.length > 0) {
            await tx.$executeRaw`
              INSERT INTO "RedSetPark" (ym, "parkId", key)
              SELECT ${ym}::int, p.id, k.key FROM unnest(${stale}::int[], ${stale.map((id) => keys.get(id)!)}::text[]) AS k(id, key) JOIN "Park" p ON p.id = k.id
              ON CONFLICT (ym, "parkId") DO UPDATE SET key = EXCLUDED.key, "builtAt" = now()`;
          }
          // Each park's counts of its stored rows (the red list reads them instead of the rows).
          if (removed + added > 0 || stale.length > 0) {
            await tx.$executeRaw`
              UPDATE "RedSetPark" k
              SET "redAny" = c.any, "redStart" = c.start, "redProgress" = c.progress, "redFiling" = c.filing
              FROM (
                SELECT p."parkId", count(rs."projectId")::int AS any,
                       (count(*) FILTER (WHERE (rs.kinds & ${RED_KIND_BITS.start}::smallint) <> 0))::int AS start,
                       (count(*) FILTER (WHERE (rs.kinds & ${RED_KIND_BITS.progress}::smallint) <> 0))::int AS progress,
                       (count(*) FILTER (WHERE (rs.kinds & ${RED_KIND_BITS.filing}::smallint) <> 0))::int AS filing
                FROM "RedSetPark" p LEFT JOIN "RedSet" rs ON rs.ym = p.ym AND rs."parkId" = p."parkId"
                WHERE p.ym = ${ym}::int
                GROUP BY p."parkId"
              ) c
              WHERE k.ym = ${ym}::int AND k."parkId" = c."parkId"`;
          }
          projects += added;
          parks += stale.length;
        }
        // Months no longer kept (a deleted park's rows go with its month: they are never read, the park has no key).
        const [lo, hi] = [Math.min(...months), Math.max(...months)];
        await tx.$executeRaw`DELETE FROM "RedSetPark" WHERE ym < ${lo}::int OR ym > ${hi}::int`;
        await tx.$executeRaw`DELETE FROM "RedSet" WHERE ym < ${lo}::int OR ym > ${hi}::int`;
        await tx.$executeRaw`DELETE FROM "RedSetDirty"`;
        // Whole parks built: the planner's statistics of RedSet before autovacuum gets to it
        // (without them it probes the dirty marks once per stored row).
        if (parks > 0) await tx.$executeRaw`ANALYZE "RedSet"`;
        return { months: months.length, parks, projects };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 10 * 60_000, maxWait: 60_000 },
    );
  } catch (e) {
    // A write marked a project after the snapshot: the next run recomputes it.
    if (isWriteConflict(e)) return null;
    throw e;
  }
}

/**
 * A repeatable-read transaction's serialization failure (SQLSTATE 40001): Prisma's P2034, or
 * P2010 with the driver's code when a raw statement met it.
 */
export function isWriteConflict(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (e.code === "P2034") return true;
  const cause = (e.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
  return e.code === "P2010" && cause?.originalCode === "40001";
}
