// `npm run db:restore -- <file> [--replace]`: restores a backup made by `npm run db:backup`
// into DATABASE_URL or the embedded database. The database must hold no tables yet (a
// fresh one); `--replace` first drops everything in its public schema. The schema is built
// by `prisma migrate deploy`, the rows load in one transaction, the row counts are checked
// against the backup, and the database is vacuumed and analyzed. Stop the app (npm start)
// before restoring into its database.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { databaseHasData, loadBackup, verifyBackup } from "./lib/backup";
import { openDatabaseTarget } from "./lib/database-target";
import { bin, run } from "./lib/run.mjs";

async function dropPublicSchema(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE after the load: a restored database has no statistics and no visibility map
 * until autovacuum gets to it, and the figures' and red lists' plans depend on both
 * (docs/deployment.md § The database).
 */
async function vacuumAnalyze(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

async function main() {
  const { values, positionals } = parseArgs({ options: { replace: { type: "boolean" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new Error("请指定备份文件，例如 npm run db:restore -- backups/park-pipeline-20261128-020000.ppbak.gz");
  const file = path.resolve(positionals[0]);
  const header = await verifyBackup(file); // a damaged file is refused before anything changes
  const target = await openDatabaseTarget();
  try {
    if (await databaseHasData(target.url)) {
      if (!values.replace) throw new Error("目标数据库已有数据表：请恢复到一个新建的空数据库，或加 --replace 先清空它 (the database is not empty: use a fresh one, or --replace)");
      await dropPublicSchema(target.url);
    }
    await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: target.url }, quiet: true });
    const rows = await loadBackup(target.url, file);
    console.log("[db:restore] 整理并统计各表（VACUUM ANALYZE）…");
    await vacuumAnalyze(target.url);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    console.log(`[db:restore] 已恢复 ${Object.keys(rows).length} 张表 ${total} 行（备份时间 ${header.createdAt}）`);
  } finally {
    await target.release();
  }
}

main().catch((e: unknown) => {
  console.error(`[db:restore] 恢复失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
