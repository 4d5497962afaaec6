import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { REPO_ROOT, createMigratedTestDatabase, testServerUrl } from "../helpers/test-db";

function start(env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

describe("npm start refuses bad configuration with one line", () => {
  it.each([
    ["not a URL", "not-a-url", /DATABASE_URL 不是有效的地址/],
    ["another database kind", "mysql://root@127.0.0.1:3306/park", /DATABASE_URL 须以 postgresql:\/\/ 开头/],
    ["no database name", "postgresql://postgres@127.0.0.1:5432", /DATABASE_URL 须包含主机和数据库名/],
    ["a server that does not answer", "postgresql://postgres:secret@127.0.0.1:1/park", /无法连接数据库 postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/park/],
  ])("%s", (_name, url, message) => {
    const { code, stderr } = start({ DATABASE_URL: url, NEXTAUTH_SECRET: "x".repeat(40) });
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr.split("\n")).toHaveLength(1); // one line, no stack trace
    expect(stderr).not.toContain("secret@"); // the password is never printed
  });

  it("a real database without NEXTAUTH_SECRET", () => {
    const { code, stderr } = start({ DATABASE_URL: testServerUrl() });
    expect(code).toBe(1);
    expect(stderr).toMatch(/缺少 NEXTAUTH_SECRET/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  it("a bad port", () => {
    const { code, stderr } = start({ DATABASE_URL: testServerUrl(), NEXTAUTH_SECRET: "x".repeat(40), PORT: "http" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT 须为 1-65535 之间的整数/);
  });
});

describe("the first administrator of a production database", () => {
  function adminCreate(url: string, args: string[], password?: string) {
    const result = spawnSync(process.execPath, ["node_modules/.bin/tsx", "--conditions=react-server", "scripts/admin-create.ts", ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: url, CHECKPOINT_DISABLE: "1", ...(password ? { ADMIN_PASSWORD: password } : {}) },
      encoding: "utf8",
      input: "",
      timeout: 110_000,
    });
    return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  }

  it("npm start on a database without an administrator says how to create one; admin:create makes one with a strong password only", async () => {
    const db = await createMigratedTestDatabase();
    try {
      const refused = start({ DATABASE_URL: db.url, NEXTAUTH_SECRET: "x".repeat(40) });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/还没有启用的系统管理员.*npm run admin:create -- --username/);
      expect(refused.stderr).toMatch(/no active administrator/);
      expect(refused.stderr.split("\n")).toHaveLength(1);

      const weak = adminCreate(db.url, ["--username", "director"], "Park@2026");
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/密码是公开的演示密码或常见密码/);
      const noPassword = adminCreate(db.url, ["--username", "director"]);
      expect(noPassword.code).toBe(1);
      expect(noPassword.stderr).toMatch(/ADMIN_PASSWORD/);

      const made = adminCreate(db.url, ["--username", "director", "--name", "园区办主任"], "Green-Valley-2026");
      expect(made.code).toBe(0);
      expect(made.stdout.split("\n")).toHaveLength(1);
      expect(made.stdout).toMatch(/已创建系统管理员 director（园区办主任）/);

      const again = adminCreate(db.url, ["--username", "director"], "Green-Valley-2026");
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/用户名「director」已存在/);

      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT u.username, u."mustChangePassword", m.role FROM "User" u JOIN "Membership" m ON m."userId" = u.id`);
        expect(rows).toEqual([{ username: "director", mustChangePassword: false, role: "ADMIN" }]);
        const audit = await client.query(`SELECT action, "actorId" FROM "AuditLog" WHERE "entityType" = 'User'`);
        expect(audit.rows).toEqual([{ action: "user.create", actorId: null }]);
      } finally {
        await client.end();
      }
      const { verifyPassword } = await import("@/lib/server/auth/password");
      const hashClient = new pg.Client({ connectionString: db.url });
      await hashClient.connect();
      const [{ passwordHash }] = (await hashClient.query(`SELECT "passwordHash" FROM "User"`)).rows;
      await hashClient.end();
      expect(await verifyPassword(passwordHash, "Green-Valley-2026")).toBe(true);
    } finally {
      await db.drop();
    }
  });
});
