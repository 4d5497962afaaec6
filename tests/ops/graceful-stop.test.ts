// Ctrl-C of `npm start` while requests are being served: nobody gets a 500, and the database
// stops after the web server (and the job worker) have.
//
// The app is started exactly as a person starts it (`npm start`, embedded PostgreSQL in a fresh
// data folder, demo data, the build in .next) in a process group of its own, a steady stream of
// requests runs against it (the sign-in page, liveness, readiness and a signed-in REST call that
// reads the database), and SIGINT goes to the whole group, as a terminal sends it.
//
// Before the stop was ordered, the terminal's SIGINT reached PostgreSQL at the same moment as
// the web server: every request the web server was still finishing that needed the database
// failed with a 500 (1,500–2,100 of them in an 11 s stop, measured).
//
// Needs a production build: scripts/test.mjs runs it right after building for the browser tests
// (`vitest run --project ops`).

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.NEXT_DIST_DIR || ".next";
const PORT = 3300 + (process.pid % 400);
const PG_PORT = 32000 + (process.pid % 200); // below the ephemeral range (see embedded-db-process.test.ts)
const BASE = `http://127.0.0.1:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pp-stop-"));
fs.chmodSync(dataDir, 0o777); // as root, PostgreSQL runs as user "postgres" and writes here

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(true); // accepted but slow: still up
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in as the demo administrator through next-auth's credentials endpoint; returns the Cookie header. */
async function signIn(): Promise<string> {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username: "admin", password: "Park@2026", callbackUrl: BASE, json: "true" }),
  });
  const session = cookiesOf(res).filter((c) => c.startsWith("next-auth.session-token"));
  if (session.length === 0) throw new Error(`sign-in failed: ${res.status}`);
  return [...jar, ...session].join("; ");
}

/**
 * One GET on a connection of its own (no keep-alive), so a connection error can only mean
 * "refused" (the server had closed) or "reset" (a request dropped half-way, which must not happen).
 */
function get(p: string, headers: Record<string, string> = {}): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get(`${BASE}${p}`, { agent: false, headers: { ...headers, connection: "close" }, timeout: 15_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? null }));
      res.on("error", (e: NodeJS.ErrnoException) => resolve({ status: null, error: e.code ?? String(e) }));
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ status: null, error: e.code ?? String(e) }));
  });
}

interface Outcome {
  startedAt: number;
  at: number;
  path: string;
  status: number | null;
  error?: string;
}

let app: ReturnType<typeof spawn> | null = null;
afterAll(async () => {
  if (app?.pid && app.exitCode === null) {
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {}
  }
  // Whatever this test started must be gone; the data folder goes with it.
  await sleep(200);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Ctrl-C of npm start", () => {
  it("drains the web server, then stops the worker, then the database: no request gets a 500", { timeout: 300_000 }, async () => {
    if (!fs.existsSync(path.join(ROOT, DIST, "BUILD_ID"))) throw new Error(`no production build in ${DIST}: run this after \`next build\` (scripts/test.mjs does)`);
    const output: { at: number; line: string }[] = [];
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), EMBEDDED_PG_PORT: String(PG_PORT), PARK_DATA_DIR: dataDir, NEXT_DIST_DIR: DIST, LOG_LEVEL: "warn" };
    for (const k of ["DATABASE_URL", "NEXTAUTH_URL", "NEXTAUTH_SECRET", "SEED_DEMO", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "NODE_ENV"]) delete env[k];
    // Its own process group, like a terminal's foreground job: npm, sh and start.mjs are in it.
    app = spawn("npm", ["start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const record = (chunk: Buffer) => {
      for (const line of String(chunk).split("\n")) if (line.trim()) output.push({ at: Date.now(), line });
    };
    app.stdout!.on("data", record);
    app.stderr!.on("data", record);
    // npm waits for start.mjs, then (its shell having seen the SIGINT) exits by the same signal.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      app!.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    // Every process of the app holds this pipe (the detached ones inherit it): closed = all gone.
    const allGone = new Promise<void>((resolve) => app!.stdout!.once("close", () => resolve()));

    const startedBy = Date.now() + 240_000;
    while (!(await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false))) {
      if (Date.now() > startedBy || app.exitCode !== null) throw new Error(`npm start did not come up:\n${output.map((o) => o.line).join("\n")}`);
      await sleep(250);
    }
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const cookie = await signIn();
    const paths: [string, Record<string, string>][] = [
      ["/login", {}],
      ["/api/health", {}],
      ["/api/ready", {}],
      ["/api/v1/parks", { cookie }],
    ];
    // Warm up the routes so the stop, not a first compile, is what is measured.
    for (const [p, headers] of paths) expect((await get(p, headers)).status).toBe(200);

    const outcomes: Outcome[] = [];
    let done = false;
    const loop = async (offset: number) => {
      for (let i = offset; !done; i++) {
        const [p, headers] = paths[i % paths.length];
        const startedAt = Date.now();
        const r = await get(p, headers);
        outcomes.push({ startedAt, at: Date.now(), path: p, ...r });
        if (r.status === null) await sleep(20); // the server is gone: keep knocking, gently
      }
    };
    const loops = [0, 1, 2, 3, 4, 5].map(loop);

    let dbDownAt: number | null = null;
    let webDownAt: number | null = null;
    const watch = (async () => {
      while (!done) {
        if (webDownAt === null && !(await portAnswers(PORT))) webDownAt = Date.now();
        if (dbDownAt === null && !(await portAnswers(PG_PORT))) dbDownAt = Date.now();
        await sleep(25);
      }
    })();

    await sleep(2_000);
    const servedBefore = outcomes.filter((o) => o.status === 200).length;
    const sigintAt = Date.now();
    process.kill(-app.pid!, "SIGINT"); // what Ctrl-C does: the whole foreground group
    const npmExit = await Promise.race([exited, sleep(120_000).then(() => null)]);
    await Promise.race([allGone, sleep(60_000)]);
    await sleep(300);
    done = true;
    await Promise.all([...loops, watch]);

    const log = output.map((o) => o.line).join("\n");
    const during = outcomes.filter((o) => o.at >= sigintAt);
    const byStatus = (s: number | null) => outcomes.filter((o) => o.status === s).length;
    const summary = `served before SIGINT: ${servedBefore}; after: ${during.filter((o) => o.status !== null).length} responses, ${during.filter((o) => o.status === null).length} connection errors (${[...new Set(during.map((o) => o.error).filter(Boolean))].join(", ")}); statuses: ${JSON.stringify(Object.fromEntries([...new Set(outcomes.map((o) => o.status))].map((s) => [String(s), byStatus(s)])))}`;
    console.log(`[graceful-stop] ${summary}; web down after ${webDownAt && webDownAt - sigintAt} ms, database after ${dbDownAt && dbDownAt - sigintAt} ms`);

    expect(npmExit, log).not.toBeNull();
    expect(npmExit!.code === 0 || npmExit!.signal === "SIGINT", log).toBe(true);
    expect(servedBefore).toBeGreaterThan(20);
    expect(outcomes.filter((o) => o.status !== null && o.status >= 500 && !(o.path === "/api/ready" && o.status === 503)), summary).toEqual([]);
    // Requests under way when Ctrl-C came were answered (drained). Connections made after it are
    // refused once the server has closed, or reset if they were still in the kernel's accept queue
    // when it closed (nothing of them had been read); nginx retries either on the other instance.
    expect(outcomes.filter((o) => o.status === null && o.startedAt < sigintAt - 100), summary).toEqual([]);
    expect([...new Set(during.filter((o) => o.status === null).map((o) => o.error))].filter((e) => e !== "ECONNREFUSED" && e !== "ECONNRESET"), summary).toEqual([]);
    // The order: web server, then worker, then database.
    const lines = ["[start] Web 服务已停止", "[start] 任务进程已停止", "[start] 内置数据库已停止"].map((l) => output.findIndex((o) => o.line.includes(l)));
    expect(lines.every((i) => i >= 0), log).toBe(true);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    expect(webDownAt).not.toBeNull();
    expect(dbDownAt).not.toBeNull();
    expect(dbDownAt!).toBeGreaterThanOrEqual(webDownAt!);
    // The terminal's prompt comes back only when everything has stopped.
    expect(npmExit!.at).toBeGreaterThanOrEqual(output[lines[2]].at);
    // Cleanly: no postgres left, no crash-recovery marker.
    expect(alive(postmasterPid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    expect(log).not.toMatch(/Web 服务异常退出|任务进程异常退出|强制结束/);
  });
});
