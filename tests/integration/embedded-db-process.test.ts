// The embedded PostgreSQL as npm start runs it (scripts/lib/embedded-db-process.mjs): in a process
// group of its own, so the terminal's Ctrl-C to npm start's group does not reach it; stopped by
// its parent over IPC, or when the parent dies without a word.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pp-dbhost-"));
fs.chmodSync(dir, 0o777); // as root, PostgreSQL runs as user "postgres" and writes here
// Below Linux's ephemeral range (32768-60999), apart from embedded-db.test.ts's 31000-31999
// and the ops test's 32000-32199: a port in that range may be the local port of one of the
// suite's own connections, and PostgreSQL then cannot bind it.
const port = 32300 + (process.pid % 40);
const MODULE = path.resolve(import.meta.dirname, "../../scripts/lib/embedded-db-process.mjs");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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

/**
 * A stand-in for start.mjs, in a process group of its own like a terminal's foreground job: it
 * starts the database, prints its URL, and on {"stop"} on stdin stops it in order.
 */
function parent() {
  const script = `
    import { startEmbeddedDatabaseProcess } from ${JSON.stringify(MODULE)};
    const db = await startEmbeddedDatabaseProcess({ dir: ${JSON.stringify(path.join(dir, "pg"))}, port: ${port}, database: "x" });
    process.on("SIGINT", () => {}); // like start.mjs: the signal is for this process to act on
    console.log(JSON.stringify({ url: db.url }));
    process.stdin.on("data", async () => { await db.stop(); console.log(JSON.stringify({ stopped: true })); process.exit(0); });
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { detached: true, stdio: ["pipe", "pipe", "inherit"] });
  const lines: Record<string, unknown>[] = [];
  child.stdout.on("data", (d: Buffer) => {
    for (const l of String(d).split("\n")) if (l.startsWith("{")) lines.push(JSON.parse(l));
  });
  return { child, lines };
}

async function until<T>(what: () => T | undefined, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(100);
  }
}

const postmasterPid = () => Number(fs.readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);

describe("the embedded database's own process", () => {
  it("keeps running through a SIGINT to the starter's process group, and stops when asked", { timeout: 120_000 }, async () => {
    const { child, lines } = parent();
    const url = await until(() => lines.find((l) => l.url)?.url as string | undefined, 90_000);
    const pid = postmasterPid();

    process.kill(-child.pid!, "SIGINT"); // Ctrl-C to the foreground group
    await sleep(1_500);
    expect(await answers(url)).toBe(true);

    child.stdin.write("stop\n");
    await until(() => lines.find((l) => l.stopped), 30_000);
    expect(alive(pid)).toBe(false);
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });

  it("stops the database cleanly when the starter is killed outright", { timeout: 120_000 }, async () => {
    const { child, lines } = parent();
    await until(() => lines.find((l) => l.url), 90_000);
    const pid = postmasterPid();

    process.kill(child.pid!, "SIGKILL");
    await until(() => (alive(pid) ? undefined : true), 30_000);
    expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
  });
});
