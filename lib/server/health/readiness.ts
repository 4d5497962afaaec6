import "server-only";
import fs from "node:fs";
import path from "node:path";
import { type Db, getDb } from "@/lib/db/client";
import { logger } from "@/lib/server/logger";

// Readiness for a load balancer or systemd's health check: this instance can serve only when
// its database answers and holds every migration this build was made with. The build bakes
// the names of prisma/migrations into PARK_MIGRATIONS (next.config.mjs); without a build
// (tests, tsx scripts) the folder is read.

export type Readiness =
  | { ready: true; migrations: { expected: number; applied: number } }
  | { ready: false; reason: { zh: string; en: string } };

/** The migrations this build expects, oldest first. */
export function expectedMigrations(): string[] {
  const baked = process.env.PARK_MIGRATIONS;
  if (baked) return baked.split(",").filter(Boolean);
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

interface MigrationRow {
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
}

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), ms)))]).finally(() => clearTimeout(timer));
}

const notReady = (zh: string, en: string): Readiness => ({ ready: false, reason: { zh, en } });

export async function checkReadiness(opts: { db?: Db; expected?: string[]; timeoutMs?: number } = {}): Promise<Readiness> {
  const expected = opts.expected ?? expectedMigrations();
  let rows: MigrationRow[];
  try {
    rows = await withTimeout(
      (opts.db ?? getDb()).$queryRaw<MigrationRow[]>`
        SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
        FROM _prisma_migrations`,
      opts.timeoutMs ?? 3_000,
    );
  } catch (err) {
    if (err instanceof Timeout) {
      logger.warn("readiness: database did not answer in time");
      return notReady("数据库在 3 秒内没有响应", "The database did not answer in time.");
    }
    const text = String((err as { message?: unknown })?.message ?? err);
    if (/_prisma_migrations/.test(text) && /does not exist|42P01/.test(text)) {
      return notReady("数据库尚未迁移：请运行 npx prisma migrate deploy", "The database has no migrations applied; run `prisma migrate deploy`.");
    }
    logger.warn({ err }, "readiness: database unreachable");
    return notReady("无法连接数据库", "The database is unreachable.");
  }

  const failed = rows.filter((r) => !r.finished && !r.rolled_back).map((r) => r.migration_name);
  if (failed.length > 0) {
    logger.warn({ failed }, "readiness: failed migrations");
    return notReady(`有 ${failed.length} 个迁移执行失败，需要人工处理 (prisma migrate resolve)`, `${failed.length} migration(s) failed; resolve them with \`prisma migrate resolve\`.`);
  }
  const applied = new Set(rows.filter((r) => r.finished && !r.rolled_back).map((r) => r.migration_name));
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length > 0) {
    logger.warn({ missing }, "readiness: migrations not applied");
    return notReady(`数据库缺少 ${missing.length} 个迁移：请运行 npx prisma migrate deploy`, `${missing.length} migration(s) of this build are not applied; run \`prisma migrate deploy\`.`);
  }
  return { ready: true, migrations: { expected: expected.length, applied: applied.size } };
}
