// Scheduled work on pg-boss (lib/server/jobs): two engines on one database, as two app
// instances behind one nginx would run them, and each occasion of a job runs once. pg-boss
// keeps its own schema ("pgboss") in this run's test database.
//
// Before pg-boss, every server process ran its own ten-minute timer: two instances ran two
// rounds for each occasion (an advisory lock only kept them from overlapping).

import { afterEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { type JobEngine, JOB_SCHEMA, occasionJobId, startJobEngine } from "@/lib/server/jobs/engine";
import { JOBS, type JobDefinition } from "@/lib/server/jobs/registry";
import { makeIssueRow, makeIssueWorld } from "../helpers/issue-factories";

const url = () => inject("databaseUrl");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const engines: JobEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop(5_000)));
});

/** A job that counts its runs in this process (both engines run in it). */
function countingJob(name: string, cron = "0 3 * * *") {
  const runs: { jobId: string; occasion: string | null }[] = [];
  const job: JobDefinition = {
    name,
    cron,
    description: "test",
    async run({ jobId, occasion }) {
      runs.push({ jobId, occasion });
      await sleep(200); // long enough for the other engine to poll meanwhile
      return { n: runs.length };
    },
  };
  return { job, runs };
}

async function twoEngines(jobs: JobDefinition[], fast: { schedule: boolean }) {
  const opts = { connectionString: url(), jobs, pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, max: 3, schedule: fast.schedule };
  const [a, b] = await Promise.all([startJobEngine({ ...opts, instanceName: "a" }), startJobEngine({ ...opts, instanceName: "b" })]);
  engines.push(a, b);
  return [a, b] as const;
}

async function until(what: () => boolean | Promise<boolean>, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(100);
  }
}

async function jobRows(queue: string) {
  return getDb().$queryRawUnsafe<{ id: string; state: string; output: unknown }[]>(`SELECT id::text, state::text, output FROM ${JOB_SCHEMA}.job WHERE name = $1 ORDER BY created_on`, queue);
}

describe("the job engine with two instances on one database", () => {
  it("an occasion sent by both engines (and sent again after it ran) is one job, run once", { timeout: 60_000 }, async () => {
    const { job, runs } = countingJob("test-direct");
    const [a, b] = await twoEngines([job], { schedule: false });
    const occasion = "2026-11-28T10:20:00+08:00";

    const ids = await Promise.all([a.runOccasion(job.name, occasion), b.runOccasion(job.name, occasion), a.runOccasion(job.name, occasion)]);
    expect(ids.filter((id) => id !== null)).toEqual([occasionJobId(job.name, "2026-11-28T02:20:00.000Z")]);

    await until(() => runs.length > 0, 10_000);
    await until(async () => (await jobRows(job.name)).every((r) => r.state === "completed"), 10_000);
    // Later, from the other instance: still the same occasion, nothing new.
    expect(await b.runOccasion(job.name, new Date("2026-11-28T02:20:00Z"))).toBeNull();
    await sleep(1_500); // three polling rounds of both engines
    expect(runs).toEqual([{ jobId: ids.find((id) => id)!, occasion: "2026-11-28T02:20:00.000Z" }]);
    expect((await jobRows(job.name)).map((r) => r.state)).toEqual(["completed"]);

    // Another occasion is another run.
    expect(await b.runOccasion(job.name, "2026-11-28T10:30:00+08:00")).not.toBeNull();
    await until(() => runs.length === 2, 10_000);
  });

  it("a cron occasion scheduled by both engines becomes one job, run by one of them", { timeout: 90_000 }, async () => {
    // Every minute, so the current minute's occasion is due as soon as the schedule exists;
    // stay inside one minute so exactly one occasion comes due during the test.
    if (new Date().getSeconds() > 40) await sleep((61 - new Date().getSeconds()) * 1000);
    const minute = Math.floor(Date.now() / 60_000);
    const { job, runs } = countingJob("test-cron", "* * * * *");
    const [a] = await twoEngines([job], { schedule: true });

    await until(() => runs.length > 0, 15_000);
    await sleep(3_000); // both schedulers pass several more times (every second)
    expect(Math.floor(Date.now() / 60_000)).toBe(minute);
    expect(runs).toHaveLength(1);
    expect(runs[0].occasion).toBeNull();
    expect(await jobRows(job.name)).toHaveLength(1);
    const [schedule] = await a.boss.getSchedules(job.name);
    expect(schedule).toMatchObject({ cron: "* * * * *", timezone: "Asia/Shanghai" });
  });
});

describe("the registered jobs", () => {
  it("deadline reminders are scheduled every ten minutes in Asia/Shanghai and write the reminders", { timeout: 60_000 }, async () => {
    const engine = await startJobEngine({ connectionString: url(), pollingIntervalSeconds: 0.5 });
    engines.push(engine);
    const schedules = await engine.boss.getSchedules();
    expect(schedules.map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone }))).toEqual(JOBS.map((j) => ({ name: j.name, cron: j.cron, timezone: "Asia/Shanghai" })));
    expect(JOBS.find((j) => j.name === "deadline-reminders")?.cron).toBe("*/10 * * * *");

    const w = await makeIssueWorld();
    const overdue = await makeIssueRow({
      parkId: w.park.id,
      enterpriseId: w.enterprise.id,
      projectId: w.project.id,
      reporterId: w.liaison.userId,
      responsibleUserId: w.staff.userId,
      raisedDate: "2026-09-01",
      resolveDeadline: "2026-09-10",
    });
    const id = await engine.runOccasion("deadline-reminders", "2026-09-15T09:00:00+08:00");
    await until(async () => (await jobRows("deadline-reminders")).some((r) => r.id === id && r.state === "completed"), 15_000);
    const notes = await getDb().notification.findMany({ where: { issueId: overdue.id }, select: { userId: true, kind: true }, orderBy: { userId: "asc" } });
    expect(notes).toEqual([w.liaison.userId, w.staff.userId].sort((x, y) => x - y).map((userId) => ({ userId, kind: "ISSUE_OVERDUE" })));
    const [row] = (await jobRows("deadline-reminders")).filter((r) => r.id === id);
    expect(row.output).toMatchObject({ created: expect.any(Number) });
  });

  it("the lights snapshot runs nightly at 00:10 in Asia/Shanghai and writes the occasion's day once", { timeout: 60_000 }, async () => {
    expect(JOBS.find((j) => j.name === "lights-snapshot")?.cron).toBe("10 0 * * *");
    const engine = await startJobEngine({ connectionString: url(), pollingIntervalSeconds: 0.5 });
    engines.push(engine);
    // 2026-03-02 00:10 in Shanghai is still 1 March in UTC: the day is Shanghai's.
    const id = await engine.runOccasion("lights-snapshot", "2026-03-02T00:10:00+08:00");
    await until(async () => (await jobRows("lights-snapshot")).some((r) => r.id === id && r.state === "completed"), 15_000);
    const [row] = (await jobRows("lights-snapshot")).filter((r) => r.id === id);
    expect(row.output).toMatchObject({ date: "2026-03-02", parks: expect.any(Number) });
    const parks = await getDb().park.count({ where: { archivedAt: null } });
    expect(await getDb().lightSnapshot.count({ where: { date: new Date("2026-03-02T00:00:00Z") } })).toBeGreaterThanOrEqual(Math.min(parks, 1));
  });
});
