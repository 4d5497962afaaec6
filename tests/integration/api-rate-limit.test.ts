import { afterAll, describe, expect, it } from "vitest";
import { type Db, createPrismaClient, getDb } from "@/lib/db/client";
import { takeFromWindow } from "@/lib/domain/rate-limit";
import { takeApiRate } from "@/lib/server/rate-limit/take-api-rate";
import { unique } from "../helpers/factories";

// Two app processes on one database: two Prisma clients, each with its own connection pool.
const second: Db = createPrismaClient(process.env.DATABASE_URL!);
afterAll(() => second.$disconnect());

describe("API rate limit in PostgreSQL", () => {
  it("150 parallel requests over two processes: exactly the limit is accepted", async () => {
    const key = unique("token");
    const limit = 120;
    const decisions = await Promise.all(Array.from({ length: 150 }, (_, i) => takeApiRate(key, { limit, windowMs: 60_000, db: i % 2 ? second : getDb() })));
    expect(decisions.filter((d) => d.ok)).toHaveLength(limit);
    const refused = decisions.filter((d) => !d.ok);
    expect(refused).toHaveLength(30);
    for (const d of refused) {
      expect(d.remaining).toBe(0);
      expect(d.retryAfter).toBeGreaterThanOrEqual(59);
      expect(d.retryAfter).toBeLessThanOrEqual(60);
    }
    // Each accepted request saw a different count: remaining runs 119 … 0 once each.
    expect(decisions.filter((d) => d.ok).map((d) => d.remaining).sort((a, b) => a - b)).toEqual(Array.from({ length: limit }, (_, i) => i));
    // Callers are counted apart.
    expect((await takeApiRate(unique("token"), { limit, windowMs: 60_000 })).ok).toBe(true);
  });

  it("the SQL equals the rule (lib/domain/rate-limit.ts) over a sequence of requests", async () => {
    const key = unique("seq");
    const t0 = new Date("2026-11-28T08:00:00Z").getTime();
    const offsets = [0, 0, 10, 500, 900, 999, 1000, 1001, 1500, 1999, 2000, 2001, 2002, 3500, 9000];
    const [limit, windowMs] = [3, 1000];
    let hits: number[] = [];
    for (const offset of offsets) {
      const now = t0 + offset;
      const expected = takeFromWindow(hits, now, limit, windowMs);
      hits = expected.hits;
      expect(await takeApiRate(key, { limit, windowMs, now: new Date(now) }), `at +${offset} ms`).toEqual(expected.decision);
      const row = await getDb().apiRateLimit.findUniqueOrThrow({ where: { key } });
      expect(row.hits.map((h) => h.getTime()).sort(), `at +${offset} ms`).toEqual([...hits].sort());
    }
  });
});
