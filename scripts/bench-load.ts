// `npm run bench:load`: many people at once against `next start` (a production build),
// measured with autocannon. A fresh database with the demo data (6 parks, ~330 projects),
// optionally grown to BENCH_LOAD_PROJECTS projects in 怀化市 (怀化高新区 at 500, the rest in
// the region's other parks, 20 monthly reports each, year plans; the figures rollup rebuilt
// and its months built as the figures job keeps them), the web server with its default pool
// (DB_POOL_MAX 20), and for each level of concurrency:
//   - the floor: `/api/health` (neither the database nor React) at the same concurrency;
//   - the people of five roles, each connection signed in as one of them, asking for their
//     own pages in turn;
//   - one page alone: the region leader's /dashboard (the whole region) and park staff's
//     /board (a park of 500 projects), every connection asking for it.
// Reported per run: requests/s, latency p50/p97.5/p99, non-2xx answers, socket errors and
// timeouts, and the server's pool errors (P2028 / "Timed out fetching a new connection") from
// its log; the bytes of each page once. The API group is one caller: past 120 requests a
// minute it is answered 429 by design. Not a test: nothing asserts on time; figures go to
// docs/benchmarks.md with the load average.
//
//   npm run build && npm run bench:load
//   BENCH_LOAD_PROJECTS=20000 BENCH_LOAD_LEVELS=10,50 BENCH_LOAD_SECONDS=20 npm run bench:load
//   NEXT_DIST_DIR=.next-speed …        # the build in another dist dir (next build with the same variable)
//   BENCH_APP_DIR=/path/to/checkout …  # `next start` of another checkout's build (e.g. the code before a change)
//   BENCH_KEEP=1 …                     # keep the database
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { buildFigureMonths } from "../lib/server/metrics/figure-rollup";
import { todayInShanghai } from "../lib/domain/dates";
import { lastCompletedMonth, monthIndex } from "../lib/domain/filing";
import { seedDemoData } from "../prisma/seed";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP_DIR = process.env.BENCH_APP_DIR ? path.resolve(process.env.BENCH_APP_DIR) : ROOT;
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const PROJECTS = Number(process.env.BENCH_LOAD_PROJECTS ?? 0);
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3198);
const BASE = `http://localhost:${PORT}`;
const LEVELS = (process.env.BENCH_LOAD_LEVELS ?? "10,50").split(",").filter(Boolean).map(Number);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const PASSWORD = "Park@2026";

/** Who signs in and what each asks for (pages they may open; no redirects). */
const PEOPLE: { username: string; paths: string[] }[] = [
  { username: "leader_hhgx", paths: ["/dashboard", "/warnings", "/projects"] },
  { username: "staff_hhgx", paths: ["/board", "/projects", "/progress"] },
  { username: "region_hh", paths: ["/dashboard", "/bulletin", "/parks"] },
  { username: "liaison_hhgx", paths: ["/liaison", "/issues", "/visits"] },
  { username: "staff_hhgx", paths: ["/api/v1/projects?pageSize=50", "/api/v1/problems?pageSize=50", "/api/v1/indicators"] },
];

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

async function signIn(username: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: BASE },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, callbackUrl: `${BASE}/`, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

interface Outcome {
  requests: number;
  perSecond: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Answers per status code other than 200. */
  codes: Record<string, number>;
}

async function cannon(connections: number, paths: string[], cookie?: string): Promise<Outcome> {
  const r = await autocannon({
    url: BASE,
    connections,
    duration: SECONDS,
    timeout: 30,
    headers: cookie ? { cookie } : {},
    requests: paths.map((p) => ({ method: "GET", path: p })),
  });
  return {
    requests: r.requests.total,
    perSecond: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    codes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).flatMap(([code, v]) => (code === "200" ? [] : [[code, v.count ?? 0]]))),
  };
}

/**
 * Grows the demo data to `total` projects in 怀化市: 怀化高新区 to 500, the rest spread over
 * the region's other parks, signed over 2022 to last month with stages, statuses, planned and
 * actual dates spread by id, a year plan for two in five, and 20 monthly reports each up to
 * last month. Set-based SQL in one session with the triggers off (as a restore loads data),
 * then the figures rollup rebuilt from the raw tables and its months built.
 */
async function grow(url: string, db: ReturnType<typeof createPrismaClient>, total: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const last = monthIndex(lastCompletedMonth(todayInShanghai()));
  try {
    await client.query(`SET session_replication_role = replica`);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId" JOIN "Region" r ON r.id = pk."regionId" WHERE r.code = 'HH'`)).rows;
    const [{ hh }] = (await client.query(`SELECT count(*)::int AS hh FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId" WHERE pk.code = 'HHGX'`)).rows;
    const others = (await client.query(`SELECT pk.id FROM "Park" pk JOIN "Region" r ON r.id = pk."regionId" WHERE r.code = 'HH' AND pk.code <> 'HHGX' ORDER BY pk.id`)).rows.map((r) => r.id as number);
    const park = (await client.query(`SELECT id FROM "Park" WHERE code = 'HHGX'`)).rows[0].id as number;
    const toHh = Math.max(0, 500 - hh);
    const rest = Math.max(0, total - n - toHh);
    // One enterprise per new project: park i of the others for g % k, 怀化高新区 for the first toHh.
    await client.query(
      `INSERT INTO "Enterprise" ("parkId", name, "updatedAt")
       SELECT CASE WHEN g <= $1 THEN $2::int ELSE ($3::int[])[1 + g % cardinality($3::int[])] END, '负载企业' || g || '有限公司', now()
       FROM generate_series(1, $4::int) g`,
      [toHh, park, others, toHh + rest],
    );
    await client.query(
      `INSERT INTO "Project" (code, "parkId", "enterpriseId", name, industry, "keyLevel", "totalInvestment", "contractInvestment",
                             "investmentCompletedBefore", "fundsArrivedBefore", "signedDate", "plannedStartDate", "landedDate", "actualStartDate",
                             "actualProductionDate", stage, "stageDate", status, "statusReason", "updatedAt")
       SELECT 'L-' || e.id, e."parkId", e.id, '负载项目' || e.id,
              (ARRAY['新材料','电子信息','生物医药','农产品精深加工','新能源','精细化工','装备制造','现代物流'])[1 + e.id % 8],
              (ARRAY['NONE','NONE','COUNTY','CITY','PROVINCIAL'])[1 + e.id % 5]::"KeyLevel",
              1000 + (e.id * 7919 % 300000), 800 + (e.id * 7919 % 250000), (e.id % 7) * 100, (e.id % 5) * 80,
              s.signed, s.signed + 60 + e.id % 200,
              CASE WHEN s.stage <> 'SIGNED' THEN LEAST(s.signed + 30, $1::date) END,
              CASE WHEN s.stage IN ('STARTED', 'PRODUCING') THEN LEAST(s.signed + 70 + e.id % 200, $1::date) END,
              CASE WHEN s.stage = 'PRODUCING' THEN LEAST(s.signed + 300 + e.id % 200, $1::date) END,
              s.stage::"Stage", s.signed, s.status::"ProjectStatus",
              CASE WHEN s.status = 'SUSPENDED' THEN '资金未到位' END, now()
       FROM "Enterprise" e
       CROSS JOIN LATERAL (SELECT DATE '2022-01-01' + (e.id * 37 % ($1::date - DATE '2022-01-01')) AS signed,
                                  (ARRAY['SIGNED','LANDED','STARTED','PRODUCING'])[1 + e.id % 4] AS stage,
                                  CASE WHEN e.id % 29 = 0 THEN 'TERMINATED' WHEN e.id % 31 = 0 THEN 'SUSPENDED' ELSE 'ACTIVE' END AS status) s
       WHERE e.name LIKE '负载企业%'`,
      [`${todayInShanghai().slice(0, 8)}01`],
    );
    await client.query(
      `INSERT INTO "ProjectYearPlan" ("projectId", year, "plannedInvestment", "planStart", "planProduction")
       SELECT p.id, $1::int, 500 + p.id % 5000, p.stage IN ('SIGNED', 'LANDED') OR p.id % 3 = 0, p.stage = 'STARTED' OR p.id % 7 = 0
       FROM "Project" p WHERE p.code LIKE 'L-%' AND p.id % 5 IN (0, 2)`,
      [Math.floor(last / 12)],
    );
    await client.query(
      `INSERT INTO "ProgressReport" ("projectId", year, month, "investmentCompleted", "fundsArrived", problems, "filedById", "updatedAt")
       SELECT p.id, ($1::int - k) / 12, ($1::int - k) % 12 + 1, (p.id * 13 + k * 7) % 900, (p.id * 11 + k * 3) % 600,
              CASE WHEN k = 0 AND p.id % 4 = 0 THEN '用地手续办理中' END, (SELECT id FROM "User" WHERE username = 'staff_hhgx'), now()
       FROM "Project" p CROSS JOIN generate_series(0, 19) k WHERE p.code LIKE 'L-%'`,
      [last],
    );
    await client.query(`SET session_replication_role = origin`);
    await client.query(`SELECT rebuild_figures()`);
  } finally {
    await client.end();
  }
  const months = await buildFigureMonths(todayInShanghai(), undefined, db);
  await db.$executeRawUnsafe(`ANALYZE`);
  return months.length;
}

/** `connections` spread over the people (each group signed in once), run together. */
async function level(connections: number, cookies: string[]): Promise<Outcome> {
  const per = PEOPLE.map((_, i) => Math.floor(connections / PEOPLE.length) + (i < connections % PEOPLE.length ? 1 : 0));
  const parts = await Promise.all(PEOPLE.map((p, i) => (per[i] > 0 ? cannon(per[i], p.paths, cookies[i]) : null)));
  const done = parts.filter((x): x is Outcome => x !== null);
  const weighted = (k: "p50" | "p975" | "p99") => Math.max(...done.map((d) => d[k]));
  return {
    requests: done.reduce((s, d) => s + d.requests, 0),
    perSecond: done.reduce((s, d) => s + d.perSecond, 0),
    p50: Math.round(done.reduce((s, d) => s + d.p50 * d.requests, 0) / Math.max(1, done.reduce((s, d) => s + d.requests, 0))),
    p975: weighted("p975"),
    p99: weighted("p99"),
    non2xx: done.reduce((s, d) => s + d.non2xx, 0),
    errors: done.reduce((s, d) => s + d.errors, 0),
    timeouts: done.reduce((s, d) => s + d.timeouts, 0),
    codes: done.reduce<Record<string, number>>((acc, d) => {
      for (const [code, n] of Object.entries(d.codes)) acc[code] = (acc[code] ?? 0) + n;
      return acc;
    }, {}),
  };
}

const codes = (o: Outcome) => Object.entries(o.codes).map(([c, n]) => `${n} × ${c}`).join(", ") || "0";
const row = (name: string, o: Outcome, poolErrors: number | string) =>
  `| ${name} | ${o.requests} | ${o.perSecond.toFixed(1)} | ${o.p50} | ${o.p975} | ${o.p99} | ${codes(o)} | ${o.errors + o.timeouts} | ${poolErrors} |`;

async function main() {
  if (!fs.existsSync(path.join(APP_DIR, DIST_DIR, "BUILD_ID"))) throw new Error(`no production build in ${path.join(APP_DIR, DIST_DIR)}: run \`npm run build\` first`);
  const database = await createMigratedTestDatabase();
  const db = createPrismaClient(database.url);
  let log = "";
  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: APP_DIR,
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, DATABASE_URL: database.url, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const poolErrors = () => (log.match(/P2028|Timed out fetching a new connection|Unable to start a transaction/g) ?? []).length;
  try {
    const seeded = await seedDemoData(db);
    const months = PROJECTS > 0 ? await grow(database.url, db, PROJECTS) : 0;
    const [{ projects, region }] = await db.$queryRawUnsafe<{ projects: number; region: number }[]>(
      `SELECT count(*)::int AS projects, count(*) FILTER (WHERE r.code = 'HH')::int AS region FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId" JOIN "Region" r ON r.id = pk."regionId"`,
    );
    console.log(
      `${APP_DIR === ROOT ? "this checkout" : APP_DIR} (${DIST_DIR}); demo data ${seeded.totals.projects} projects` +
        (PROJECTS > 0 ? `, grown to ${projects} (${region} in 怀化市, ${months} rollup months built)` : "") +
        `; ${SECONDS} s per run; load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(", ")}`,
    );
    for (let deadline = Date.now() + 60_000; ; ) {
      if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) break;
      if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
      await new Promise((r) => setTimeout(r, 300));
    }
    const cookies = [];
    for (const p of PEOPLE) cookies.push(await signIn(p.username));
    // Warm-up: every path once, so the first compile of each route is not measured.
    for (const [i, p] of PEOPLE.entries()) {
      for (const u of p.paths) {
        const res = await fetch(`${BASE}${u}`, { headers: { cookie: cookies[i] }, redirect: "manual" });
        await res.text();
        if (res.status !== 200) throw new Error(`${p.username} GET ${u}: HTTP ${res.status}`);
      }
    }

    // One page alone, every connection asking for it: the region leader's dashboard, park staff's board.
    const single: { name: string; who: number; path: string }[] = [
      { name: "/dashboard (region leader, whole region)", who: 2, path: "/dashboard" },
      { name: "/board (park staff, 怀化高新区)", who: 1, path: "/board" },
    ];
    for (const one of single) {
      const res = await fetch(`${BASE}${one.path}`, { headers: { cookie: cookies[one.who] } });
      console.log(`${one.name}: HTTP ${res.status}, ${((await res.arrayBuffer()).byteLength / 1024).toFixed(0)} kB`);
    }

    console.log("\n| run | requests | req/s | p50 ms | p97.5 ms | p99 ms | not 200 | errors + timeouts | pool errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const n of LEVELS) {
      const floor = await cannon(n, ["/api/health"]);
      console.log(row(`floor: GET /api/health, ${n} connections`, floor, "–"));
      const before = poolErrors();
      const pages = await level(n, cookies);
      console.log(row(`${n} people (5 roles, their pages and the API)`, pages, poolErrors() - before));
      for (const one of single) {
        const b = poolErrors();
        console.log(row(`${n} connections, ${one.name}`, await cannon(n, [one.path], cookies[one.who]), poolErrors() - b));
      }
      console.log(`  load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(", ")}`);
    }
  } finally {
    server.kill("SIGTERM");
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 1000));
    if (process.env.BENCH_KEEP === "1") console.log(`\nkept ${database.url}`);
    else await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
