import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type RateDecision } from "@/lib/domain/rate-limit";

/**
 * Counts one API request of `key` (`token:<id>` or `user:<id>`) and decides it, in one
 * statement: the upsert takes the caller's row lock, keeps the accepted times still inside
 * the window, appends this request's time if fewer than `limit` remain, and returns the
 * decision (lib/domain/rate-limit.ts, takeFromWindow). Parallel requests, in any number of
 * server processes, are counted one after another against one total. Times are the
 * database's clock, so processes on different machines agree; `now` and `db` are for tests.
 */
export async function takeApiRate(key: string, opts: { limit: number; windowMs: number; now?: Date; db?: Db }): Promise<RateDecision> {
  const { limit, windowMs, db = getDb() } = opts;
  const now = opts.now ? Prisma.sql`${opts.now}::timestamptz` : Prisma.sql`date_trunc('milliseconds', statement_timestamp())`;
  const window = Prisma.sql`(${windowMs}::int * interval '1 millisecond')`;
  const live = Prisma.sql`(SELECT count(*) FROM unnest(r.hits) h WHERE h > ${now} - ${window})`;
  const [row] = await db.$queryRaw<{ ok: boolean; used: number; retryMs: number | null }[]>`
    INSERT INTO "ApiRateLimit" AS r (key, hits, "lastAllowed")
    VALUES (${key}, ARRAY[${now}], true)
    ON CONFLICT (key) DO UPDATE SET
      "lastAllowed" = ${live} < ${limit}::int,
      hits = ARRAY(SELECT h FROM unnest(r.hits) h WHERE h > ${now} - ${window} ORDER BY h)
             || CASE WHEN ${live} < ${limit}::int THEN ARRAY[${now}] ELSE ARRAY[]::timestamptz[] END
    RETURNING "lastAllowed" AS ok,
      cardinality(r.hits)::int AS used,
      (extract(epoch FROM (SELECT min(h) FROM unnest(r.hits) h) + ${window} - ${now}) * 1000)::float8 AS "retryMs"`;
  return row.ok
    ? { ok: true, limit, remaining: limit - row.used, retryAfter: 0 }
    : { ok: false, limit, remaining: 0, retryAfter: Math.max(1, Math.ceil((row.retryMs ?? 0) / 1000)) };
}
