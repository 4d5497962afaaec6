import { defineConfig } from "@playwright/test";
import { e2eServerEnv } from "./e2e/server-env";

// Run through `npm test` (or `npm run test:e2e`): scripts/test.mjs builds the app,
// creates a fresh database with the demo data and passes it in E2E_DATABASE_URL.
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npm run test:e2e` or `npm test`");

const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL: run against a server you started yourself (e.g. `npm run dev`) while writing specs.
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // The day-one spec adds regions, parks and people that other specs would count (an
  // administrator sees every park): it runs after all of them.
  projects: [
    { name: "main", testIgnore: /day-one\.spec\.ts/ },
    { name: "day-one", testMatch: /day-one\.spec\.ts/, dependencies: ["main"] },
  ],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium; never a downloaded browser (no internet here).
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  webServer: external
    ? undefined
    : {
        command: `node_modules/.bin/next start -p ${port}`,
        url: `${baseURL}/login`,
        reuseExistingServer: false,
        timeout: 120_000,
        stdout: "ignore",
        stderr: "pipe",
        env: e2eServerEnv(baseURL, databaseUrl),
      },
});
