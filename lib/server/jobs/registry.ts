import "server-only";
import type { Logger } from "@/lib/server/logger";
import { deadlineReminders } from "./deadline-reminders";
import { figuresRollup } from "./figures-rollup";
import { dailyDigest } from "./daily-digest";
import { lightsSnapshot } from "./lights-snapshot";
import { outboundDispatch } from "./outbound-dispatch";
import { reminders } from "./reminders";

// Scheduled work, one registration each. The job worker (scripts/worker.ts, started by
// `npm start`) creates a pg-boss queue and a schedule per entry and works the queue; pg-boss
// keeps queues, schedules and jobs in its own schema ("pgboss") of the app's database, so
// with several app instances on one database every occasion runs once, on one of them.
//
// To add a job: write `lib/server/jobs/<name>.ts` exporting a JobDefinition and list it
// below. A job must be safe to run again for the same occasion (a retry after a crash runs
// it a second time): write with WHERE NOT EXISTS or a unique key, as the reminders do.

export interface JobContext {
  /** pg-boss's job id. */
  jobId: string;
  /** The occasion a manual or catch-up run was sent for (ISO time), null for a cron occurrence. */
  occasion: string | null;
  /** The worker's logger with `job` and `jobId` on every line. */
  log: Logger;
}

export interface JobDefinition {
  /** Queue name: lowercase letters, digits and hyphens. Renaming one leaves the old queue behind. */
  name: string;
  /** Five-field cron expression, read in `JOB_TIME_ZONE` (Asia/Shanghai). */
  cron: string;
  /** One line, for the logs and the deployment notes. */
  description: string;
  /** A run longer than this is taken as crashed and retried (default 15 minutes). */
  expireInSeconds?: number;
  /**
   * The occasion to send when a worker starts, for work that should not wait for the next
   * cron time (a fresh `npm start`, a worker that was down): the cron period's own occasion,
   * so several workers starting in one period still run it once.
   */
  catchUpOccasion?(now: Date): Date;
  /** The work. What it returns is stored as the job's output and logged. */
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
}

/** Every occasion of every schedule is read in China Standard Time (no daylight saving). */
export const JOB_TIME_ZONE = "Asia/Shanghai";

// In order of name, as pg-boss lists the schedules.
export const JOBS: readonly JobDefinition[] = [dailyDigest, deadlineReminders, figuresRollup, lightsSnapshot, outboundDispatch, reminders];
