// `npm run bench`: server-side timings of the foundation's queries on a large region.
// Builds a fresh database (migrations), fills it with synthetic data in SQL, times each
// lib/server function (median and p95 over repeated runs, after warm-up), and drops the
// database. Figures are recorded in docs/benchmarks.md. Not a test: nothing asserts on time.
//
//   npm run bench                 # 20,000 projects in 6 parks
//   BENCH_PROJECTS=5000 npm run bench
//   BENCH_KEEP=1 npm run bench     # keep the database to EXPLAIN the queries
import { performance } from "node:perf_hooks";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";
import { disconnectFiguresDb, getDb } from "../lib/db/client";
import { loadActor } from "../lib/server/actor";
import type { Actor } from "../lib/domain/permissions";
import { listParkOverview } from "../lib/server/parks/list-park-overview";
import { listProjects } from "../lib/server/projects/list-projects";
import { getProject } from "../lib/server/projects/get-project";
import { projectFiltersSchema } from "../lib/validation/project-filters";
import { boardFiltersSchema } from "../lib/validation/board-filters";
import { getBoard } from "../lib/server/board/get-board";
import { moveProjectStage } from "../lib/server/projects/move-project-stage";
import { hashPassword } from "../lib/server/auth/password";
import { todayInShanghai } from "../lib/domain/dates";
import { timeBoardPage } from "./lib/bench-http";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;

async function generate() {
  const db = getDb();
  await db.$executeRawUnsafe(`INSERT INTO "Region" (code, name) VALUES ('BR', '基准市')`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Park" (code, name, "regionId", level, type, "updatedAt")
    SELECT 'BP' || g, '基准园区' || g, (SELECT id FROM "Region" WHERE code = 'BR'), 'PROVINCIAL', 'HIGH_TECH', now()
    FROM generate_series(1, 7) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (username, name, "passwordHash", "updatedAt") VALUES
      ('bench_admin', '管理员', 'x', now()), ('bench_staff', '工作人员', 'x', now()), ('bench_liaison', '联络员', 'x', now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Membership" ("userId", role, "parkId", "regionId")
    SELECT u.id, m.role::"Role", m.park, NULL FROM (VALUES
      ('bench_admin', 'ADMIN', NULL::int),
      ('bench_staff', 'PARK_STAFF', (SELECT id FROM "Park" WHERE code = 'BP1')),
      ('bench_liaison', 'LIAISON', (SELECT id FROM "Park" WHERE code = 'BP1')),
      ('bench_staff', 'PARK_STAFF', (SELECT id FROM "Park" WHERE code = 'BP7'))) m(username, role, park)
    JOIN "User" u ON u.username = m.username`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Enterprise" ("parkId", name, "updatedAt")
    SELECT p.id, '基准企业' || g || '有限公司', now()
    FROM generate_series(1, ${PROJECTS}) g JOIN "Park" p ON p.code = 'BP' || (1 + g % 6)`);
  // Park 7: exactly 500 projects, the size the board's target is stated for.
  await db.$executeRawUnsafe(`
    INSERT INTO "Enterprise" ("parkId", name, "updatedAt")
    SELECT (SELECT id FROM "Park" WHERE code = 'BP7'), '五百企业' || g || '有限公司', now() FROM generate_series(1, 500) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, "keyLevel", "totalInvestment", "contractInvestment",
                           "signedDate", stage, "stageDate", status, "updatedAt")
    SELECT 'B-' || e.id, e."parkId", e.id,
           (ARRAY['年产5万吨锂电池材料项目','智能装备产业园项目','生物医药研发基地项目','农产品精深加工项目'])[1 + e.id % 4] || e.id,
           (ARRAY['新材料','电子信息','生物医药','农产品精深加工','新能源','精细化工'])[1 + e.id % 6],
           (ARRAY['NONE','NONE','COUNTY','CITY','PROVINCIAL'])[1 + e.id % 5]::"KeyLevel",
           1000 + (e.id * 7919 % 300000), 800 + (e.id * 7919 % 250000),
           DATE '2022-01-01' + (e.id % 1400),
           (ARRAY['SIGNED','LANDED','STARTED','PRODUCING'])[1 + e.id % 4]::"Stage",
           DATE '2022-01-01' + (e.id % 1400),
           (CASE WHEN e.id % 29 = 0 THEN 'TERMINATED' WHEN e.id % 31 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END)::"ProjectStatus",
           now()
    FROM "Enterprise" e WHERE e.name LIKE '基准企业%' OR e.name LIKE '五百企业%'`);
  // Every project has a liaison; bench_liaison covers one in twenty of park 1's.
  await db.$executeRawUnsafe(`
    INSERT INTO "Assignment" ("parkId", role, "userId", "projectId", "startDate")
    SELECT p."parkId", 'LIAISON',
           CASE WHEN p.id % 20 = 0 AND pk.code = 'BP1' THEN (SELECT id FROM "User" WHERE username = 'bench_liaison')
                ELSE (SELECT id FROM "User" WHERE username = 'bench_staff') END,
           p.id, p."signedDate"
    FROM "Project" p JOIN "Park" pk ON pk.id = p."parkId"`);
  await db.$executeRawUnsafe(`ANALYZE`);
}

async function time(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  row(name, samples);
}

function row(name: string, samples: number[]) {
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  console.log(`| ${name} | ${pick(0.5).toFixed(1)} | ${pick(0.95).toFixed(1)} |`);
}

async function actor(username: string): Promise<Actor> {
  const user = await getDb().user.findUniqueOrThrow({ where: { username } });
  return (await loadActor(getDb(), user.id))!;
}

async function main() {
  const database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const t0 = performance.now();
    await generate();
    console.log(`generated ${PROJECTS} projects in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs after ${WARMUP} warm-up\n`);
    const [admin, staff, liaison] = await Promise.all([actor("bench_admin"), actor("bench_staff"), actor("bench_liaison")]);
    const someProject = await getDb().project.findFirstOrThrow({ where: { park: { code: "BP1" } }, select: { id: true } });
    const f = (raw: Record<string, unknown>) => projectFiltersSchema.parse(raw);

    console.log("| scenario | median ms | p95 ms |\n| --- | --- | --- |");
    await time("listParkOverview, admin, all parks", () => listParkOverview(admin));
    await time("listParkOverview, park staff, one park", () => listParkOverview(staff));
    await time("listProjects, admin, page 1 of all", () => listProjects(admin, f({})));
    await time("listProjects, admin, page 200", () => listProjects(admin, f({ page: 200, pageSize: 50 })));
    await time("listProjects, staff, stage + industry filter", () => listProjects(staff, f({ stage: "STARTED", industry: "新材料" })));
    await time("listProjects, staff, text search", () => listProjects(staff, f({ q: "锂电池" })));
    await time("listProjects, liaison (assigned only)", () => listProjects(liaison, f({})));
    await time("getProject, staff", () => getProject(staff, someProject.id));

    const park7 = await getDb().park.findUniqueOrThrow({ where: { code: "BP7" }, select: { id: true } });
    const park1 = await getDb().park.findUniqueOrThrow({ where: { code: "BP1" }, select: { id: true } });
    await time("getBoard, park of 500 projects", () => getBoard(staff, boardFiltersSchema.parse({ park: park7.id })));
    await time("getBoard, park of 3,333 projects", () => getBoard(staff, boardFiltersSchema.parse({ park: park1.id })));
    await time("getBoard, park of 500, stale + text filter", () => getBoard(staff, boardFiltersSchema.parse({ park: park7.id, stale: "1", q: "项目" })));

    // Stage moves: each run advances a different signed project of park 7 to 落地.
    const signed = await getDb().project.findMany({
      where: { parkId: park7.id, stage: "SIGNED", status: "ACTIVE" },
      select: { id: true, version: true, signedDate: true },
      take: WARMUP + RUNS,
    });
    const today = todayInShanghai();
    let next = 0;
    await time("moveProjectStage 签约→落地, park of 500", async () => {
      const p = signed[next++];
      await moveProjectStage(staff, { projectId: p.id, version: p.version, toStage: "LANDED", landed: { date: today, registrationDate: today } });
    });

    await getDb().user.update({ where: { username: "bench_staff" }, data: { passwordHash: await hashPassword("Bench@2026") } });
    await timeBoardPage({ databaseUrl: database.url, username: "bench_staff", password: "Bench@2026", paths: [`/board?park=${park7.id}`, `/board?park=${park1.id}`], runs: RUNS, warmup: WARMUP, report: (name, samples) => row(name, samples) });
  } finally {
    await getDb().$disconnect();
    await disconnectFiguresDb();
    if (process.env.BENCH_KEEP === "1") console.log(`\nkept ${database.url}`);
    else await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
