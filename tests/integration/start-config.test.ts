import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, testServerUrl } from "../helpers/test-db";

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
