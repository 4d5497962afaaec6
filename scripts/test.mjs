// `npm test`: the whole suite against real parts.
//   1. lint (eslint: Next.js rules, jsx-a11y, the layer boundaries) and typecheck (tsc)
//   2. unit tests of lib/ and integration tests of lib/server on a fresh PostgreSQL
//      database built by the migrations (vitest; the database is dropped afterwards)
//   3. with the production build: Ctrl-C of `npm start` under load stops in order with no
//      500 (tests/ops, vitest project "ops"), then end-to-end tests in Debian's Chromium
//      (Playwright) against `next start` on a fresh database with the demo data
// PostgreSQL: TEST_PG_URL, else 127.0.0.1:5432; if nothing answers there, an embedded
// PostgreSQL from node_modules is started for the run.
// `--only unit|integration|e2e` runs one part (npm run test:e2e uses it).
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "./lib/embedded-db.mjs";
import { ROOT, bin, run } from "./lib/run.mjs";
import { ensureNode22 } from "./lib/node-runtime.mjs";

await ensureNode22();

const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length) ?? process.argv[process.argv.indexOf("--only") + 1];
const only = ["unit", "integration", "e2e"].includes(onlyArg) ? onlyArg : null;
const wants = (part) => !only || only === part;
const log = (msg) => console.log(`\n[test] ${msg}`);

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The server tests create their databases on; refuses anything but this machine. */
async function resolveTestServer() {
  const configured = process.env.TEST_PG_URL;
  const url = configured || "postgresql://postgres@127.0.0.1:5432/postgres";
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_REMOTE_TEST_DB !== "1") {
    throw new Error(`TEST_PG_URL 指向 ${host}：测试会创建并删除数据库，只允许本机 (set ALLOW_REMOTE_TEST_DB=1 to override)`);
  }
  if (await answers(url)) return { url, stop: async () => {} };
  if (configured) throw new Error(`TEST_PG_URL 无法连接：${url}`);
  log("127.0.0.1:5432 无 PostgreSQL，启动内置 PostgreSQL 供本次测试使用");
  const db = await startEmbeddedDatabase({ dir: path.join(ROOT, ".data", "test-postgres"), port: 54330, database: "postgres", log: console.log });
  return { url: db.adminUrl, stop: db.stop };
}

async function withDatabase(serverUrl, name, fn) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

async function main() {
  const server = await resolveTestServer();
  const env = { ...process.env, TEST_PG_URL: server.url, NEXT_TELEMETRY_DISABLED: "1" };
  try {
    if (!only) {
      log("代码检查 (eslint：Next.js、jsx-a11y 与分层边界)");
      await run(bin("eslint"), ["--max-warnings", "0", "."], { env });
      log("类型检查 (tsc --noEmit)");
      await run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], { env });
    }
    if (wants("unit") || wants("integration")) {
      const projects = only ? ["--project", only] : ["--project", "unit", "--project", "integration"];
      log(`单元与集成测试 (vitest${only ? ` --project ${only}` : ""})`);
      await run(bin("vitest"), ["run", ...projects], { env });
    }
    if (wants("e2e")) {
      const name = `pp_e2e_${Date.now().toString(36)}`;
      await withDatabase(server.url, name, async (url) => {
        const dbEnv = { ...env, DATABASE_URL: url };
        log(`端到端测试数据库 ${name}：迁移并写入演示数据`);
        await run(bin("prisma"), ["migrate", "deploy"], { env: dbEnv, quiet: true });
        await run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], { env: dbEnv });
        log("构建应用 (next build)");
        await run(bin("next"), ["build"], { env: dbEnv });
        log("停止顺序测试 (npm start 在请求中 Ctrl-C：先 Web 服务，再任务进程，最后数据库，无 500)");
        await run(bin("vitest"), ["run", "--project", "ops"], { env });
        log("浏览器测试 (playwright, Debian Chromium)");
        await run(bin("playwright"), ["test"], { env: { ...env, E2E_DATABASE_URL: url } });
      });
    }
    log("全部通过");
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(`\n[test] 失败：${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
