import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";

/**
 * Pool and transaction limits sized so a burst of users queues for a connection instead of
 * failing: a request waits up to 10 s for one (pg's pool queues; Prisma's default of 2 s to
 * start a transaction answered P2028 under 50 users), and a transaction may run 20 s (an
 * Excel import of thousands of rows). DB_POOL_MAX per process; with several instances keep
 * instances × (DB_POOL_MAX + DB_FIGURES_POOL_MAX) below the server's max_connections (100 by default).
 *
 * JIT compilation is off for the app's sessions: its statements are short, and a plan whose
 * estimated cost passes jit_above_cost (any statement over ~100,000 projects, e.g. the
 * figures of a month still running) paid 200–250 ms of compiling for a few ms of work
 * (docs/benchmarks.md).
 */
export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    options: "-c jit=off",
    max: Number(process.env.DB_POOL_MAX ?? 20),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}

/** At most this many distinct statements are kept prepared per connection of the figures pool. */
export const FIGURES_STATEMENT_LIMIT = 400;

/**
 * The client of the figures' read statements (the dashboard's, the indicators', the
 * bulletin's counts, trend, due list and overdue problems over the figures rollup): its own
 * small pool whose statements are prepared once per connection (named by a hash of their
 * text) and planned once, generically (plan_cache_mode=force_generic_plan). These statements
 * are few fixed texts with the scope, the period and the day as parameters; planning them
 * cost 0.5–1 ms each request, more than executing them over the rollup's rows
 * (docs/benchmarks.md § Where it stands, 2026-12-05). Everything else (writes,
 * transactions, Prisma's own queries, the raw-table statements whose best plan depends on
 * the scope's size) stays on getDb(), planned per call. DB_FIGURES_POOL_MAX connections
 * per process (default 6), beside DB_POOL_MAX.
 */
export function createFiguresClient(url: string): PrismaClient {
  const named = new Set<string>();
  const adapter = new PrismaPg(
    {
      connectionString: url,
      options: "-c jit=off -c plan_cache_mode=force_generic_plan",
      max: Number(process.env.DB_FIGURES_POOL_MAX ?? 6),
      connectionTimeoutMillis: 10_000,
      // Kept open for ten idle minutes (the main pool: 30 s): a connection's prepared
      // statements go with it, and a dashboard opened every few minutes should find them.
      idleTimeoutMillis: 600_000,
    },
    {
      // A text beyond the limit is sent unnamed (planned per call), so a connection never
      // holds an unbounded number of prepared statements.
      statementNameGenerator: (query) => {
        const name = `fig_${createHash("sha1").update(query.sql).digest("base64url").slice(0, 24)}`;
        if (!named.has(name)) {
          if (named.size >= FIGURES_STATEMENT_LIMIT) return undefined as unknown as string;
          named.add(name);
        }
        return name;
      },
    },
  );
  return new PrismaClient({ adapter });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { __parkPrisma?: PrismaClient; __parkFiguresPrisma?: { url: string; client: PrismaClient } };

export function getDb(): PrismaClient {
  if (!globalForPrisma.__parkPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it; see README)");
    globalForPrisma.__parkPrisma = createPrismaClient(url);
  }
  return globalForPrisma.__parkPrisma;
}

/** The figures' read client (createFiguresClient) for DATABASE_URL, one per process. */
export function getFiguresDb(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it; see README)");
  const held = globalForPrisma.__parkFiguresPrisma;
  if (held && held.url === url) return held.client;
  if (held) void held.client.$disconnect();
  const client = createFiguresClient(url);
  globalForPrisma.__parkFiguresPrisma = { url, client };
  return client;
}

/** Closes the figures' client, if one was opened (tests, scripts and the worker on exit). */
export async function disconnectFiguresDb(): Promise<void> {
  const held = globalForPrisma.__parkFiguresPrisma;
  globalForPrisma.__parkFiguresPrisma = undefined;
  if (held) await held.client.$disconnect();
}
