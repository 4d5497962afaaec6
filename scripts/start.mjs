// `npm start`: from a fresh clone to a running app with demo data, in one command.
//
// - No DATABASE_URL: starts the embedded PostgreSQL (data in .data/postgres), applies
//   migrations, seeds the demo data the first time, builds if needed, serves.
// - DATABASE_URL set: uses that server (migrate deploy; demo seed only with --seed).
// - The job worker (scripts/worker.ts: scheduled reminders on pg-boss) runs beside the web server.
// Ctrl-C (or SIGTERM) stops them in order: the web server drains its requests and exits, then
// the worker finishes its running job, then the database shuts down. The web server, the worker
// and the database run in process groups of their own (detached), so the terminal's Ctrl-C
// reaches only this process, which passes the stop on in that order.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ConfigError, checkDatabaseReachable, checkDatabaseUrl, resolveAuthSecret, resolvePort } from "./lib/config.mjs";
import { startEmbeddedDatabaseProcess } from "./lib/embedded-db-process.mjs";
import { OFFLINE_ENV, ROOT, bin, run } from "./lib/run.mjs";
import { ensureNode22 } from "./lib/node-runtime.mjs";

await ensureNode22();

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const forceSeed = args.has("--seed") || process.env.SEED_DEMO === "1";
// PARK_DATA_DIR: where the embedded database and the generated auth secret live (default .data).
const DATA_DIR = process.env.PARK_DATA_DIR ? path.resolve(process.env.PARK_DATA_DIR) : path.join(ROOT, ".data");
const log = (msg) => console.log(`[start] ${msg}`);
/** How long the web server may take to finish its requests, and the worker its job. */
const STOP_TIMEOUT_MS = 30_000;

let server = null;
let worker = null;
let database = null;
let stopping = null;

const running = (child) => child !== null && child.exitCode === null && child.signalCode === null;

/** SIGTERM to a detached child; after STOP_TIMEOUT_MS its whole group is killed. Resolves when it has exited. */
async function stopChild(child, name) {
  if (!running(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(() => resolve("late"), STOP_TIMEOUT_MS)));
  if ((await Promise.race([exited, late])) === "late") {
    log(`${name}未在 ${STOP_TIMEOUT_MS / 1000} 秒内停止，强制结束`);
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    await exited;
  }
  clearTimeout(timer);
}

/** The web server first (it finishes the requests it has), then the job worker, then the database. */
function stopAll() {
  stopping ??= (async () => {
    if (running(server)) {
      await stopChild(server, "Web 服务");
      log("Web 服务已停止");
    }
    if (running(worker)) {
      await stopChild(worker, "任务进程");
      log("任务进程已停止");
    }
    if (database) {
      await database.stop().catch(() => {});
      log("内置数据库已停止");
    }
  })();
  return stopping;
}

// The terminal's Ctrl-C (and npm passing it on) reaches only this process: stop in order, once.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    void stopAll().finally(() => process.exit(0));
  });
}
// Should this process die anyway, the detached children do not outlive it.
process.on("exit", () => {
  for (const child of [server, worker]) {
    if (running(child)) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
    }
  }
  database?.kill();
});

/** The job worker (scripts/worker.ts) in its own process group; restarted if it dies while serving. */
function startWorker(env) {
  worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...env, ...OFFLINE_ENV },
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] 任务进程异常退出（${signal ?? `exit ${code}`}），5 秒后重启`);
    setTimeout(() => {
      if (!stopping) startWorker(env);
    }, 5_000).unref();
  });
}

async function hasDemoData(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "Region"');
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

async function hasActiveAdmin(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m.role = 'ADMIN' AND u."isActive"`);
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

/** Nobody could sign in and set anything up: say how to create the first administrator instead of serving. */
class NoAdministrator extends Error {}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "types", "prisma/migrations"].map((d) => newestMtime(path.join(ROOT, d)));
  const files = ["next.config.mjs", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs);
  return Math.max(...sources, ...files) > built;
}

async function main() {
  const port = resolvePort(process.env.PORT, 3000, "PORT");
  let url = process.env.DATABASE_URL;
  const embedded = !url;

  if (embedded) {
    const pgPort = resolvePort(process.env.EMBEDDED_PG_PORT, 54329, "EMBEDDED_PG_PORT");
    log(`未设置 DATABASE_URL，启动内置 PostgreSQL（端口 ${pgPort}，数据目录 .data/postgres）`);
    database = await startEmbeddedDatabaseProcess({ dir: path.join(DATA_DIR, "postgres"), port: pgPort, database: "park_pipeline" });
    url = database.url;
  } else {
    checkDatabaseUrl(url);
    await checkDatabaseReachable(url);
  }

  const secret = resolveAuthSecret({ embedded, dataDir: DATA_DIR, dev });
  const env = {
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };

  log("应用数据库迁移 (prisma migrate deploy)");
  await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });

  if (forceSeed || (embedded && !(await hasDemoData(url)))) {
    log("写入演示数据 (npm run db:seed)");
    await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env });
  }

  if (!(await hasActiveAdmin(url))) {
    throw new NoAdministrator(
      "数据库中还没有启用的系统管理员，请先运行 ADMIN_PASSWORD='…' npm run admin:create -- --username <用户名> --name <姓名> 再启动 (no active administrator yet: create one with npm run admin:create -- --username <name>, then npm start)",
    );
  }

  if (!dev && buildIsStale()) {
    log("构建应用 (next build)，首次约需一两分钟");
    await run(bin("next"), ["build"], { env });
  }

  if (stopping) return; // Ctrl-C during the migrations, the seed or the build
  log("启动任务进程 (scripts/worker.ts：到期提醒等定时任务)");
  startWorker(env);

  log(`启动 ${dev ? "开发" : ""}服务：${env.NEXTAUTH_URL}  （Ctrl-C 停止）`);
  server = spawn(bin("next"), [dev ? "dev" : "start", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  server.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] Web 服务异常退出（${signal ?? `exit ${code}`}）`);
    void stopAll().finally(() => process.exit(code || 1));
  });
}

main().catch(async (e) => {
  if (stopping) return; // a step cut short by Ctrl-C: the signal handler stops and exits
  console.error(
    e instanceof ConfigError ? `[start] 配置错误：${e.message}` : e instanceof NoAdministrator ? `[start] ${e.message}` : `[start] 启动失败：${e instanceof Error ? e.message : e}`,
  );
  await stopAll();
  process.exit(1);
});
