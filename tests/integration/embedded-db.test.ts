import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../../scripts/lib/embedded-db.mjs";

interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pp-embedded-"));
fs.chmodSync(dir, 0o777); // as root, PostgreSQL runs as user "postgres" and writes here
const dataDir = path.join(dir, "pg");
// Below Linux's ephemeral range (32768-60999): a port in it may be the local port of one of the
// suite's own connections at that moment, and PostgreSQL then cannot bind it.
const port = 31000 + (process.pid % 500);

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("embedded PostgreSQL (npm start without DATABASE_URL)", () => {
  it("initialises, keeps data across a restart, and stops cleanly with no process left", { timeout: 120_000 }, async () => {
    const first: EmbeddedDb = await startEmbeddedDatabase({ dir: dataDir, port, database: "park_pipeline" });
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('数据保留')");
    const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(processAlive(pid)).toBe(true);

    await first.stop();
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    expect(processAlive(pid)).toBe(false);

    const logs: string[] = [];
    const second: EmbeddedDb = await startEmbeddedDatabase({ dir: dataDir, port, database: "park_pipeline", serverLog: (m: string) => logs.push(m) });
    try {
      expect(await query(second.url, "SELECT v FROM kept")).toEqual([{ v: "数据保留" }]);
      // A clean shutdown: no crash recovery on the next start.
      expect(logs.join("")).toMatch(/database system was shut down at/);
      expect(logs.join("")).not.toMatch(/automatic recovery in progress|was interrupted/);
    } finally {
      await second.stop();
    }
  });

  it("says why when PostgreSQL exits before it is ready (its last lines)", { timeout: 120_000 }, async () => {
    const broken = path.join(dir, "broken");
    const db: EmbeddedDb = await startEmbeddedDatabase({ dir: broken, port: port + 500, database: "x" });
    await db.stop();
    fs.appendFileSync(path.join(broken, "postgresql.conf"), "\nshared_buffers = 'plenty'\n");
    await expect(startEmbeddedDatabase({ dir: broken, port: port + 500, database: "x" })).rejects.toThrow(/内置数据库启动失败.*shared_buffers/);
  });

  it("says so in one line when the port is taken", { timeout: 60_000 }, async () => {
    // A port the system hands out free at this moment (a fixed one may already be someone's ephemeral port).
    const server = (await import("node:net")).createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const taken = (server.address() as import("node:net").AddressInfo).port;
    try {
      await expect(startEmbeddedDatabase({ dir: path.join(dir, "other"), port: taken, database: "x" })).rejects.toThrow(/端口 \d+ 已被占用/);
    } finally {
      server.close();
    }
  });
});
