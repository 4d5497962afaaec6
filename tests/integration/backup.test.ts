// npm run db:backup / db:restore: a round trip through the real commands, restoring into
// a fresh database with identical row counts in every table; refusals change nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { countRows } from "../../scripts/lib/backup";
import { REPO_ROOT, type TestDatabase, createEmptyTestDatabase } from "../helpers/test-db";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

function npmScript(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["node_modules/.bin/tsx", `scripts/${script}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

let dir: string;
let fresh: TestDatabase;
const source = () => inject("databaseUrl");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pp-backup-"));
  fresh = await createEmptyTestDatabase();
  // Rows with Chinese text, NULLs and dates in the tables a backup must carry.
  const region = await makeRegion();
  const park = await makePark(region.id);
  await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
  await makeProject({ parkId: park.id, name: "备份测试项目\t含制表符\\与反斜杠\n换行" });
});

afterAll(async () => {
  await fresh.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  it("round-trips every table into a fresh database with identical row counts", async () => {
    const file = path.join(dir, "b.ppbak.gz");
    const backup = npmScript("db-backup", ["--out", file], source());
    expect(backup.out).toContain("[db:backup] 已备份");
    expect(backup.code).toBe(0);

    const restore = npmScript("db-restore", [file], fresh.url);
    expect(restore.out).toContain("[db:restore] 已恢复");
    expect(restore.code).toBe(0);

    const [before, after] = await Promise.all([countRows(source()), countRows(fresh.url)]);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(after).toEqual(before);
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // The sequences continue after the restored ids: a new row gets a fresh id.
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: fresh.url });
    await client.connect();
    const { rows } = await client.query(`SELECT max(id) AS max, nextval(pg_get_serial_sequence('"Region"', 'id')) AS next FROM "Region"`);
    // Vacuumed and analyzed: the planner has statistics for the restored rows at once.
    const { rows: stats } = await client.query(
      `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname IN ('Project', 'ProjectFigures', 'RedSetDirty') ORDER BY relname`,
    );
    await client.end();
    expect(Number(rows[0].next)).toBeGreaterThan(Number(rows[0].max));
    expect(stats).toEqual(["Project", "ProjectFigures", "RedSetDirty"].map((relname) => ({ relname, vacuumed: true, analyzed: true })));
  });

  it("refuses a non-empty database without --replace, and a truncated file, changing nothing", async () => {
    const file = path.join(dir, "c.ppbak.gz");
    expect(npmScript("db-backup", ["--out", file], source()).code).toBe(0);
    const before = await countRows(fresh.url);

    const refused = npmScript("db-restore", [file], fresh.url);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("目标数据库已有数据表");

    const truncated = path.join(dir, "t.ppbak.gz");
    const zlib = await import("node:zlib");
    const whole = zlib.gunzipSync(fs.readFileSync(file)).toString("utf8");
    fs.writeFileSync(truncated, zlib.gzipSync(whole.slice(0, whole.lastIndexOf("@@end"))));
    const bad = npmScript("db-restore", [truncated, "--replace"], fresh.url);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("备份文件不完整");
    expect(await countRows(fresh.url)).toEqual(before); // checked before --replace dropped anything

    const again = npmScript("db-restore", [file, "--replace"], fresh.url);
    expect(again.out).toContain("[db:restore] 已恢复");
    expect(again.code).toBe(0);
    expect(await countRows(fresh.url)).toEqual(await countRows(source()));
  });

  it("never overwrites an existing backup file", () => {
    const file = path.join(dir, "d.ppbak.gz");
    fs.writeFileSync(file, "keep me");
    const result = npmScript("db-backup", ["--out", file], source());
    expect(result.code).toBe(1);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
  });
});
