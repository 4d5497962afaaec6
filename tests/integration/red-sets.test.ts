import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { LIGHT_KINDS, type LightKind } from "@/lib/domain/warnings";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { loadLightSetup } from "@/lib/server/warnings/light-sql";
import { RED_KIND_BITS, isWriteConflict, refreshRedSets, storedRedParks } from "@/lib/server/warnings/red-sets";
import { Prisma } from "@/lib/db/generated/prisma/client";
import pg from "pg";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

// The red sets (lib/server/warnings/red-sets.ts) against the red list computed live, on the
// days the job keeps (TODAY, under December, and the last days of the three closed months
// before it: November, October, September), after writes of every kind: the list read with
// the sets is the live list.
const TODAY = "2026-12-05";
const DAYS = [TODAY, "2026-11-30", "2026-10-31", "2026-09-30"];

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function makeProjects(parkId: number, n: number, seed: number): Promise<number[]> {
  const rnd = lcg(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const db = getDb();
  const filerId = (await db.user.findFirstOrThrow({ select: { id: true } })).id;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const stage = pick(["SIGNED", "LANDED", "STARTED", "STARTED", "PRODUCING"] as const);
    const p = await makeProject({ parkId, stage, status: pick(["ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED"] as const) });
    const started = stage === "STARTED" || stage === "PRODUCING";
    const actualStart = started ? pick(["2025-06-10", "2026-01-15", "2026-06-30", "2026-09-15", "2026-10-31"]) : null;
    await db.project.update({
      where: { id: p.id },
      data: { plannedStartDate: isoToDate(pick(["2025-12-01", "2026-05-31", "2026-06-30", "2026-08-01", "2026-11-30", "2027-03-01"])), actualStartDate: actualStart ? isoToDate(actualStart) : null },
    });
    if (rnd() < 0.7) await db.projectYearPlan.create({ data: { projectId: p.id, year: 2026, plannedInvestment: pick(["0", "1200", "12000"]) } });
    if (actualStart) {
      const months = Array.from({ length: 11 }, (_, k) => k + 1).filter((m) => `2026-${String(m).padStart(2, "0")}` >= actualStart.slice(0, 7) && rnd() < 0.75);
      if (months.length) await db.progressReport.createMany({ data: months.map((month) => ({ projectId: p.id, year: 2026, month, investmentCompleted: pick(["0", "100", "900"]), fundsArrived: "0", filedById: filerId })) });
    }
    ids.push(p.id);
  }
  return ids;
}

describe("red sets: the red lists of today and of the closed months kept by the figures job", () => {
  let region: { id: number };
  let parkA: { id: number };
  let parkB: { id: number };
  let leader: Actor;
  let idsA: number[];
  let idsB: number[];

  beforeAll(async () => {
    region = await makeRegion();
    parkA = await makePark(region.id);
    parkB = await makePark(region.id);
    leader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
    idsA = await makeProjects(parkA.id, 30, 3);
    idsB = await makeProjects(parkB.id, 30, 11);
    // Park B red enough on every kept day for its pages of one to be walked in code order
    // (redPageQueryByPark: WALK_MIN_RED red per row the page needs): a start a year late.
    for (let i = 0; i < 16; i++) {
      const p = await makeProject({ parkId: parkB.id, stage: "SIGNED", status: "ACTIVE" });
      await getDb().project.update({ where: { id: p.id }, data: { plannedStartDate: isoToDate("2025-06-01") } });
      idsB.push(p.id);
    }
  });

  /** Every day, every rule, the whole region and each park, and a small page across the parks: the list with the sets is the live list. */
  async function expectSameAsLive(label: string) {
    for (const day of DAYS) {
      for (const kind of [undefined, ...LIGHT_KINDS] as (LightKind | undefined)[]) {
        for (const scope of [{ regionId: region.id }, { parkId: parkA.id }, { parkId: parkB.id }]) {
          const filters = { ...scope, kind };
          const withSets = await listRedProjects(leader, filters, { pageSize: 200 }, day);
          const live = await listRedProjects(leader, filters, { pageSize: 200 }, day, { redSets: false });
          expect(withSets, `${label}: ${day} ${kind ?? "any"} ${JSON.stringify(scope)}`).toEqual(live);
        }
      }
      const page = { page: 2, pageSize: 7 };
      expect(await listRedProjects(leader, { regionId: region.id }, page, day), `${label}: ${day} page 2 of 7`).toEqual(
        await listRedProjects(leader, { regionId: region.id }, page, day, { redSets: false }),
      );
    }
  }

  /** Park B's list and the region's in pages of one (park B's walked in code order), with the sets and live. */
  async function expectPagesOfOneSameAsLive(label: string, day: string) {
    for (const filters of [{ parkId: parkB.id }, { regionId: region.id }]) {
      const whole = await listRedProjects(leader, filters, { pageSize: 200 }, day, { redSets: false });
      expect(whole.total).toBeGreaterThanOrEqual(20);
      const pages: number[] = [];
      for (let page = 1; page <= whole.total; page++) pages.push(...(await listRedProjects(leader, filters, { page, pageSize: 1 }, day)).rows.map((r) => r.id));
      expect(pages, `${label}: ${day} ${JSON.stringify(filters)} in pages of one`).toEqual(whole.rows.map((r) => r.id));
    }
  }

  async function storedParks(day: string) {
    const setup = await loadLightSetup(getDb(), [parkA.id, parkB.id], day);
    return (await storedRedParks(getDb(), setup, [parkA.id, parkB.id]))?.parks ?? [];
  }

  const dirty = async () => (await getDb().redSetDirty.findMany({ select: { projectId: true } })).map((d) => d.projectId);

  it("builds today and the three closed months for every park; the list reads them and equals the live one", async () => {
    const live = await listRedProjects(leader, { regionId: region.id }, { pageSize: 200 }, "2026-11-30", { redSets: false });
    expect(live.total).toBeGreaterThan(5);
    const result = await refreshRedSets(TODAY);
    expect(result).not.toBeNull();
    expect(await dirty()).toEqual([]);
    const months = await getDb().redSetPark.findMany({ where: { parkId: { in: [parkA.id, parkB.id] } }, orderBy: [{ ym: "asc" }, { parkId: "asc" }] });
    expect(months.map((m) => m.ym)).toEqual([8, 8, 9, 9, 10, 10, 11, 11].map((m) => 2026 * 12 + m));
    for (const day of DAYS) expect(await storedParks(day)).toEqual([parkA.id, parkB.id]);
    // Another day of a kept month (its set is of one day: the key differs), or a month not kept: no stored parks.
    expect(await storedParks("2026-11-29")).toEqual([]);
    expect(await storedParks("2026-12-04")).toEqual([]);
    expect(await storedParks("2026-12-31")).toEqual([]);
    expect(await storedParks("2026-08-31")).toEqual([]);
    // The stored rows are each red project's rules.
    const rows = await getDb().redSet.findMany({ where: { ym: 2026 * 12 + 10, parkId: { in: [parkA.id, parkB.id] } } });
    expect(rows.length).toBe(live.total);
    for (const r of live.rows) {
      const stored = rows.find((x) => x.projectId === r.id)!;
      const bits = LIGHT_KINDS.filter((k) => r.light[k] === "RED").reduce((s, k) => s | RED_KIND_BITS[k], 0);
      expect(stored.kinds, r.code).toBe(bits);
    }
    await expectSameAsLive("after the build");
    await expectPagesOfOneSameAsLive("after the build", "2026-10-31");
  });

  it("reads the stored rows and counts: a stored row that the live rule would not list shows (so the list does not compute them)", async () => {
    const db = getDb();
    const live = await listRedProjects(leader, { parkId: parkA.id }, { pageSize: 200 }, "2026-11-30", { redSets: false });
    const notRed = idsA.find((id) => !live.rows.some((r) => r.id === id))!;
    const key = { ym_parkId: { ym: 2026 * 12 + 10, parkId: parkA.id } };
    // The park's counts are read, not its rows counted.
    await db.redSetPark.update({ where: key, data: { redAny: { increment: 1 } } });
    expect((await listRedProjects(leader, { parkId: parkA.id }, { pageSize: 200 }, "2026-11-30")).total).toBe(live.total + 1);
    await db.redSet.create({ data: { ym: 2026 * 12 + 10, parkId: parkA.id, projectId: notRed, kinds: RED_KIND_BITS.start } });
    await db.redSetPark.update({ where: key, data: { redStart: { increment: 1 } } });
    try {
      const read = await listRedProjects(leader, { parkId: parkA.id }, { pageSize: 200 }, "2026-11-30");
      expect(read.total).toBe(live.total + 1);
      expect(read.rows.map((r) => r.id)).toContain(notRed);
      // In pages of one, the planted row shows in its place too.
      const walked: number[] = [];
      for (let page = 1; page <= read.total; page++) walked.push(...(await listRedProjects(leader, { parkId: parkA.id }, { page, pageSize: 1 }, "2026-11-30")).rows.map((r) => r.id));
      expect(walked).toEqual(read.rows.map((r) => r.id));
      expect((await listRedProjects(leader, { parkId: parkA.id, kind: "start" }, { pageSize: 200 }, "2026-11-30")).rows.map((r) => r.id)).toContain(notRed);
    } finally {
      await db.redSet.delete({ where: { ym_projectId: { ym: 2026 * 12 + 10, projectId: notRed } } });
      await db.redSetPark.update({ where: key, data: { redAny: { decrement: 1 }, redStart: { decrement: 1 } } });
    }
    await expectSameAsLive("the planted row gone");
  });

  it("writes of every kind: the projects written are computed live until the job recomputes them", async () => {
    const db = getDb();
    const filerId = (await db.user.findFirstOrThrow({ select: { id: true } })).id;
    // A report filed late for October (the filing rule of 10-31 and 11-30 changes).
    const started = await db.project.findFirstOrThrow({ where: { id: { in: idsA }, actualStartDate: { not: null }, progressReports: { none: { year: 2026, month: 10 } } } });
    await db.progressReport.create({ data: { projectId: started.id, year: 2026, month: 10, investmentCompleted: "5000", fundsArrived: "0", filedById: filerId } });
    // A start dated back to August (the start rule), a suspension, a project moved to the other park, one deleted.
    const due = await db.project.findFirstOrThrow({ where: { id: { in: idsB }, stage: { in: ["SIGNED", "LANDED"] }, status: "ACTIVE" } });
    await db.project.update({ where: { id: due.id }, data: { stage: "STARTED", actualStartDate: isoToDate("2026-08-15") } });
    const active = await db.project.findFirstOrThrow({ where: { id: { in: idsA }, status: "ACTIVE", NOT: { id: started.id } } });
    await db.project.update({ where: { id: active.id }, data: { status: "SUSPENDED", statusDate: isoToDate("2026-10-10") } });
    const moved = idsB.find((id) => id !== due.id)!;
    await db.project.update({ where: { id: moved }, data: { parkId: parkA.id } });
    const gone = idsA[idsA.length - 1];
    await db.progressReport.deleteMany({ where: { projectId: gone } });
    await db.projectYearPlan.deleteMany({ where: { projectId: gone } });
    await db.project.delete({ where: { id: gone } });
    // Park B's first red project in code order suspended since September: red in the stored
    // sets, not any more, where park B's first page is walked in code order.
    const firstRed = (await listRedProjects(leader, { parkId: parkB.id }, { pageSize: 1 }, "2026-11-30")).rows[0].id;
    await db.project.update({ where: { id: firstRed }, data: { status: "SUSPENDED", statusDate: isoToDate("2026-09-01") } });
    // A year plan changed (the progress rule).
    await db.projectYearPlan.updateMany({ where: { projectId: { in: idsB.slice(0, 5) } }, data: { plannedInvestment: "90000" } });
    expect((await dirty()).length).toBeGreaterThanOrEqual(5);
    expect(await storedParks("2026-11-30")).toEqual([parkA.id, parkB.id]);
    await expectSameAsLive("after the writes, before the job");
    for (const day of [TODAY, "2026-11-30"]) await expectPagesOfOneSameAsLive("after the writes, before the job", day);
    expect(await refreshRedSets(TODAY)).not.toBeNull();
    expect(await dirty()).toEqual([]);
    await expectSameAsLive("after the job");
  });

  it("a park whose rules change, or a day whose constants change, is computed live until the job builds it again", async () => {
    await getDb().park.update({ where: { id: parkB.id }, data: { warningRules: { start: { redMonthsLate: 1 }, progress: { redPoints: 10, yellowPoints: 5 } } } });
    expect(await storedParks("2026-11-30")).toEqual([parkA.id]);
    await expectSameAsLive("park B's rules changed");
    const result = await refreshRedSets(TODAY);
    expect(result?.parks).toBeGreaterThanOrEqual(3);
    expect(await storedParks("2026-11-30")).toEqual([parkA.id, parkB.id]);
    await expectSameAsLive("park B built again");
    // A key of another day's constants (as when a holiday moves the filing deadline): not read.
    await getDb().redSetPark.updateMany({ where: { ym: 2026 * 12 + 9 }, data: { key: "built under other constants" } });
    expect(await storedParks("2026-10-31")).toEqual([]);
    await expectSameAsLive("October's keys differ");
    await refreshRedSets(TODAY);
    expect(await storedParks("2026-10-31")).toEqual([parkA.id, parkB.id]);
    await expectSameAsLive("October built again");
  });

  it("a mark written while the job clears the marks fails the job's transaction and stays (the next run recomputes it)", async () => {
    const db = getDb();
    await db.$executeRaw`INSERT INTO "RedSetDirty" ("projectId") VALUES (${idsA[0]}::int) ON CONFLICT DO NOTHING`;
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    let failure: unknown = null;
    try {
      // The job's steps: read in a repeatable-read snapshot, a write marks the project again, the job clears the marks.
      await db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT count(*) FROM "RedSetDirty"`;
          await other.query(`INSERT INTO "RedSetDirty" ("projectId") VALUES ($1) ON CONFLICT ("projectId") DO UPDATE SET "projectId" = EXCLUDED."projectId"`, [idsA[0]]);
          await tx.$executeRaw`DELETE FROM "RedSetDirty"`;
        },
        { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
      );
    } catch (e) {
      failure = e;
    } finally {
      await other.end();
    }
    expect(isWriteConflict(failure)).toBe(true);
    expect(await dirty()).toEqual([idsA[0]]);
    await expectSameAsLive("a mark kept");
    expect(await refreshRedSets(TODAY)).not.toBeNull();
    expect(await dirty()).toEqual([]);
  });

  it("one refresh at a time: while another holds the refresh's lock, a refresh returns at once and changes nothing", async () => {
    const db = getDb();
    await db.project.update({ where: { id: idsB[0] }, data: { plannedStartDate: isoToDate("2026-02-02") } });
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(20261209, 1)");
      expect(await refreshRedSets(TODAY)).toBeNull();
      expect(await dirty()).toEqual([idsB[0]]);
      await other.query("COMMIT");
    } finally {
      await other.end();
    }
    expect(await refreshRedSets(TODAY)).not.toBeNull();
    expect(await dirty()).toEqual([]);
    await expectSameAsLive("after the second refresh");
  });

  it("today's set is of one day: the next day is computed live until the job builds it, and a month's last day is kept as the closed month's", async () => {
    // The next day, before the job's first run: December's set is still the 5th's.
    expect(await storedParks("2026-12-06")).toEqual([]);
    const next = await listRedProjects(leader, { regionId: region.id }, { pageSize: 200 }, "2026-12-06");
    expect(next).toEqual(await listRedProjects(leader, { regionId: region.id }, { pageSize: 200 }, "2026-12-06", { redSets: false }));
    expect((await refreshRedSets("2026-12-06"))?.parks).toBeGreaterThanOrEqual(2);
    expect(await storedParks("2026-12-06")).toEqual([parkA.id, parkB.id]);
    expect(await storedParks(TODAY)).toEqual([]);
    expect(await listRedProjects(leader, { regionId: region.id }, { pageSize: 200 }, "2026-12-06")).toEqual(next);
    // Built on December 31st, the set is January's closing set of December: not built again on January 1st.
    await refreshRedSets("2026-12-31");
    const built = await getDb().redSetPark.findMany({ where: { ym: 2026 * 12 + 11, parkId: { in: [parkA.id, parkB.id] } }, select: { key: true } });
    // Every park's January (today's) set is built; December's rows are kept as they are.
    const parks = await getDb().park.count();
    expect((await refreshRedSets("2027-01-01"))?.parks).toBe(parks);
    expect(await getDb().redSetPark.findMany({ where: { ym: 2026 * 12 + 11, parkId: { in: [parkA.id, parkB.id] } }, select: { key: true } })).toEqual(built);
    expect(await storedParks("2026-12-31")).toEqual([parkA.id, parkB.id]);
    expect(await storedParks("2027-01-01")).toEqual([parkA.id, parkB.id]);
  });

  it("drops the months no longer kept", async () => {
    await refreshRedSets("2027-01-10");
    const kept = await getDb().redSetPark.findMany({ where: { parkId: parkA.id }, select: { ym: true }, orderBy: { ym: "asc" } });
    expect(kept.map((k) => k.ym)).toEqual([2026 * 12 + 9, 2026 * 12 + 10, 2026 * 12 + 11, 2027 * 12]);
    expect(await getDb().redSet.count({ where: { ym: 2026 * 12 + 8 } })).toBe(0);
    expect(await storedParks("2026-09-30")).toEqual([]);
    expect(await storedParks("2027-01-10")).toEqual([parkA.id, parkB.id]);
    await expectSameAsLive("January");
  });
});
