import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { getLightTrend, snapshotLights } from "@/lib/server/warnings/light-snapshots";
import { AppError } from "@/lib/server/errors";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

// The nightly light snapshot (lib/server/warnings/light-snapshots.ts) counts what the red
// list and the project lights show for the same day, keeps a day's first rows, and the trend
// is scoped like the projects it counts.

const DAY = "2026-09-15";
let parkA: number;
let parkB: number;
let leaderA: Actor;
let region: Actor;
let liaisonA: Actor;
let idsA: number[] = [];

async function project(parkId: number, opts: { stage: "SIGNED" | "LANDED" | "STARTED" | "PRODUCING"; status?: "ACTIVE" | "SUSPENDED"; plannedStart?: string; actualStart?: string; signed?: string }) {
  const p = await makeProject({ parkId, stage: opts.stage, status: opts.status ?? "ACTIVE", signedDate: opts.signed ?? "2025-03-01" });
  await getDb().project.update({
    where: { id: p.id },
    data: { plannedStartDate: opts.plannedStart ? isoToDate(opts.plannedStart) : null, actualStartDate: opts.actualStart ? isoToDate(opts.actualStart) : null },
  });
  return p.id;
}

beforeAll(async () => {
  const r = await makeRegion();
  parkA = (await makePark(r.id)).id;
  parkB = (await makePark(r.id)).id;
  idsA = [
    await project(parkA, { stage: "LANDED", plannedStart: "2026-05-01" }), // start red (over 3 months late)
    await project(parkA, { stage: "LANDED", plannedStart: "2026-04-10" }), // start red
    await project(parkA, { stage: "LANDED", plannedStart: "2026-09-30" }), // start due this month: yellow
    await project(parkA, { stage: "LANDED", plannedStart: "2027-03-01" }), // green
    await project(parkA, { stage: "SIGNED" }), // no rule applies
  ];
  await project(parkA, { stage: "LANDED", plannedStart: "2026-01-01", status: "SUSPENDED" }); // not active: not counted
  await project(parkB, { stage: "LANDED", plannedStart: "2026-01-01" });
  leaderA = await makeActor([{ role: "PARK_LEADER", parkId: parkA }]);
  region = await makeActor([{ role: "REGION_LEADER", regionId: r.id }]);
  liaisonA = await makeActor([{ role: "LIAISON", parkId: parkA }]);
});

describe("snapshotLights", () => {
  it("counts each park's active projects by light as the red list and the project lights show them that day", async () => {
    const result = await snapshotLights(DAY);
    expect(result.parks).toBeGreaterThanOrEqual(2);
    const rows = await getDb().lightSnapshot.findMany({ where: { parkId: { in: [parkA, parkB] }, date: isoToDate(DAY) }, orderBy: { parkId: "asc" } });
    const a = rows.find((r) => r.parkId === parkA)!;
    expect(a).toMatchObject({ green: 1, yellow: 1, red: 2, unlit: 1, startRed: 2, progressRed: 0, filingRed: 0 });
    expect(rows.find((r) => r.parkId === parkB)).toMatchObject({ red: 1, startRed: 1, green: 0, yellow: 0 });

    // The same figures from the pages' own readers on the same day.
    const red = await listRedProjects(leaderA, { parkId: parkA }, {}, DAY);
    expect(red.total).toBe(a.red);
    const lights = [...(await getLightsForProjects(leaderA, idsA, DAY)).values()].map((l) => l.overall);
    expect(lights.filter((l) => l === "GREEN")).toHaveLength(a.green);
    expect(lights.filter((l) => l === "YELLOW")).toHaveLength(a.yellow);
    expect(lights.filter((l) => l === "RED")).toHaveLength(a.red);
  });

  it("keeps a day's first snapshot: a second run of the same day writes nothing", async () => {
    await project(parkA, { stage: "LANDED", plannedStart: "2026-02-01" });
    await snapshotLights(DAY);
    expect(await getDb().lightSnapshot.count({ where: { parkId: { in: [parkA, parkB] }, date: isoToDate(DAY) } })).toBe(2);
    const a = await getDb().lightSnapshot.findUniqueOrThrow({ where: { parkId_date: { parkId: parkA, date: isoToDate(DAY) } } });
    expect(a.red).toBe(2);
    // The next day sees the new project.
    await snapshotLights("2026-09-16");
    expect((await getDb().lightSnapshot.findUniqueOrThrow({ where: { parkId_date: { parkId: parkA, date: isoToDate("2026-09-16") } } })).red).toBe(3);
  });

  it("refuses a date that is not one", async () => {
    await expect(snapshotLights("2026-02-30")).rejects.toBeInstanceOf(AppError);
  });
});

describe("getLightTrend", () => {
  it("sums the snapshots of the parks the actor reads in full, oldest first, within the window", async () => {
    const today = "2026-09-20";
    const a = await getLightTrend(leaderA, {}, today);
    expect(a.map((p) => [p.date, p.red])).toEqual([
      ["2026-09-15", 2],
      ["2026-09-16", 3],
    ]);
    const both = await getLightTrend(region, {}, today);
    expect(both.map((p) => [p.date, p.red])).toEqual([
      ["2026-09-15", 3],
      ["2026-09-16", 4],
    ]);
    expect((await getLightTrend(region, { parkId: parkB }, today)).map((p) => p.red)).toEqual([1, 1]);
    expect(await getLightTrend(region, { days: 7 }, "2026-09-30")).toEqual([]);
  });

  it("gives nothing to a liaison who reads only assigned projects, and refuses another park", async () => {
    expect(await getLightTrend(liaisonA, {}, "2026-09-20")).toEqual([]);
    await expect(getLightTrend(leaderA, { parkId: parkB }, "2026-09-20")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getLightTrend(leaderA, { days: "abc" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
