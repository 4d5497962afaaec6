// `npm run bench:dashboard` (also run by `npm run bench`): the leaders' dashboard on a
// generated region of 20,000 projects and 400,000 monthly progress rows. Builds a fresh
// database, fills it in SQL (generate_series), then in the same run times
//   1. the dashboard's server work as the page does it (getDashboard: the headline, park
//      and industry counts in one GROUPING SETS statement, the 应开工未开工 list, the
//      trend, the parks and the overdue problems, in parallel), and
//   2. PostgreSQL alone on the same statements: the same SQL text and parameters sent
//      through a pg pool (in parallel, like the page), and the EXPLAIN ANALYZE execution
//      times of each statement,
// and prints median/p95 and the ratio of 1 to 2. Not a test: nothing asserts on time.
//
//   npm run bench:dashboard
//   BENCH_PROJECTS=5000 BENCH_REPORTS_PER_PROJECT=20 npm run bench:dashboard
//   BENCH_KEEP=1 npm run bench:dashboard    # keep the database to EXPLAIN the queries
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";
import { getDb } from "../lib/db/client";
import type { Prisma } from "../lib/db/generated/prisma/client";
import { loadActor } from "../lib/server/actor";
import type { Actor } from "../lib/domain/permissions";
import { getDashboard } from "../lib/server/metrics/get-dashboard";
import { getIndicators, dueNotStartedQuery } from "../lib/server/metrics/get-indicators";
import { getParkRanking } from "../lib/server/metrics/get-park-ranking";
import { monthlyTrendQuery } from "../lib/server/metrics/get-monthly-trend";
import { rawCountsQuery, scopeParkIds } from "../lib/server/metrics/indicator-sql";
import { resolveIndicatorScope, type IndicatorScope } from "../lib/validation/indicator-scope";
import { todayInShanghai } from "../lib/domain/dates";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const REPORTS_PER_PROJECT = Number(process.env.BENCH_REPORTS_PER_PROJECT ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;
const PARKS = 8;

async function generate() {
  const db = getDb();
  await db.$executeRawUnsafe(`INSERT INTO "Region" (code, name) VALUES ('DR', '驾驶舱基准市')`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Park" (code, name, "regionId", level, type, "updatedAt")
    SELECT 'DP' || g, '基准园区' || g, (SELECT id FROM "Region" WHERE code = 'DR'), 'PROVINCIAL', 'HIGH_TECH', now()
    FROM generate_series(1, ${PARKS}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (username, name, "passwordHash", "updatedAt") VALUES ('bench_region', '市领导', 'x', now()), ('bench_filer', '填报人', 'x', now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Membership" ("userId", role, "regionId") SELECT u.id, 'REGION_LEADER', (SELECT id FROM "Region" WHERE code = 'DR') FROM "User" u WHERE u.username = 'bench_region'`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Enterprise" ("parkId", name, "updatedAt")
    SELECT p.id, '驾驶舱企业' || g || '有限公司', now() FROM generate_series(1, ${PROJECTS}) g JOIN "Park" p ON p.code = 'DP' || (1 + g % ${PARKS})`);
  // Signed over five years (2022..2026-11); stages, statuses and dates spread by id.
  await db.$executeRawUnsafe(`
    INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, "keyLevel", "totalInvestment", "contractInvestment",
                           "investmentCompletedBefore", "fundsArrivedBefore", "signedDate", "plannedStartDate", "actualStartDate",
                           "actualProductionDate", stage, "stageDate", status, "statusReason", "updatedAt")
    SELECT 'D-' || e.id, e."parkId", e.id, '基准项目' || e.id,
           (ARRAY['新材料','电子信息','生物医药','农产品精深加工','新能源','精细化工','装备制造','现代物流'])[1 + e.id % 8],
           (ARRAY['NONE','NONE','COUNTY','CITY','PROVINCIAL'])[1 + e.id % 5]::"KeyLevel",
           1000 + (e.id * 7919 % 300000), 800 + (e.id * 7919 % 250000), (e.id % 7) * 100, (e.id % 5) * 80,
           s.signed, s.signed + 60 + e.id % 200,
           CASE WHEN s.stage IN ('STARTED', 'PRODUCING') THEN s.signed + 70 + e.id % 200 END,
           CASE WHEN s.stage = 'PRODUCING' THEN s.signed + 300 + e.id % 200 END,
           s.stage::"Stage", s.signed, s.status::"ProjectStatus",
           CASE WHEN s.status = 'SUSPENDED' THEN '资金未到位' END, now()
    FROM "Enterprise" e
    CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + (e.id * 37 % 1790) AS signed,
                               (ARRAY['SIGNED','LANDED','STARTED','PRODUCING'])[1 + e.id % 4] AS stage,
                               CASE WHEN e.id % 29 = 0 THEN 'TERMINATED' WHEN e.id % 31 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END AS status) s
    WHERE e.name LIKE '驾驶舱企业%'`);
  // A 2026 plan for two projects in five.
  await db.$executeRawUnsafe(`
    INSERT INTO "ProjectYearPlan" ("projectId", year, "plannedInvestment", "planStart", "planProduction")
    SELECT p.id, 2026, 500 + p.id % 5000, p.stage IN ('SIGNED', 'LANDED') OR p.id % 3 = 0, p.stage = 'STARTED' OR p.id % 7 = 0
    FROM "Project" p WHERE p.id % 5 IN (0, 2)`);
  // REPORTS_PER_PROJECT consecutive months per project, ending at 2026-10 (400,000 rows for 20,000 projects).
  await db.$executeRawUnsafe(`
    INSERT INTO "ProgressReport" ("projectId", year, month, "investmentCompleted", "fundsArrived", problems, "filedById", "updatedAt")
    SELECT p.id, (2026 * 12 + 9 - k) / 12, (2026 * 12 + 9 - k) % 12 + 1, (p.id * 13 + k * 7) % 900, (p.id * 11 + k * 3) % 600,
           CASE WHEN k = 0 AND p.id % 4 = 0 THEN '用地手续办理中' END, (SELECT id FROM "User" WHERE username = 'bench_filer'), now()
    FROM "Project" p CROSS JOIN generate_series(0, ${REPORTS_PER_PROJECT - 1}) k`);
  await db.$executeRawUnsafe(`ANALYZE`);
  const [counts] = await db.$queryRawUnsafe<{ projects: number; reports: number; plans: number }[]>(
    `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProgressReport")::int AS reports, (SELECT count(*) FROM "ProjectYearPlan")::int AS plans`,
  );
  return counts;
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: pick(0.5), p95: pick(0.95) };
}

async function sample(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const row = (name: string, samples: number[]) => {
  const { median, p95 } = stats(samples);
  console.log(`| ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
  return median;
};

async function main() {
  const database = await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  try {
    const t0 = performance.now();
    const counts = await generate();
    console.log(`generated ${counts.projects} projects, ${counts.reports} progress reports, ${counts.plans} year plans in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs after ${WARMUP} warm-up\n`);
    const user = await getDb().user.findUniqueOrThrow({ where: { username: "bench_region" } });
    const actor = (await loadActor(getDb(), user.id)) as Actor;
    const today = todayInShanghai();
    const region = await getDb().region.findUniqueOrThrow({ where: { code: "DR" } });
    const park = await getDb().park.findUniqueOrThrow({ where: { code: "DP1" } });
    const scopes: [string, IndicatorScope][] = [
      ["region, 2026 Jan–Oct", resolveIndicatorScope({ year: 2026, through: 10 }, today)],
      ["region (by id), 2026 Jan–Oct", resolveIndicatorScope({ region: region.id, year: 2026, through: 10 }, today)],
      ["one park, 2026 Jan–Oct", resolveIndicatorScope({ park: park.id, year: 2026, through: 10 }, today)],
    ];

    console.log("| scenario | median ms | p95 ms |\n| --- | --- | --- |");
    const ratios: string[] = [];
    for (const [label, scope] of scopes) {
      const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
      // The same statements, as PostgreSQL gets them, through a plain pg pool.
      const parkIds = await scopeParkIds(actor, scope);
      const statements: [string, Prisma.Sql][] = [
        ["counts (whole, per park, per industry)", rawCountsQuery(actor, parkIds, period, today, ["none", "park", "industry"])],
        ["应开工未开工 list", dueNotStartedQuery(actor, parkIds, period, today)],
        ["trend", monthlyTrendQuery(actor, parkIds, scope, today)],
      ];
      const raw = () => Promise.all(statements.map(([, q]) => pool.query(q.text, q.values)));
      // Interleaved (server, then PostgreSQL alone, in every iteration) so both see the
      // same load on a shared machine; the ratio is taken per iteration.
      for (let i = 0; i < WARMUP; i++) {
        await getDashboard(actor, scope, today);
        await raw();
      }
      const server: number[] = [];
      const alone: number[] = [];
      const perRun: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        await getDashboard(actor, scope, today);
        server.push(performance.now() - t);
        t = performance.now();
        await raw();
        alone.push(performance.now() - t);
        perRun.push(server[i] / alone[i]);
      }
      const serverMedian = row(`dashboard server time (getDashboard), ${label}`, server);
      const rawMedian = row(`PostgreSQL alone: the same ${statements.length} aggregate statements in parallel (pg), ${label}`, alone);
      const ratioMedian = stats(perRun).median;
      if (label.startsWith("region,")) {
        row(`  getIndicators alone (API, bulletin), ${label}`, await sample(() => getIndicators(actor, scope, today)));
        row(`  getParkRanking alone (bulletin), ${label}`, await sample(() => getParkRanking(actor, scope, today)));
      }
      const execTimes: number[] = [];
      for (const [name, q] of statements) {
        const samples: number[] = [];
        for (let i = 0; i < 5; i++) {
          const res = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values);
          samples.push((res.rows[0]["QUERY PLAN"] as { "Execution Time": number }[])[0]["Execution Time"]);
        }
        const { median } = stats(samples);
        execTimes.push(median);
        console.log(`|   EXPLAIN ANALYZE execution time: ${name} | ${median.toFixed(1)} | |`);
      }
      ratios.push(
        `${label}: server ${serverMedian.toFixed(1)} ms; same SQL via pg ${rawMedian.toFixed(1)} ms → ratio of medians ${(serverMedian / rawMedian).toFixed(2)}x, ` +
          `median of per-run ratios ${ratioMedian.toFixed(2)}x ` +
          `(sum of EXPLAIN ANALYZE execution times ${execTimes.reduce((a, b) => a + b, 0).toFixed(1)} ms, slowest ${Math.max(...execTimes).toFixed(1)} ms)`,
      );
    }
    console.log("\n" + ratios.join("\n"));
  } finally {
    await pool.end();
    await getDb().$disconnect();
    if (process.env.BENCH_KEEP === "1") console.log(`\nkept ${database.url}`);
    else await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
