// `npm run bench:load`: many people at once against `next start` (the production build in
// .next), measured with autocannon. A fresh database with the demo data (6 parks, ~330
// projects), the web server with its default pool (DB_POOL_MAX 20), and for each level of
// concurrency the people of five roles, each connection signed in as one of them, asking
// for their own pages in turn. Reported per level: requests/s, latency p50/p97.5/p99,
// non-2xx answers, socket errors and timeouts, and the server's pool errors (P2028 /
// "Timed out fetching a new connection") from its log. The floor, measured in the same run
// at the same concurrency: `/api/health`, a route that touches neither the database nor React.
// The API group is one caller: past 120 requests a minute it is answered 429 by design.
// Not a test: nothing asserts on time; figures go to docs/benchmarks.md.
//
//   npm run build && npm run bench:load
//   BENCH_LOAD_LEVELS=10,50 BENCH_LOAD_SECONDS=20 npm run bench:load
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createPrismaClient } from "../lib/db/client";
import { seedDemoData } from "../prisma/seed";
import { createMigratedTestDatabase } from "../tests/helpers/test-db";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_HTTP_PORT ?? 3198);
const BASE = `http://localhost:${PORT}`;
const LEVELS = (process.env.BENCH_LOAD_LEVELS ?? "10,50").split(",").map(Number);
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
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const database = await createMigratedTestDatabase();
  const db = createPrismaClient(database.url);
  let log = "";
  const server = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  const poolErrors = () => (log.match(/P2028|Timed out fetching a new connection|Unable to start a transaction/g) ?? []).length;
  try {
    const seeded = await seedDemoData(db);
    console.log(`demo data: ${seeded.totals.projects} projects; ${SECONDS} s per run; load average before: ${os.loadavg()[0].toFixed(1)}`);
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

    console.log("\n| run | requests | req/s | p50 ms | p97.5 ms | p99 ms | not 200 | errors + timeouts | pool errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const n of LEVELS) {
      const floor = await cannon(n, ["/api/health"]);
      console.log(row(`floor: GET /api/health, ${n} connections`, floor, "–"));
      const before = poolErrors();
      const pages = await level(n, cookies);
      console.log(row(`${n} people (5 roles, their pages and the API)`, pages, poolErrors() - before));
      console.log(`  load average after: ${os.loadavg()[0].toFixed(1)}`);
    }
  } finally {
    server.kill("SIGTERM");
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 1000));
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
