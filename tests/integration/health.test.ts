// Liveness (/api/health) and readiness (/api/ready) through their route handlers, and the
// readiness check against databases that are not ready: missing, failed or no migrations, and
// no database at all.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, createPrismaClient } from "@/lib/db/client";
import { checkReadiness, expectedMigrations } from "@/lib/server/health/readiness";
import * as healthRoute from "@/app/api/health/route";
import * as readyRoute from "@/app/api/ready/route";
import { type TestDatabase, createEmptyTestDatabase } from "../helpers/test-db";

describe("GET /api/health", () => {
  it("answers 200 { status: ok } without touching the database", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:1/none"; // unused: liveness never connects
    try {
      const res = healthRoute.GET();
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});

describe("GET /api/ready", () => {
  it("is ready on a database with every migration of prisma/migrations applied", async () => {
    const res = await readyRoute.GET();
    const expected = expectedMigrations();
    expect(expected.length).toBeGreaterThan(0);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", migrations: { expected: expected.length, applied: expected.length } });
  });
});

describe("checkReadiness on databases that are not ready", () => {
  let empty: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    empty = await createEmptyTestDatabase();
    db = createPrismaClient(empty.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await empty.drop();
  });

  it("503: a migration of this build is not applied", async () => {
    const r = await checkReadiness({ expected: [...expectedMigrations(), "20991231000000_from_a_newer_build"] });
    expect(r).toEqual({ ready: false, reason: { zh: "数据库缺少 1 个迁移：请运行 npx prisma migrate deploy", en: expect.stringMatching(/not applied/) } });
  });

  it("503: a database nobody migrated", async () => {
    const r = await checkReadiness({ db });
    expect(r).toMatchObject({ ready: false, reason: { zh: expect.stringMatching(/^数据库尚未迁移/), en: expect.stringMatching(/no migrations/) } });
  });

  it("503: a migration that failed half-way (finished_at null), even if the others are there", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
      logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0)`);
    const expected = expectedMigrations();
    for (const [i, name] of expected.entries()) {
      await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES (${String(i)}, 'x', ${i === expected.length - 1 ? null : new Date()}, ${name})`;
    }
    expect(await checkReadiness({ db })).toMatchObject({ ready: false, reason: { zh: expect.stringMatching(/^有 1 个迁移执行失败/) } });

    // Resolved as rolled back and applied again: ready.
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE finished_at IS NULL`;
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name) VALUES ('again', 'x', now(), ${expected.at(-1)!})`;
    expect(await checkReadiness({ db })).toEqual({ ready: true, migrations: { expected: expected.length, applied: expected.length } });
  });

  it("503 within the time limit: no database answers", async () => {
    const nowhere = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing");
    try {
      const started = Date.now();
      expect(await checkReadiness({ db: nowhere, timeoutMs: 3_000 })).toEqual({ ready: false, reason: { zh: "无法连接数据库", en: "The database is unreachable." } });
      expect(Date.now() - started).toBeLessThan(3_500);
    } finally {
      await nowhere.$disconnect();
    }
  });
});
