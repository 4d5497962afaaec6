// The job worker: scheduled work (lib/server/jobs/registry.ts) on pg-boss, in its own
// process beside the web server. `npm start` starts it after the migrations and stops it after
// the web server; in a deployment it is its own systemd service (docs/deployment.md). Any number
// of workers may run against one database: each occasion still runs once.
//
//   node --import tsx --conditions=react-server scripts/worker.ts     (npm run worker)
//   node worker.mjs                                                    (the standalone build)
//
// Stops on SIGTERM or SIGINT, and when the parent that started it with an IPC channel goes
// away: running jobs finish (up to 20 s), then the pool closes and the process exits 0.
import { hostname } from "node:os";
import { disconnectFiguresDb, getDb } from "@/lib/db/client";
import { startJobEngine } from "@/lib/server/jobs/engine";
import { JOBS } from "@/lib/server/jobs/registry";
import { logger } from "@/lib/server/logger";

const log = logger.child({ component: "worker" });

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    log.fatal("DATABASE_URL is not set (npm start sets it; see docs/deployment.md)");
    process.exit(1);
  }
  // The jobs' own queries (Prisma) need few connections; pg-boss has its own pool of 4.
  process.env.DB_POOL_MAX ||= "3";
  process.env.DB_FIGURES_POOL_MAX ||= "2";
  const engine = await startJobEngine({ connectionString: url, instanceName: `${hostname()}:${process.pid}` });
  // Nightly jobs missed while no worker ran: today's occasion, once per day whichever worker sends it.
  for (const job of JOBS) {
    if (job.catchUpOccasion) await engine.runOccasion(job.name, job.catchUpOccasion(new Date()));
  }

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ why }, "worker stopping");
    try {
      await engine.stop();
      await getDb().$disconnect();
    await disconnectFiguresDb();
    } catch (err) {
      log.error({ err }, "worker stop failed");
      process.exit(1);
    }
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("disconnect", () => void stop("parent gone"));
  process.send?.({ type: "ready" });
}

main().catch((err) => {
  log.fatal({ err }, "worker failed to start");
  process.exit(1);
});
