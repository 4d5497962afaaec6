// The Prisma CLI works offline on this project: every command below goes
// through prisma/engine/schema-engine.mjs (the wasm schema engine bridge that
// prisma.config.ts installs) instead of a downloaded native binary.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, createEmptyTestDatabase, runPrisma, type PrismaRun, type TestDatabase } from "../helpers/test-db";

const SLOW = { timeout: 120_000 };
const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
const SCHEMA = path.join(REPO_ROOT, "prisma/schema.prisma");
const ENGINE = path.join(REPO_ROOT, "prisma/engine/schema-engine.mjs");

const output = (run: PrismaRun) => `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;

async function migrationDirectories(dir = MIGRATIONS_DIR): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function appliedMigrations(url: string): Promise<string[]> {
  const rows = await query<{ migration_name: string }>(
    url,
    `SELECT migration_name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

describe("prisma CLI with the offline schema engine", () => {
  let db: TestDatabase; // built by `migrate deploy`, then used by the other commands
  let pushDb: TestDatabase; // for `db push`
  const onDb = () => ({ DATABASE_URL: db.url });

  beforeAll(async () => {
    db = await createEmptyTestDatabase();
    pushDb = await createEmptyTestDatabase();
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
    await pushDb?.drop();
  });

  it("migrate deploy applies every migration to an empty database", SLOW, async () => {
    const run = await runPrisma(["migrate", "deploy"], onDb());
    expect(run.code, output(run)).toBe(0);

    const onDisk = await migrationDirectories();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(await appliedMigrations(db.url)).toEqual(onDisk);
  });

  it("migrate status reports the database up to date", SLOW, async () => {
    const run = await runPrisma(["migrate", "status"], onDb());
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain("Database schema is up to date");
  });

  it("migrate diff: the migrations produce exactly schema.prisma", SLOW, async () => {
    const run = await runPrisma([
      "migrate", "diff",
      "--from-migrations", "prisma/migrations",
      "--to-schema", "prisma/schema.prisma",
      "--exit-code", // 0 = empty diff, 2 = differences
    ]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain("No difference detected.");
  });

  it("migrate diff: the migrated database matches schema.prisma", SLOW, async () => {
    const run = await runPrisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      onDb(),
    );
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain("No difference detected.");
  });

  it("migrate diff --script prints the SQL (engine -> CLI `print` request)", SLOW, async () => {
    const run = await runPrisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"]);
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toMatch(/CREATE TABLE "/);
  });

  it("migrate dev finds nothing to change when the schema matches", SLOW, async () => {
    const before = await migrationDirectories();
    const run = await runPrisma(["migrate", "dev"], onDb());
    expect(run.code, output(run)).toBe(0);
    expect(run.stdout).toContain("Already in sync, no schema change or pending migration was found.");
    expect(await migrationDirectories()).toEqual(before);
  });

  it("migrate dev --create-only drafts only an empty migration when the schema matches", SLOW, async () => {
    // --create-only always writes a (draft) migration; with no schema change
    // its SQL is just the empty-migration marker. Work on a copy of the
    // migrations directory so the repo is left untouched.
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "pp-prisma-cli-"));
    try {
      const migrations = path.join(tmp, "migrations");
      await fs.cp(MIGRATIONS_DIR, migrations, { recursive: true });
      const config = path.join(tmp, "prisma.config.mjs");
      await fs.writeFile(
        config,
        `export default ${JSON.stringify({ schema: SCHEMA, migrations: { path: migrations }, datasource: { url: db.url } })};\n`,
      );

      const before = await migrationDirectories(migrations);
      const run = await runPrisma(["migrate", "dev", "--create-only", "--name", "noop", "--config", config], {
        PRISMA_SCHEMA_ENGINE_BINARY: ENGINE, // set by our prisma.config.ts, not by this temporary one
      });
      expect(run.code, output(run)).toBe(0);
      expect(run.stdout).toContain("created the following migration without applying it");

      const added = (await migrationDirectories(migrations)).filter((d) => !before.includes(d));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/_noop$/);
      const sql = await fs.readFile(path.join(migrations, added[0], "migration.sql"), "utf8");
      expect(sql.trim()).toBe("-- This is an empty migration.");
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });

  it("migrate reset --force drops everything and re-applies the migrations", SLOW, async () => {
    await query(db.url, "CREATE TABLE reset_marker (id int)");

    const run = await runPrisma(["migrate", "reset", "--force"], onDb());
    expect(run.code, output(run)).toBe(0);

    const [{ marker }] = await query<{ marker: string | null }>(db.url, "SELECT to_regclass('reset_marker')::text AS marker");
    expect(marker).toBeNull();
    expect(await appliedMigrations(db.url)).toEqual(await migrationDirectories());
  });

  it("db push creates schema.prisma on another empty database", SLOW, async () => {
    const onPushDb = { DATABASE_URL: pushDb.url };
    const push = await runPrisma(["db", "push"], onPushDb);
    expect(push.code, output(push)).toBe(0);
    expect(push.stdout).toContain("Your database is now in sync with your Prisma schema");

    const diff = await runPrisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"],
      onPushDb,
    );
    expect(diff.code, output(diff)).toBe(0);
  });

  it("leaves no temporary shadow databases behind", SLOW, async () => {
    const names = [db.name, pushDb.name].map((n) => `${n.slice(0, 40)}_shadow_%`);
    const rows = await query<{ datname: string }>(
      db.url,
      `SELECT datname FROM pg_database WHERE datname LIKE '${names[0]}' OR datname LIKE '${names[1]}'`,
    );
    expect(rows).toEqual([]);
  });
});
