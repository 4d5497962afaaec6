// `npm run bench:import`: the Excel import and export on a fresh database (migrations).
// Times the preview and the commit of a generated 5,000-row ledger (and the re-import that
// changes nothing), and the streamed export of 20,000 projects with the process's peak RSS
// while it runs. Figures are recorded in docs/benchmarks.md. Not a test: nothing asserts.
//
//   npm run bench:import
//   BENCH_IMPORT_ROWS=10000 BENCH_EXPORT_PROJECTS=50000 npm run bench:import
import { performance } from "node:perf_hooks";
import { Writable } from "node:stream";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";
import { ledgerRow, ledgerWorkbook } from "../tests/helpers/ledger-workbook";
import { getDb } from "../lib/db/client";
import { loadActor } from "../lib/server/actor";
import { previewImport } from "../lib/server/excel/preview-import";
import { commitImport } from "../lib/server/excel/commit-import";
import { exportProjects } from "../lib/server/excel/export-projects";
import { projectFiltersSchema } from "../lib/validation/project-filters";
import { buildFigureMonths } from "../lib/server/metrics/figure-rollup";
import { todayInShanghai } from "../lib/domain/dates";

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000);
const EXPORT_PROJECTS = Number(process.env.BENCH_EXPORT_PROJECTS ?? 20_000);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

async function timed<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  console.log(`| ${name} | ${((performance.now() - t0) / 1000).toFixed(2)} s |`);
  return result;
}

async function main() {
  const database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  const db = getDb();
  try {
    const region = await db.region.create({ data: { code: "BR", name: "基准市" } });
    const park = await db.park.create({ data: { code: "BP1", name: "基准园区", regionId: region.id, level: "PROVINCIAL", type: "HIGH_TECH" } });
    const exportPark = await db.park.create({ data: { code: "BP2", name: "导出园区", regionId: region.id, level: "PROVINCIAL", type: "HIGH_TECH" } });
    const user = await db.user.create({
      data: { username: "bench_staff", name: "工作人员", passwordHash: "x", memberships: { create: [{ role: "PARK_STAFF", parkId: park.id }, { role: "PARK_STAFF", parkId: exportPark.id }] } },
    });
    const actor = (await loadActor(db, user.id))!;

    const stages = ["签约", "落地", "开工", "投产"] as const;
    const rows = Array.from({ length: IMPORT_ROWS }, (_, i) => {
      const stage = stages[i % 4];
      return ledgerRow(park.name, `基准导入项目${i}`, {
        enterpriseName: `基准企业${i % 1500}有限公司`,
        content: "年产 5 万吨新材料及配套设施",
        stage,
        registeredDate: i % 4 >= 1 ? "2025-03-20" : null,
        landedDate: i % 4 >= 1 ? "2025-04-01" : null,
        actualStartDate: i % 4 >= 2 ? "2025-06-01" : null,
        actualProductionDate: i % 4 >= 3 ? "2025-10-01" : null,
      });
    });
    // The figures rollup's months built back to 2022 (as the figures job keeps them), so the
    // import's writes add their differences to every month since each project's signing.
    await buildFigureMonths(todayInShanghai(), undefined, db, 2022 * 12);
    const file = await ledgerWorkbook(rows);
    console.log(`${IMPORT_ROWS} rows, file ${(file.length / 1024).toFixed(0)} KB; export of ${EXPORT_PROJECTS} projects\n`);
    console.log("| scenario | time |\n| --- | --- |");
    const preview = await timed(`previewImport, ${IMPORT_ROWS} new rows`, () => previewImport(actor, file));
    if (preview.errors.length > 0 || preview.toCreate !== IMPORT_ROWS) throw new Error(`unexpected preview: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    const result = await timed(`commitImport, ${IMPORT_ROWS} new rows (one transaction)`, () => commitImport(actor, file));
    if (result.created !== IMPORT_ROWS) throw new Error("not all rows created");
    await timed(`previewImport + commitImport again (${IMPORT_ROWS} unchanged)`, async () => {
      await previewImport(actor, file);
      await commitImport(actor, file);
    });

    await db.$executeRawUnsafe(`
      INSERT INTO "Enterprise" ("parkId", name, "updatedAt")
      SELECT ${exportPark.id}, '导出企业' || g || '有限公司', now() FROM generate_series(1, ${EXPORT_PROJECTS}) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, "totalInvestment", "contractInvestment", "signedDate", stage, "stageDate", content, "updatedAt")
      SELECT 'E-' || e.id, e."parkId", e.id, '导出项目' || e.id, '新材料', 1000 + e.id % 5000, 800 + e.id % 4000,
             DATE '2023-01-01' + (e.id % 1000), 'SIGNED', DATE '2023-01-01' + (e.id % 1000), '建设内容及规模说明文字，约三十个字符的一段描述', now()
      FROM "Enterprise" e WHERE e."parkId" = ${exportPark.id}`);
    await db.$executeRawUnsafe(`ANALYZE`);

    // Run with NODE_OPTIONS=--expose-gc for the heap figures: garbage is collected before and after.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    });
    const job = await exportProjects(actor, projectFiltersSchema.parse({ park: String(exportPark.id) }));
    const written = await timed(`exportProjects, ${EXPORT_PROJECTS} projects, streamed`, () => job.write(sink as never));
    clearInterval(sampler);
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    console.log(`\n${written} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB written; RSS before ${mb(before)} MB, peak during export ${mb(peak)} MB (+${mb(peak - before)} MB)`);
    if (global.gc) console.log(`heap retained after the export and a GC: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MB`);
  } finally {
    await db.$disconnect();
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
