// `npm run db:backup [-- --out <file>]`: a backup of the application's data (see
// scripts/lib/backup.ts for the format). Default file: backups/park-pipeline-<time>.ppbak.gz.
// Database: DATABASE_URL, else the embedded one (while `npm start` runs, or started for the moment).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeBackup } from "./lib/backup";
import { openDatabaseTarget } from "./lib/database-target";
import { ROOT } from "./lib/run.mjs";

function defaultFile(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return path.join(ROOT, "backups", `park-pipeline-${stamp}.ppbak.gz`);
}

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  const file = path.resolve(values.out ?? defaultFile());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const target = await openDatabaseTarget();
  try {
    const started = Date.now();
    const { rows } = await writeBackup(target.url, file);
    const total = Object.values(rows).reduce((a, b) => a + b, 0);
    const size = fs.statSync(file).size;
    console.log(
      `[db:backup] 已备份 ${Object.keys(rows).length} 张表 ${total} 行到 ${path.relative(process.cwd(), file)}（${(size / 1024 / 1024).toFixed(1)} MB，${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    );
  } finally {
    await target.release();
  }
}

main().catch((e: unknown) => {
  console.error(`[db:backup] 备份失败：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
