import { spawn } from "node:child_process";
import { type Page, expect } from "@playwright/test";
import pg from "pg";

export const DEMO_PASSWORD = "Park@2026";

export const DEMO_ACCOUNTS = {
  admin: { username: "admin", role: "系统管理员" },
  region: { username: "region_hh", role: "市州领导" },
  parkLeader: { username: "leader_hhgx", role: "园区领导" },
  staff: { username: "staff_hhgx", role: "园区工作人员" },
  liaison: { username: "liaison_hhgx", role: "包保责任人" },
} as const;

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  // Each role lands where its work is (liaison: 我的包保, leaders: the dashboard, staff: the
  // board). The first sign-in on a cold server (argon2, first render) can be slow on a loaded machine.
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 30_000 });
}

/** A read-only query against the e2e database, for ids the tests need. */
export async function query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Runs the job worker (scripts/worker.ts, as `npm start` does) on the e2e database while
 * `work` runs: Playwright starts only `next start`, and reminders are written by the worker,
 * which sends the current occasion of each job with a catch-up when it starts.
 */
export async function withJobWorker<T>(work: () => Promise<T>): Promise<T> {
  const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL!, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the job worker did not start within 60 s")), 60_000);
      worker.once("message", () => (clearTimeout(timer), resolve()));
      worker.once("exit", (code) => (clearTimeout(timer), reject(new Error(`the job worker exited with ${code}`))));
    });
    return await work();
  } finally {
    if (worker.exitCode === null) {
      const exited = new Promise((r) => worker.once("exit", r));
      worker.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 25_000))]);
    }
  }
}
