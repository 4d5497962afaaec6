import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// The Prisma CLI would otherwise download its native schema-engine binary
// (no internet here). This config is loaded before that check, so pointing the
// CLI at our WebAssembly-backed stand-in makes every command work offline.
// See docs/offline-prisma.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= path.join(root, "prisma/engine/schema-engine.mjs");

// The CLI sends a telemetry "checkpoint" request to an outside host unless this is set;
// nothing here may even try (a government intranet). package.json's scripts set it too.
process.env.CHECKPOINT_DISABLE ||= "1";

// Default lets `prisma generate` (which never connects) work without any env.
const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/park_pipeline";

export default defineConfig({
  schema: path.join(root, "prisma/schema.prisma"),
  migrations: {
    path: path.join(root, "prisma/migrations"),
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
