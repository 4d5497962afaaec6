import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
export type { Prisma } from "./generated/prisma/client";

export function createPrismaClient(url: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter });
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
