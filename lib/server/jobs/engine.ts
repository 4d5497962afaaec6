import "server-only";
import { createHash } from "node:crypto";
import { PgBoss } from "pg-boss";
import { type Logger, logger as rootLogger } from "@/lib/server/logger";
import { JOBS, JOB_TIME_ZONE, type JobDefinition } from "./registry";

// The job engine: pg-boss on the app's own PostgreSQL. Each instance of the worker starts one;
// with several instances on one database:
// - pg-boss's scheduler claims each cron pass in the database and files every occurrence of a
//   schedule under a singleton key and time slot, so an occasion becomes exactly one job;
// - a job is fetched with FOR UPDATE SKIP LOCKED, so exactly one worker runs it.
// `runOccasion` sends a job for a named occasion (a manual run, a test) the same way: its id is
// derived from the job's name and the occasion, so sending it again, from any instance, while
// the job is kept (7 days after completion) inserts nothing.

/** pg-boss's tables live in their own schema of the app's database, beside Prisma's "public". */
export const JOB_SCHEMA = "pgboss";

export interface JobEngineOptions {
  connectionString: string;
  jobs?: readonly JobDefinition[];
  /** Create the schedules and run pg-boss's scheduler (default true). */
  schedule?: boolean;
  /** How often an idle worker asks for a job (default 2 s). */
  pollingIntervalSeconds?: number;
  /** How often the scheduler looks for due occurrences (pg-boss: 1–45 s, default 30). */
  cronMonitorIntervalSeconds?: number;
  /** How often the scheduler's forwarder runs (pg-boss: 1–45 s, default 5). */
  cronWorkerIntervalSeconds?: number;
  /** A name for this instance in pg-boss's registry, e.g. the host name. */
  instanceName?: string;
  /** Connections of this engine's pool (default 4). */
  max?: number;
  log?: Logger;
}

export interface JobEngine {
  readonly boss: PgBoss;
  readonly jobs: readonly JobDefinition[];
  /** Sends the job for `occasion` once: the id of the new job, or null when that occasion was already sent. */
  runOccasion(name: string, occasion: Date | string): Promise<string | null>;
  /** Stops fetching, waits for running jobs (up to `timeoutMs`), closes the pool. */
  stop(timeoutMs?: number): Promise<void>;
}

interface OccasionData {
  occasion?: string;
}

/** A UUID (version 8, name-based) for one occasion of one job: the same on every instance. */
export function occasionJobId(name: string, occasion: string): string {
  const h = createHash("sha256").update(`${name}\u0000${occasion}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isoOccasion(occasion: Date | string): string {
  const d = occasion instanceof Date ? occasion : new Date(occasion);
  if (Number.isNaN(d.getTime())) throw new Error(`invalid occasion: ${String(occasion)}`);
  return d.toISOString();
}

export async function startJobEngine(opts: JobEngineOptions): Promise<JobEngine> {
  const jobs = opts.jobs ?? JOBS;
  const log = opts.log ?? rootLogger.child({ component: "jobs" });
  const byName = new Map(jobs.map((j) => [j.name, j]));
  if (byName.size !== jobs.length) throw new Error("job names must be unique");
  const scheduling = opts.schedule ?? true;

  const boss = new PgBoss({
    connectionString: opts.connectionString,
    schema: JOB_SCHEMA,
    application_name: "park-pipeline-jobs",
    max: opts.max ?? 4,
    schedule: scheduling,
    // pg-boss checks these by presence: an option set to undefined fails its range check.
    ...(opts.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds } : {}),
    ...(opts.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: opts.cronWorkerIntervalSeconds } : {}),
    ...(opts.instanceName ? { instanceName: opts.instanceName } : {}),
    // No OpenTelemetry SDK is registered; keep pg-boss from even creating no-op spans.
    openTelemetry: { enabled: false },
  });
  boss.on("error", (err) => log.error({ err }, "job engine error"));
  boss.on("warning", (w) => log.warn({ warning: w }, "job engine warning"));

  await boss.start();

  const polling = opts.pollingIntervalSeconds ?? 2;
  for (const job of jobs) {
    await boss.createQueue(job.name, { expireInSeconds: job.expireInSeconds ?? 15 * 60, retryLimit: 2, retryDelay: 30, retryBackoff: true });
    await boss.work<OccasionData>(job.name, { pollingIntervalSeconds: polling, batchSize: 1 }, async ([j]) => {
      const jobLog = log.child({ job: job.name, jobId: j.id });
      const started = Date.now();
      try {
        const output = (await job.run({ jobId: j.id, occasion: j.data?.occasion ?? null, log: jobLog })) ?? {};
        jobLog.info({ ms: Date.now() - started, ...output }, "job done");
        return output;
      } catch (err) {
        // pg-boss records the failure and retries (retryLimit); the line says what went wrong.
        jobLog.error({ err, ms: Date.now() - started }, "job failed");
        throw err;
      }
    });
  }

  if (scheduling) {
    for (const job of jobs) {
      // An upsert: every instance writes the same row; `missed: "once"` runs one catch-up after downtime.
      await boss.schedule(job.name, job.cron, null, { tz: JOB_TIME_ZONE, missed: "once" });
    }
    // A job taken out of the registry stops being scheduled (its queue and history stay).
    for (const s of await boss.getSchedules()) {
      if (!byName.has(s.name)) {
        await boss.unschedule(s.name, s.key);
        log.info({ job: s.name }, "schedule of a job no longer registered removed");
      }
    }
  }
  log.info({ jobs: jobs.map((j) => `${j.name} (${j.cron})`), scheduling, timeZone: JOB_TIME_ZONE }, "job engine started");

  let stopped: Promise<void> | null = null;
  return {
    boss,
    jobs,
    async runOccasion(name, occasion) {
      if (!byName.has(name)) throw new Error(`unknown job: ${name}`);
      const at = isoOccasion(occasion);
      const id = occasionJobId(name, at);
      return boss.send(name, { occasion: at }, { id, singletonKey: `${name}@${at}` });
    },
    stop(timeoutMs = 20_000) {
      stopped ??= boss.stop({ graceful: true, timeout: timeoutMs }).then(() => log.info("job engine stopped"));
      return stopped;
    },
  };
}
