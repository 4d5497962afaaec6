// `npm run bench:dashboard` (also run by `npm run bench`): the leaders' dashboard and the
// monthly bulletin on a generated region (BENCH_PROJECTS projects, default 20,000, in 8 parks,
// BENCH_REPORTS_PER_PROJECT monthly reports each, default 20: 400,000), filled in SQL
// (generate_series) with the triggers off, then the figures rollup rebuilt and its months
// built as the figures job does. In the same run it times, interleaved run by run (the
// machine is shared) with what each is compared with
//   1. the page's server work: getDashboard (whole region, region by id, one park; also
//      BENCH_IN_A_ROW times in a row, default 200) and getBulletin (whole region, October
//      and September);
//   2. PostgreSQL alone on the page's statements (the same SQL through a pg pool);
//   3. the floor: a bare scan (count and one sum, the same indexes) of the rows those
//      statements must read — the month's rollup rows in scope, the trend's rollup rows of
//      the year's months and its starts and productions, the due list's rows of
//      ProjectFigures and the listed ones' ledger rows, and for the bulletin's red list
//      October's red counts (red-sets.ts, built first as the figures job does) and the first
//      park's projects walked in code order for the page, with their stored rows and facts
//      (computed live, every project's facts: also timed); the
//      same for the warnings page's red list of today; a second floor through the
//      dashboard's own path (pageFloor);
//   4. the same figures from the raw tables (the code before the rollup: every project and
//      report in scope, with its own floor), sent as that code sent them (JIT on), and the
//      red lists computed live: each interleaved with its own floor in a block of its own,
//      after the page's, so that the raw-table scans of the ledger and its reports (0.2–2.3
//      s, code no page runs any more) and the live lists' reads of every project are not
//      between the page's calls;
//   5. the projects behind the figures (metricProjectIds, figureProjectIds, a drill-down
//      list page) next to a bare scan of the scope's ProjectFigures rows and the same ids
//      from the raw tables;
// and prints median/p95, the ratios, EXPLAIN ANALYZE times of each statement and the load
// average. Not a test: nothing asserts on time.
//
//   npm run bench:dashboard
//   BENCH_PROJECTS=100000 BENCH_REPORTS_PER_PROJECT=20 npm run bench:dashboard
//   BENCH_KEEP=1 npm run bench:dashboard             # keep the database to EXPLAIN the queries
//   BENCH_DATABASE_URL=postgresql://… npm run bench:dashboard   # time a kept database again
//   BENCH_WARMUP=10 …                                # more warm-up runs (default 3): the figures pool fully prepared
//   BENCH_IN_A_ROW=500 …                             # the dashboard's calls in a row (default 200)
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";
import { disconnectFiguresDb, getDb } from "../lib/db/client";
import type { Prisma } from "../lib/db/generated/prisma/client";
import { loadActor } from "../lib/server/actor";
import type { Actor } from "../lib/domain/permissions";
import { getDashboard } from "../lib/server/metrics/get-dashboard";
import { DUE_LIST_LIMIT, dueNotStartedQuery } from "../lib/server/metrics/get-indicators";
import { getBulletin } from "../lib/server/bulletin/get-bulletin";
import { monthlyTrendQuery, rawMonthlyTrendQuery } from "../lib/server/metrics/get-monthly-trend";
import { figuresDbFor, rawCountsQuery, scopeParkIds } from "../lib/server/metrics/indicator-sql";
import { figureCountsQuery, figureMetricIdsQuery, periodMonthIndex } from "../lib/server/metrics/figure-sql";
import { buildFigureMonths } from "../lib/server/metrics/figure-rollup";
import { listRedProjects } from "../lib/server/warnings/list-red-projects";
import { refreshRedSets } from "../lib/server/warnings/red-sets";
import { metricProjectIds, rawMetricProjectIdsQuery } from "../lib/server/metrics/drill-down";
import { figureProjectIds } from "../lib/server/bulletin/figure-ids";
import { listProjects } from "../lib/server/projects/list-projects";
import { projectFiltersSchema } from "../lib/validation/project-filters";
import { dueAsOf, type IndicatorPeriod } from "../lib/domain/indicators";
import { resolveIndicatorScope, type IndicatorScope } from "../lib/validation/indicator-scope";
import { todayInShanghai } from "../lib/domain/dates";
import { monthIndex, monthOf } from "../lib/domain/filing";
import { publishBulletin } from "../lib/server/bulletin/publish-bulletin";
import { currentPublishedBulletin, getPublishedBulletinContent } from "../lib/server/bulletin/published-bulletin";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 20_000);
const REPORTS_PER_PROJECT = Number(process.env.BENCH_REPORTS_PER_PROJECT ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
// Runs of every scenario before the timed ones. With more (BENCH_WARMUP=10) every connection
// of the figures pool has the page's statements prepared, as on a server in steady use.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
// The dashboard is also called this many times in a row (after as many to warm up), as a
// server that serves only it would: a page of a few milliseconds is not in a steady state
// after BENCH_WARMUP runs interleaved with the others.
const IN_A_ROW = Number(process.env.BENCH_IN_A_ROW ?? 200);
const PARKS = 8;

async function generate(url: string) {
  // One session with the triggers off (data in bulk, as a restore would load it), then the
  // figures rollup rebuilt from the raw tables and its months built, as the figures job does.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET session_replication_role = replica`);
  const db = { $executeRawUnsafe: (sql: string) => client.query(sql) };
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
  await client.query(`SET session_replication_role = origin`);
  const t0 = performance.now();
  await client.query(`SELECT rebuild_figures()`);
  const facts = performance.now() - t0;
  await client.end();
  const months = await buildFigureMonths(todayInShanghai());
  await getDb().$executeRawUnsafe(`ANALYZE`);
  console.log(`figures rollup: facts and report sums rebuilt in ${(facts / 1000).toFixed(1)} s, ${months.length} months built in ${((performance.now() - t0 - facts) / 1000).toFixed(1)} s`);
}

const loadavg = () => os.loadavg().map((x) => x.toFixed(2)).join(", ");

type Stmt = [string, Prisma.Sql | string];

/**
 * The floor of the raw-table SQL (the code before the figures rollup): a bare scan of the
 * rows its figures are made of — the projects in scope and every report up to the period's
 * end of those projects — as cheap as PostgreSQL reads them: no as-of rule, no FILTERs.
 */
function rawFloor(parkIds: number[], p: Pick<IndicatorPeriod, "year" | "through">): Stmt[] {
  const parks = `'{${parkIds.join(",")}}'::int[]`;
  return [
    ["projects in scope", `SELECT count(*), sum("contractInvestment") FROM "Project" WHERE "parkId" = ANY(${parks})`],
    [
      "their reports to the period's end",
      `SELECT count(*), sum(rp."investmentCompleted") FROM "ProgressReport" rp WHERE (rp.year < ${p.year} OR (rp.year = ${p.year} AND rp.month <= ${p.through}))
         AND rp."projectId" IN (SELECT id FROM "Project" WHERE "parkId" = ANY(${parks}))`,
    ],
  ];
}

/**
 * The floor of the figures the pages read now: a bare scan (count and one sum, the same
 * index) of the rows each statement must read — the month's rollup rows of the parks in
 * scope; for the trend the rollup rows of the year's months and the December before (its
 * signings are the differences of built months' sums; here every month is built and over
 * by the day, so no signing is read from ProjectFigures), the year's starts and productions
 * of ProjectFigures and the year's ReportRollup rows; for the 应开工未开工 list the due
 * projects' rows in planned start order, as many as the list reads, and the listed ones'
 * ledger rows, park and latest report.
 */
function figureFloor(parkIds: number[], p: IndicatorPeriod, today: string, dueRowsRead: number): Stmt[] {
  const parks = `'{${parkIds.join(",")}}'::int[]`;
  const ym = periodMonthIndex(p);
  const from = `DATE '${p.year}-01-01'`;
  const to = `DATE '${dueAsOf(p, today)}'`;
  return [
    ["rollup rows of the month", `SELECT count(*), sum("contractInvestment") FROM "FigureRollup" WHERE ym = ${ym} AND "parkId" = ANY(${parks})`],
    [
      "trend rows",
      `SELECT (SELECT count(*) FROM "FigureRollup" WHERE "parkId" = ANY(${parks}) AND ym BETWEEN ${p.year * 12 - 1} AND ${ym})
            + (SELECT count(*) FROM "ProjectFigures" WHERE "parkId" = ANY(${parks}) AND "startedOn" BETWEEN ${from} AND ${to})
            + (SELECT count(*) FROM "ProjectFigures" WHERE "parkId" = ANY(${parks}) AND "producedOn" BETWEEN ${from} AND ${to})
            + (SELECT count(*) FROM "ReportRollup" WHERE "parkId" = ANY(${parks}) AND ym BETWEEN ${p.year * 12} AND ${ym})`,
    ],
    [
      "due list rows",
      // The due projects' rows in planned-start order, as many as the list reads to find its
      // DUE_LIST_LIMIT, and for those listed their ledger row, park and latest report (the
      // reason the list shows).
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM "ProjectFigures" WHERE "parkId" = ANY(${parks}) AND "plannedStartDate" <= ${to}
                                     ORDER BY "plannedStartDate", "projectId" LIMIT ${dueRowsRead}) x)
            + (SELECT count(rp.month) + count(pk.name) FROM (
                 SELECT "projectId" FROM "ProjectFigures" WHERE "parkId" = ANY(${parks}) AND "plannedStartDate" <= ${to}
                 ORDER BY "plannedStartDate", "projectId" LIMIT ${DUE_LIST_LIMIT}) y
               JOIN "Project" pr ON pr.id = y."projectId" JOIN "Park" pk ON pk.id = pr."parkId"
               LEFT JOIN LATERAL (SELECT rp.month FROM "ProgressReport" rp WHERE rp."projectId" = y."projectId" ORDER BY rp.year DESC, rp.month DESC LIMIT 1) rp ON true)`,
    ],
  ];
}

/**
 * The rows a red list's first page read from a stored red set (red-sets.ts) must read: the
 * scope's parks' red counts (RedSetPark), and the first park's ledger walked in code order
 * up to the page's last red project, with each walked project's stored row and facts (its
 * light is computed from them). How far the walk goes is found once, before timing.
 */
async function redSetFloor(pool: pg.Pool, parks: string, ym: number, pageSize: number): Promise<Stmt[]> {
  const first = `(SELECT id FROM "Park" WHERE id = ANY(${parks}) ORDER BY name, id LIMIT 1)`;
  const { rows } = await pool.query<{ walked: number }>(
    `SELECT COALESCE(max(rn), 0)::int AS walked FROM (
       SELECT rn FROM (
         SELECT row_number() OVER (ORDER BY pr.code) AS rn,
                EXISTS (SELECT 1 FROM "RedSet" rs WHERE rs.ym = ${ym} AND rs."projectId" = pr.id) AS red
         FROM "Project" pr WHERE pr."parkId" = ${first}) x
       WHERE red ORDER BY rn LIMIT ${pageSize}) y`,
  );
  return [
    ["the red counts in scope", `SELECT sum("redAny"), count(*) FROM "RedSetPark" WHERE ym = ${ym} AND "parkId" = ANY(${parks})`],
    [
      `the first park's first ${rows[0].walked} projects in code order, their stored rows and facts`,
      `SELECT count(rs.kinds), max(w.code), sum(pf."contractInvestment") FROM (
         SELECT id, code FROM "Project" WHERE "parkId" >= ${first} AND "parkId" <= ${first} ORDER BY "parkId", code LIMIT ${rows[0].walked}) w
       LEFT JOIN "RedSet" rs ON rs.ym = ${ym} AND rs."projectId" = w.id
       JOIN "ProjectFigures" pf ON pf."projectId" = w.id`,
    ],
  ];
}

/** Computed live, a red list reads every project of the scope: its facts and its ledger row. */
function redLiveFloor(parks: string): Stmt[] {
  return [
    ["every project's facts", `SELECT count(*), sum("contractInvestment") FROM "ProjectFigures" WHERE "parkId" = ANY(${parks})`],
    ["every project's row", `SELECT count(*), max(code) FROM "Project" WHERE "parkId" = ANY(${parks})`],
  ];
}

/**
 * The floor through the page's own path: what getDashboard sends, each statement replaced
 * by a bare scan of the rows it reads, sent the same way — the scope's parks resolved
 * first, then in parallel through the same client (the figures pool): the month's rollup
 * rows, the trend's rows and the due list's (figureFloor), the ranking's parks, and the
 * overdue problems' rows (open, past their deadline) twice, after the scope again, as
 * getOverdueProblems reads them. The page's fixed costs (the client, the round trips, the
 * scope) are in both; what is left between them is the statements' work beyond reading.
 */
function pageFloor(actor: Actor, scope: IndicatorScope, floor: Stmt[], today: string): () => Promise<unknown> {
  return async () => {
    const parkIds = await scopeParkIds(actor, scope);
    const db = figuresDbFor(actor, parkIds);
    const parks = `'{${parkIds.join(",")}}'::int[]`;
    const overdue = `SELECT count(*), max("resolveDeadline") FROM "EnterpriseIssue" WHERE "parkId" = ANY(${parks}) AND status <> 'CLOSED' AND "resolveDeadline" < DATE '${today}'`;
    return Promise.all([
      ...floor.map(([, q]) => db.$queryRawUnsafe(q as string)),
      db.$queryRawUnsafe(`SELECT count(*), max(p.code) FROM "Park" p JOIN "Region" r ON r.id = p."regionId" WHERE p.id = ANY(${parks})`),
      scopeParkIds(actor, scope).then(() => Promise.all([db.$queryRawUnsafe(overdue), db.$queryRawUnsafe(overdue)])),
    ]);
  };
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: pick(0.5), p95: pick(0.95) };
}

const row = (name: string, samples: number[]) => {
  const { median, p95 } = stats(samples);
  console.log(`| ${name} | ${median.toFixed(1)} | ${p95.toFixed(1)} |`);
  return median;
};

/** Runs the timed functions in turn in every iteration (so all see the same load), RUNS times after WARMUP runs. */
async function interleaved(runs: number, fns: (() => Promise<unknown>)[]): Promise<number[][]> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
  const out = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      out[k].push(performance.now() - t);
    }
  }
  return out;
}

async function explainTime(pool: pg.Pool, q: Prisma.Sql | string): Promise<{ ms: number; rows: number }> {
  const [text, values] = typeof q === "string" ? [q, []] : [q.text, q.values];
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const res = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values);
    const plan = (res.rows[0]["QUERY PLAN"] as { "Execution Time": number; Plan: unknown }[])[0];
    samples.push(plan["Execution Time"]);
    rows = JSON.stringify(plan.Plan).length;
  }
  return { ms: stats(samples).median, rows };
}

async function main() {
  // BENCH_DATABASE_URL: an existing benchmark database (kept by BENCH_KEEP=1), not generated again.
  const reuse = process.env.BENCH_DATABASE_URL;
  const database = reuse ? { url: reuse, drop: async () => {} } : await createMigratedTestDatabase();
  process.env.DATABASE_URL = database.url;
  // The app's sessions have JIT off (lib/db/client.ts); the code before the rollup ran with the server's default.
  const pool = new pg.Pool({ connectionString: database.url, max: 10, options: "-c jit=off" });
  const rawPool = new pg.Pool({ connectionString: database.url, max: 10 });
  const send = (q: Prisma.Sql | string) => (typeof q === "string" ? pool.query(q) : pool.query(q.text, q.values));
  const sendRaw = (q: Prisma.Sql | string) => (typeof q === "string" ? rawPool.query(q) : rawPool.query(q.text, q.values));
  try {
    const t0 = performance.now();
    if (!reuse) await generate(database.url);
    const [counts] = await getDb().$queryRawUnsafe<{ projects: number; reports: number; plans: number; rollup: number }[]>(
      `SELECT (SELECT count(*) FROM "Project")::int AS projects, (SELECT count(*) FROM "ProgressReport")::int AS reports,
              (SELECT count(*) FROM "ProjectYearPlan")::int AS plans, (SELECT count(*) FROM "FigureRollup")::int AS rollup`,
    );
    console.log(
      `${reuse ? "reused" : "generated"} ${counts.projects} projects, ${counts.reports} progress reports, ${counts.plans} year plans (${counts.rollup} rollup rows) ` +
        `in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs after warm-up; load average ${loadavg()}\n`,
    );
    const user = await getDb().user.findUniqueOrThrow({ where: { username: "bench_region" } });
    const actor = (await loadActor(getDb(), user.id)) as Actor;
    const today = todayInShanghai();
    // The red sets of today and the closed months, as the figures job keeps them (only what changed, on a kept database).
    const tRed = performance.now();
    const redSets = await refreshRedSets(today);
    // The refresh cleared the load's dirty marks (one per project). A production server's
    // autovacuum (on by default; off on the test server here) removes those dead rows and
    // counts the table within a minute; unvacuumed, every red list read ~100,000 dead rows of
    // RedSetDirty three times (~0.8 ms at 100k) with an estimate of 100,000 marks.
    await pool.query(`VACUUM ANALYZE "RedSetDirty"`);
    console.log(`red sets: ${redSets?.parks ?? 0} park-months and ${redSets?.projects ?? 0} red projects computed in ${((performance.now() - tRed) / 1000).toFixed(1)} s\n`);
    const region = await getDb().region.findUniqueOrThrow({ where: { code: "DR" } });
    const park = await getDb().park.findUniqueOrThrow({ where: { code: "DP1" } });
    const scopes: [string, IndicatorScope][] = [
      ["region, 2026 Jan–Oct", resolveIndicatorScope({ year: 2026, through: 10 }, today)],
      ["region (by id), 2026 Jan–Oct", resolveIndicatorScope({ region: region.id, year: 2026, through: 10 }, today)],
      ["one park, 2026 Jan–Oct", resolveIndicatorScope({ park: park.id, year: 2026, through: 10 }, today)],
    ];

    console.log("| scenario | median ms | p95 ms |\n| --- | --- | --- |");
    const summary: string[] = [];
    const medians: Record<string, number> = {};
    for (const [label, scope] of scopes) {
      const period = { year: scope.year, through: scope.through, cohort: scope.cohort };
      const parkIds = await scopeParkIds(actor, scope);
      // The page's statements as PostgreSQL gets them (the figures rollup), and the same figures from the raw tables (the code before it).
      const statements: Stmt[] = [
        ["counts (whole, per park, per industry)", figureCountsQuery(parkIds, [period], today, ["none", "park", "industry"])],
        ["应开工未开工 list", dueNotStartedQuery(actor, parkIds, period, today)],
        ["trend", monthlyTrendQuery(actor, parkIds, scope, today)],
      ];
      const rawStatements: Stmt[] = [
        ["counts over the raw tables", rawCountsQuery(actor, parkIds, period, today, ["none", "park", "industry"])],
        ["应开工未开工 list over the raw tables", dueNotStartedQuery(actor, parkIds, period, today, "raw")],
        ["trend over the raw tables", rawMonthlyTrendQuery(actor, parkIds, scope, today)],
      ];
      const [dueExplain] = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${(statements[1][1] as Prisma.Sql).text}`, (statements[1][1] as Prisma.Sql).values).then((r) => r.rows);
      const dueRowsRead = Math.max(20, maxRows(dueExplain["QUERY PLAN"][0].Plan, "ProjectFigures"));
      const floor = figureFloor(parkIds, period, today, dueRowsRead);
      const raw = rawFloor(parkIds, period);
      const all = (xs: Stmt[]) => () => Promise.all(xs.map(([, q]) => send(q)));
      const pathFloor = pageFloor(actor, scope, floor, today);
      const [server, alone, bare, path] = await interleaved(RUNS, [() => getDashboard(actor, scope, today), all(statements), all(floor), pathFloor]);
      const [before, beforeFloor] = await interleaved(RUNS, [() => Promise.all(rawStatements.map(([, q]) => sendRaw(q))), all(raw)]);
      const m = {
        server: row(`dashboard server time (getDashboard), ${label}`, server),
        alone: row(`  PostgreSQL alone: the page's ${statements.length} statements in parallel (pg)`, alone),
        floor: row(`  floor: bare scan of the rows they read (rollup month, trend rows, due rows) in parallel`, bare),
        before: row(`  before: the same figures from the raw tables (the code before the rollup), in parallel`, before),
        beforeFloor: row(`  floor of the raw tables: bare scan of the projects in scope and their reports to the period's end`, beforeFloor),
        path: row(`  floor through the page's path: getDashboard's statements, each a bare scan of its rows, sent as it sends them`, path),
      };
      medians[label] = m.server;
      medians[`${label}, floor`] = m.floor;
      medians[`${label}, raw floor`] = m.beforeFloor;
      for (let i = 0; i < IN_A_ROW; i++) await getDashboard(actor, scope, today);
      const [inARow] = await interleaved(IN_A_ROW, [() => getDashboard(actor, scope, today)]);
      medians[`${label}, in a row`] = row(`  getDashboard called ${IN_A_ROW} times in a row (after as many)`, inARow);
      const counts = await interleaved(RUNS, [all([statements[0]]), all([floor[0]])]);
      const c = { counts: row(`  counts statement alone (pg)`, counts[0]), floor: row(`  floor of the counts: bare scan of the month's rollup rows in scope`, counts[1]) };
      for (const [name, q] of [...statements, ...rawStatements]) {
        const e = await explainTime(rawStatements.some(([n]) => n === name) ? rawPool : pool, q);
        console.log(`|   EXPLAIN ANALYZE execution time: ${name} | ${e.ms.toFixed(1)} | |`);
      }
      summary.push(
        `${label}: server ${m.server.toFixed(1)} ms = ${(m.server / m.floor).toFixed(2)}x its floor ${m.floor.toFixed(1)} ms = ${(m.server / m.path).toFixed(2)}x the floor through its path ${m.path.toFixed(1)} ms (counts statement ${c.counts.toFixed(1)} ms = ${(c.counts / c.floor).toFixed(2)}x its floor ${c.floor.toFixed(1)} ms); ` +
          `the raw-table SQL ${m.before.toFixed(1)} ms = ${(m.before / m.beforeFloor).toFixed(2)}x its floor ${m.beforeFloor.toFixed(1)} ms; load average ${loadavg()}`,
      );
    }

    // The bulletin of October for the whole region: both months' counts in one statement, the red list of October 31st.
    {
      const scope = scopes[0][1];
      const parkIds = await scopeParkIds(actor, scope);
      const oct = { year: 2026, through: 10, cohort: 2026 };
      const sep = { year: 2026, through: 9, cohort: 2026 };
      // The raw-table counts take seconds a run: half the runs for them and the live red list.
      const slowRuns = Math.max(5, Math.floor(RUNS / 2));
      const both = figureCountsQuery(parkIds, [oct, sep], today, ["none", "park"]);
      const parks = `'{${parkIds.join(",")}}'::int[]`;
      const floor: Stmt[] = [...figureFloor(parkIds, oct, today, 20).slice(0, 1), ...figureFloor(parkIds, sep, today, 20).slice(0, 1)];
      // With the red sets of October (red-sets.ts), the red list reads October's stored rows of
      // the scope (counted per park) and the ledger rows of the red projects of the first park
      // in name order (the page's 100 are in it).
      const setFloor = await redSetFloor(pool, parks, 2026 * 12 + 9, 100);
      const redFloor = redLiveFloor(parks);
      const raw: Stmt[] = [...rawFloor(parkIds, oct), ...rawFloor(parkIds, sep)];
      const params = { month: { year: 2026, month: 10 }, rank: "investmentYear" as const };
      const red = (redSets: boolean) => () => listRedProjects(actor, {}, { page: 1, pageSize: 100 }, dueAsOf(oct, today), { redSets });
      const [server, counts, bare, redList, setBare] = await interleaved(RUNS, [
        () => getBulletin(actor, params, today),
        () => send(both),
        () => Promise.all(floor.map(([, q]) => send(q))),
        red(true),
        () => Promise.all([...floor, ...setFloor].map(([, q]) => send(q))),
      ]);
      const [redLive, redBare] = await interleaved(slowRuns, [red(false), () => Promise.all([...floor, ...redFloor].map(([, q]) => send(q)))]);
      const [before, beforeFloor] = await interleaved(slowRuns, [
        () => Promise.all([oct, sep].flatMap((p) => [sendRaw(rawCountsQuery(actor, parkIds, p, today, "none")), sendRaw(rawCountsQuery(actor, parkIds, p, today, "park"))])),
        () => Promise.all(raw.map(([, q]) => send(q))),
      ]);
      const m = {
        server: row(`bulletin server time (getBulletin), region, 2026-10`, server),
        counts: row(`  both months' counts in one statement (pg)`, counts),
        floor: row(`  floor of the counts: bare scan of both months' rollup rows in scope`, bare),
        red: row(`  the red list of 10-31 alone (listRedProjects), from October's red set`, redList),
        setFloor: row(`  floor of the bulletin: both months' rollup rows, October's red counts in scope, ${setFloor[1][0]}`, setBare),
        redLive: row(`  the red list of 10-31 computed live (redSets: false; ${slowRuns} runs)`, redLive),
        redFloor: row(`  floor of the bulletin computed live: both months' rollup rows and every project's facts and row in scope`, redBare),
        before: row(`  before: the four raw-table count statements (indicators and ranking, this month and last) in parallel (${slowRuns} runs)`, before),
        beforeFloor: row(`  floor of the raw tables: projects and reports of both months`, beforeFloor),
      };
      medians.bulletin = m.server;
      medians["bulletin, floor"] = m.setFloor;
      medians["bulletin, raw floor"] = m.beforeFloor;
      summary.push(
        `bulletin, region, 2026-10: server ${m.server.toFixed(1)} ms = ${(m.server / m.setFloor).toFixed(2)}x its floor ${m.setFloor.toFixed(1)} ms (red list ${m.red.toFixed(1)} ms; ` +
          `computed live ${m.redLive.toFixed(1)} ms, whose floor is ${m.redFloor.toFixed(1)} ms); ` +
          `counts ${m.counts.toFixed(1)} ms = ${(m.counts / m.floor).toFixed(2)}x their floor ${m.floor.toFixed(1)} ms; ` +
          `the raw-table counts ${m.before.toFixed(1)} ms = ${(m.before / m.beforeFloor).toFixed(2)}x their floor ${m.beforeFloor.toFixed(1)} ms; load average ${loadavg()}`,
      );
    }
    // The warnings page's red list of today for the whole region (its first page of 50): from
    // today's red set (the figures job builds it each day, red-sets.ts) and computed live,
    // each next to the floor of the rows it reads.
    {
      const parkIds = await scopeParkIds(actor, scopes[0][1]);
      const parks = `'{${parkIds.join(",")}}'::int[]`;
      const red = (redSets: boolean) => () => listRedProjects(actor, {}, { page: 1, pageSize: 50 }, today, { redSets });
      const todayFloor = await redSetFloor(pool, parks, monthIndex(monthOf(today)), 50);
      const [withSet, setBare] = await interleaved(RUNS, [red(true), () => Promise.all(todayFloor.map(([, q]) => send(q)))]);
      const [live, liveBare] = await interleaved(RUNS, [red(false), () => Promise.all(redLiveFloor(parks).map(([, q]) => send(q)))]);
      const m = {
        withSet: row(`warnings page's red list of today (listRedProjects), region, from today's red set`, withSet),
        setFloor: row(`  floor: today's red counts in scope, ${todayFloor[1][0]}`, setBare),
        live: row(`  the same computed live (redSets: false)`, live),
        liveFloor: row(`  floor computed live: every project's facts and row in scope`, liveBare),
      };
      summary.push(
        `warnings, region, today: red list ${m.withSet.toFixed(1)} ms = ${(m.withSet / m.setFloor).toFixed(2)}x its floor ${m.setFloor.toFixed(1)} ms; ` +
          `computed live ${m.live.toFixed(1)} ms = ${(m.live / m.liveFloor).toFixed(2)}x its floor ${m.liveFloor.toFixed(1)} ms; load average ${loadavg()}`,
      );
    }
    // A closed month: October's bulletin published (as the region leader does once the month's
    // reports are in; a kept database has it already), then its page's read — the frozen
    // snapshot, not the figures — next to a bare read of that row.
    {
      const region = await getDb().region.findUniqueOrThrow({ where: { code: "DR" } });
      const scope = { region: region.id };
      const october = { year: 2026, month: 10 };
      let meta = await currentPublishedBulletin(actor, scope, october);
      if (!meta) {
        const t = performance.now();
        await publishBulletin(actor, { region: region.id, month: "2026-10" }, today);
        console.log(`|   (publishing October's bulletin for the region took ${(performance.now() - t).toFixed(0)} ms, once) | | |`);
        meta = await currentPublishedBulletin(actor, scope, october);
      }
      const id = meta!.id;
      const [server, bare] = await interleaved(RUNS, [
        () => getPublishedBulletinContent(actor, id),
        () => send(`SELECT id, length(content::text) FROM "PublishedBulletin" WHERE id = ${id}`),
      ]);
      const m = {
        server: row(`published bulletin, region, 2026-10: its page's read (getPublishedBulletinContent)`, server),
        floor: row(`  floor: a bare read of its row`, bare),
      };
      summary.push(`published bulletin, region, 2026-10: server ${m.server.toFixed(1)} ms = ${(m.server / m.floor).toFixed(2)}x its floor ${m.floor.toFixed(1)} ms; load average ${loadavg()}`);
    }
    // The projects behind each figure: every metric's ids (metricProjectIds; figureProjectIds,
    // which publishing and the published bulletin's check against today call), and one
    // figure's drill-down list page, next to the floor (a bare scan of the scope's
    // ProjectFigures rows) and the same ids from the raw tables (the code before, JIT on).
    for (const [label, scope] of [scopes[0], scopes[2]]) {
      const parkIds = await scopeParkIds(actor, scope);
      const oct = { year: 2026, through: 10, cohort: 2026 };
      const parks = `'{${parkIds.join(",")}}'::int[]`;
      const floorSql = `SELECT count(*), sum("contractInvestment") FROM "ProjectFigures" WHERE "parkId" = ANY(${parks})`;
      const drill = projectFiltersSchema.parse({ metric: "cohort.started", period: "2026-10", cohort: 2026, ...(scope.park ? { park: scope.park } : {}) });
      const [ids, bulletinIds, list, bare, before, beforeFloor] = await interleaved(RUNS, [
        () => metricProjectIds(actor, parkIds, oct, today),
        () => figureProjectIds(actor, parkIds, { year: 2026, month: 10 }, today),
        () => listProjects(actor, drill),
        () => send(floorSql),
        () => sendRaw(rawMetricProjectIdsQuery(actor, parkIds, oct, today)),
        () => send(rawFloor(parkIds, oct)[0][1]),
      ]);
      const m = {
        ids: row(`figures' project ids (metricProjectIds, every metric), ${label}`, ids),
        bulletinIds: row(`  the bulletin's (figureProjectIds, every metric)`, bulletinIds),
        list: row(`  drill-down list page 1 (listProjects, 已开工 1—10月)`, list),
        floor: row(`  floor: bare scan of the scope's ProjectFigures rows`, bare),
        before: row(`  before: the same ids from the raw tables (as-of join), same run`, before),
        beforeFloor: row(`  floor of the raw tables: bare scan of the projects in scope`, beforeFloor),
      };
      for (const [name, q, on] of [
        ["ids statement", figureMetricIdsQuery(parkIds, oct, today), pool],
        ["ids from the raw tables", rawMetricProjectIdsQuery(actor, parkIds, oct, today), rawPool],
      ] as const) {
        console.log(`|   EXPLAIN ANALYZE execution time: ${name} | ${(await explainTime(on, q)).ms.toFixed(1)} | |`);
      }
      summary.push(
        `project ids, ${label}: metricProjectIds ${m.ids.toFixed(1)} ms = ${(m.ids / m.floor).toFixed(2)}x the floor ${m.floor.toFixed(1)} ms; ` +
          `figureProjectIds ${m.bulletinIds.toFixed(1)} ms; drill-down page ${m.list.toFixed(1)} ms; ` +
          `the raw-table ids ${m.before.toFixed(1)} ms = ${(m.before / m.beforeFloor).toFixed(2)}x their floor ${m.beforeFloor.toFixed(1)} ms; load average ${loadavg()}`,
      );
    }
    const parkShare = medians[scopes[2][0]] / medians[scopes[0][0]];
    const parkShareInARow = medians[`${scopes[2][0]}, in a row`] / medians[`${scopes[0][0]}, in a row`];
    summary.push(`one park ÷ whole region (server): ${parkShare.toFixed(2)}; each called ${IN_A_ROW} times in a row: ${parkShareInARow.toFixed(2)}`);
    console.log("\n" + summary.join("\n"));
    // Issue 15's targets at this run's size, with "the floor of the rows it must read" both
    // ways: the scope's projects and reports (the floor the issue measured when it was filed,
    // which it says a rollup goes below) and the rows the page's statements read now.
    const verdict = (ok: boolean) => (ok ? "met" : "not met");
    const target = (name: string, key: string, limit: number) => {
      const [ms, now, raw] = [medians[key], medians[`${key}, floor`], medians[`${key}, raw floor`]];
      return (
        `- ${name}: ${ms.toFixed(1)} ms (≤ ${limit}: ${verdict(ms <= limit)}); ` +
        `÷ the floor of the scope's projects and reports ${(ms / raw).toFixed(2)}x (≤ 1.5: ${verdict(ms / raw <= 1.5)}); ` +
        `÷ the floor of the rows its statements read now ${(ms / now).toFixed(2)}x (≤ 1.5: ${verdict(ms / now <= 1.5)})`
      );
    };
    console.log(
      `\nissue 15's targets at ${counts.projects} projects:\n` +
        `${target("whole-region dashboard", scopes[0][0], 300)}\n${target("monthly bulletin", "bulletin", 1000)}\n` +
        `- one park ÷ whole region: ${parkShare.toFixed(2)}, each called ${IN_A_ROW} times in a row ${parkShareInARow.toFixed(2)} (≤ 0.25: ${verdict(parkShare <= 0.25)}, ${verdict(parkShareInARow <= 0.25)})`,
    );
  } finally {
    await pool.end();
    await rawPool.end();
    await getDb().$disconnect();
    await disconnectFiguresDb();
    if (process.env.BENCH_KEEP === "1" && !reuse) console.log(`\nkept ${database.url}`);
    else await database.drop();
  }
}

/** The most rows any scan of `relation` returned in a plan (EXPLAIN ANALYZE JSON). */
function maxRows(plan: Record<string, unknown>, relation: string): number {
  let best = plan["Relation Name"] === relation ? Number(plan["Actual Rows"] ?? 0) * Number(plan["Actual Loops"] ?? 1) : 0;
  for (const child of (plan.Plans as Record<string, unknown>[] | undefined) ?? []) best = Math.max(best, maxRows(child, relation));
  return best;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
