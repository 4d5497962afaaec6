// Throwaway PostgreSQL databases for tests, built by the real Prisma CLI.
//
// The server comes from TEST_PG_URL (default: local postgres superuser). Each
// database gets a unique name so parallel runs and leftovers never collide.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TestDatabase {
  url: string;
  name: string;
  /** Drops the database, closing any connections still open to it. */
  drop(): Promise<void>;
}

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function testServerUrl(): string {
  return process.env.TEST_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** The connection URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs the project's Prisma CLI (`npx prisma ...`) in the repo root, so it
 * picks up prisma.config.ts. Resolves with the exit code instead of rejecting
 * on a non-zero exit; rejects only if the CLI could not run at all.
 */
export function runPrisma(args: string[], env: Record<string, string | undefined> = {}): Promise<PrismaRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "npx",
      ["--no", "--", "prisma", ...args], // --no: never ask the registry, use the local install
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 110_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(new Error(`prisma ${args.join(" ")} did not run: ${error.message}\n${stdout}\n${stderr}`));
        } else {
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        }
      },
    );
    child.stdin?.end(); // never wait for a prompt
  });
}

/** A new, empty database. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const name = `pp_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await onServer(`CREATE DATABASE "${name}"`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A new database with every migration in prisma/migrations applied by `prisma migrate deploy`. */
export async function createMigratedTestDatabase(): Promise<TestDatabase> {
  const db = await createEmptyTestDatabase();
  try {
    const run = await runPrisma(["migrate", "deploy"], { DATABASE_URL: db.url });
    if (run.code !== 0) {
      throw new Error(`prisma migrate deploy failed (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
    }
    return db;
  } catch (error) {
    await db.drop().catch(() => {});
    throw error;
  }
}
