import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";

/**
 * Pool and transaction limits sized so a burst of users queues for a connection instead of
 * failing: a request waits up to 10 s for one (pg's pool queues; Prisma's default of 2 s to
 * start a transaction answered P2028 under 50 users), and a transaction may run 20 s (an
 * Excel import of thousands of rows). DB_POOL_MAX per process; with several instances keep
 * instances × DB_POOL_MAX below the server's max_connections (100 by default).
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

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { __parkPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForPrisma.__parkPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (npm start sets it; see README)");
    globalForPrisma.__parkPrisma = createPrismaClient(url);
  }
  return globalForPrisma.__parkPrisma;
}
