import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIGURES_STATEMENT_LIMIT, createFiguresClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";

// The figures' read client (lib/db/client.ts): its statements are prepared once per
// connection, named by their text, and planned generically; past the limit a new text is
// sent unnamed, so a connection never holds an unbounded number of prepared statements.
describe("createFiguresClient", () => {
  let client: ReturnType<typeof createFiguresClient>;
  const previous = process.env.DB_FIGURES_POOL_MAX;

  beforeAll(() => {
    process.env.DB_FIGURES_POOL_MAX = "1"; // one connection: pg_prepared_statements shows its statements
    client = createFiguresClient(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    await client.$disconnect();
    if (previous === undefined) delete process.env.DB_FIGURES_POOL_MAX;
    else process.env.DB_FIGURES_POOL_MAX = previous;
  });

  const prepared = () =>
    client.$queryRaw<{ name: string; generic_plans: number; custom_plans: number }[]>(
      Prisma.sql`SELECT name, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name LIKE 'fig\\_%' ORDER BY name`,
    );

  it("prepares a statement once, plans it generically, and gives the same rows as an ad-hoc statement", async () => {
    const q = (n: number) => Prisma.sql`SELECT g AS n FROM generate_series(1, ${n}::int) g WHERE g % 2 = 0 ORDER BY g`;
    expect(await client.$queryRaw(q(6))).toEqual([{ n: 2 }, { n: 4 }, { n: 6 }]);
    expect(await client.$queryRaw(q(3))).toEqual([{ n: 2 }]);
    // The two calls with different parameters ran one prepared statement, with generic plans only.
    const [stmt] = (await prepared()).filter((r) => r.generic_plans >= 2);
    expect(stmt).toBeDefined();
    expect(stmt.custom_plans).toBe(0);
    const [{ mode }] = await client.$queryRaw<{ mode: string }[]>(Prisma.sql`SELECT current_setting('plan_cache_mode') AS mode`);
    expect(mode).toBe("force_generic_plan");
  });

  it(`keeps at most ${FIGURES_STATEMENT_LIMIT} statements prepared on a connection; later texts still answer`, async () => {
    for (let i = 0; i < FIGURES_STATEMENT_LIMIT + 20; i++) {
      const [row] = await client.$queryRawUnsafe<{ v: number }[]>(`SELECT $1::int + ${i} AS v`, 1);
      expect(row.v).toBe(1 + i);
    }
    expect((await prepared()).length).toBe(FIGURES_STATEMENT_LIMIT);
  });
});
