import path from "node:path";
import { defineConfig } from "vitest/config";

// lib/server and lib/db import "server-only", which throws outside React's server build;
// tests (like the tsx scripts, run with --conditions=react-server) get its empty module.
const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // One fresh database built by the migrations for the whole run, dropped afterwards.
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Tests share one database; files run one after another to keep counts exact.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Whole-app checks against a production build (`npm start` and Ctrl-C); scripts/test.mjs
          // runs them right after its build: `vitest run --project ops`.
          name: "ops",
          include: ["tests/ops/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
