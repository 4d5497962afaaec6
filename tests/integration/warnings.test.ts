import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { projectAsOf } from "@/lib/domain/as-of";
import { EMPTY_CALENDAR } from "@/lib/domain/working-days";
import { filingDueDate, filingState, lastCompletedMonth, monthsElapsed } from "@/lib/domain/filing";
import { type LightContext, type WarningRules, DEFAULT_WARNING_RULES, evaluateLights, mergeWarningRules } from "@/lib/domain/warnings";
import { type Actor } from "@/lib/domain/permissions";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { getParkSettings, updateParkSettings } from "@/lib/server/parks/park-settings";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

// No Holiday rows in the test database: the due dates are Monday-Friday ones.
type Spec = {
  stage: "SIGNED" | "LANDED" | "STARTED" | "PRODUCING";
  status?: "ACTIVE" | "SUSPENDED" | "TERMINATED";
  plannedStart?: string;
  actualStart?: string;
  plan?: string;
  reports?: [number, number, string][]; // year, month, investment
};

// A small deterministic generator, so the SQL meets many combinations (and their edges).
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function specs(): Spec[] {
  const rnd = lcg(7);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: Spec[] = [];
  for (let i = 0; i < 60; i++) {
    const stage = pick(["SIGNED", "LANDED", "STARTED", "STARTED", "PRODUCING"] as const);
    const status = pick(["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "SUSPENDED"] as const);
    const started = stage === "STARTED" || stage === "PRODUCING";
    const actualStart = started ? pick(["2025-06-10", "2026-01-15", "2026-08-31", "2026-10-01", "2026-11-03", "2026-09-15"]) : undefined;
    const plannedStart = pick([undefined, "2025-12-01", "2026-08-23", "2026-08-24", "2026-09-30", "2026-11-30", "2026-12-01", "2027-03-01"]);
    const plan = pick([undefined, "0", "1200", "12000", "5000.50"]);
    const reports: [number, number, string][] = [];
    if (actualStart) {
      for (let m = 1; m <= 10; m++) {
        if (`2026-${String(m).padStart(2, "0")}` < actualStart.slice(0, 7)) continue;
        if (rnd() < 0.8) reports.push([2026, m, pick(["0", "100", "880", "1000", "1500.25"])]);
      }
      if (rnd() < 0.5) reports.push([2025, 12, "700"]);
    }
    out.push({ stage, status, plannedStart, actualStart, plan, reports });
  }
  // Hand-made edges: 70% of plan at 83.3% time (13.3 points behind), exactly 30 points behind, a start due this month.
  const tenMonths = (inv: string): [number, number, string][] => Array.from({ length: 10 }, (_, i) => [2026, i + 1, inv]);
  out.push({ stage: "STARTED", actualStart: "2026-01-15", plan: "1000", reports: tenMonths("70") });
  out.push({ stage: "PRODUCING", actualStart: "2025-03-01", plan: "1200", reports: tenMonths("64") });
  out.push({ stage: "LANDED", plannedStart: "2026-11-30" });
  return out;
}

async function makeFrom(parkId: number, s: Spec) {
  const p = await makeProject({ parkId, stage: s.stage, status: s.status ?? "ACTIVE" });
  const db = getDb();
  await db.project.update({
    where: { id: p.id },
    data: { plannedStartDate: s.plannedStart ? isoToDate(s.plannedStart) : null, actualStartDate: s.actualStart ? isoToDate(s.actualStart) : null },
  });
  if (s.plan !== undefined) await db.projectYearPlan.create({ data: { projectId: p.id, year: 2026, plannedInvestment: s.plan } });
  const filerId = (await db.user.findFirstOrThrow({ select: { id: true } })).id;
  if (s.reports?.length) {
    await db.progressReport.createMany({
      data: s.reports.map(([year, month, inv]) => ({ projectId: p.id, year, month, investmentCompleted: inv, fundsArrived: "0", filedById: filerId })),
    });
  }
  return p.id;
}

/**
 * The pure rule on the raw spec: the reference the SQL must agree with. The lights read the
 * project as it stood on `today` (lib/domain/as-of.ts): a start dated after that day is not
 * a start yet (makeProject signs on 2025-03-01 and dates the current stage then).
 */
function pure(s: Spec, rules: WarningRules, today: string) {
  const last = lastCompletedMonth(today);
  const ctx: LightContext = { today, monthsElapsed: monthsElapsed(today), lastMonth: last, lastMonthDue: filingDueDate(last, EMPTY_CALENDAR) };
  const asOf = projectAsOf(
    {
      stage: s.stage,
      stageDate: "2025-03-01",
      signedDate: "2025-03-01",
      landedDate: null,
      actualStartDate: s.actualStart ?? null,
      actualProductionDate: null,
      status: s.status ?? "ACTIVE",
      statusDate: null,
      statusChanges: [],
    },
    today,
  );
  const p = { stage: asOf.stage!, status: asOf.status!, actualStartDate: asOf.startedOn };
  const filed = (s.reports ?? []).map(([year, month]) => ({ year, month }));
  const state = filingState(p, filed, today, EMPTY_CALENDAR);
  const completed = (s.reports ?? []).filter(([y, m]) => y === Number(today.slice(0, 4)) && m <= ctx.monthsElapsed).reduce((sum, [, , inv]) => sum + Math.round(Number(inv) * 100), 0);
  return evaluateLights(
    {
      ...p,
      plannedStartDate: s.plannedStart ?? null,
      plannedInvestment: s.plan ?? null,
      completedThisYear: (completed / 100).toFixed(2),
      overdueMonths: state.overdue.length,
      pendingLastMonth: state.pending !== null,
    },
    rules,
    ctx,
  );
}

describe("traffic lights in SQL", () => {
  let park: { id: number };
  let strictPark: { id: number };
  let otherPark: { id: number };
  let regionLeader: Actor;
  let staff: Actor;
  const all = specs();
  const ids: number[] = [];
  const strictIds: number[] = [];
  const strict = mergeWarningRules({ start: { redMonthsLate: 1 }, progress: { yellowPoints: 5, redPoints: 15 }, filing: { enabled: false } });

  beforeAll(async () => {
    const region = await makeRegion();
    park = await makePark(region.id);
    strictPark = await makePark(region.id);
    otherPark = await makePark((await makeRegion()).id);
    await getDb().park.update({ where: { id: strictPark.id }, data: { warningRules: { start: { redMonthsLate: 1 }, progress: { yellowPoints: 5, redPoints: 15 }, filing: { enabled: false } } } });
    regionLeader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
    staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    for (const s of all) ids.push(await makeFrom(park.id, s));
    for (const s of all) strictIds.push(await makeFrom(strictPark.id, s));
  });

  it.each(["2026-11-23", "2026-11-06", "2026-11-02", "2026-01-20"])("agree with the pure rule on the same data (today %s, default and overridden rules)", async (today) => {
    const lights = await getLightsForProjects(regionLeader, [...ids, ...strictIds], today);
    const kinds = ["overall", "start", "progress", "filing"] as const;
    for (const [list, rules] of [
      [ids, DEFAULT_WARNING_RULES],
      [strictIds, strict],
    ] as const) {
      list.forEach((id, i) => {
        const expected = pure(all[i], rules, today);
        const got = lights.get(id)!;
        for (const k of kinds) expect([id, k, got[k]]).toEqual([id, k, expected[k]]);
        expect(got.reasons).toEqual(expected.reasons);
      });
    }
    // The generator reached every colour of every rule (filing is yellow only until the 5th working day).
    const seen = (k: "start" | "progress" | "filing") => new Set(ids.map((id) => lights.get(id)![k]));
    const everyColour = new Set([null, "GREEN", "YELLOW", "RED"]);
    if (today === "2026-11-23") for (const k of ["start", "progress"] as const) expect(seen(k)).toEqual(everyColour);
    if (today === "2026-11-06") expect(seen("filing")).toEqual(everyColour);
  });

  it("the park's override changes its lights only", async () => {
    const lights = await getLightsForProjects(regionLeader, [...ids, ...strictIds], "2026-11-23");
    expect(strictIds.every((id) => lights.get(id)!.filing === null)).toBe(true);
    expect(ids.some((id) => lights.get(id)!.filing !== null)).toBe(true);
    const reds = (list: number[]) => list.filter((id) => lights.get(id)!.overall === "RED").length;
    expect(reds(strictIds)).not.toBe(reds(ids));
  });

  it("leaves out projects the actor may not read", async () => {
    const outside = await makeFrom(otherPark.id, { stage: "LANDED", plannedStart: "2025-01-01" });
    const lights = await getLightsForProjects(staff, [ids[0], strictIds[0], outside], "2026-11-23");
    expect([...lights.keys()]).toEqual([ids[0]]);
  });

  it("lists red projects filtered and paged in SQL", async () => {
    const today = "2026-11-23";
    const lights = await getLightsForProjects(regionLeader, ids, today);
    const expectedRed = ids.filter((id) => lights.get(id)!.overall === "RED");
    const redList = await listRedProjects(regionLeader, { parkId: park.id }, { page: 1, pageSize: 200 }, today);
    expect(redList.total).toBe(expectedRed.length);
    expect(redList.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...expectedRed].sort((a, b) => a - b));
    expect(redList.rows.every((r) => r.light.overall === "RED" && r.light.reasons.length > 0)).toBe(true);

    const startRed = ids.filter((id) => lights.get(id)!.start === "RED");
    const byKind = await listRedProjects(regionLeader, { parkId: park.id, kind: "start" }, { pageSize: 5 }, today);
    expect(byKind.total).toBe(startRed.length);
    expect(byKind.rows.length).toBe(Math.min(5, startRed.length));
    const page2 = await listRedProjects(regionLeader, { parkId: park.id, kind: "start" }, { page: 2, pageSize: 5 }, today);
    expect(page2.rows.map((r) => r.id).some((id) => byKind.rows.map((r) => r.id).includes(id))).toBe(false);

    const region = await listRedProjects(regionLeader, {}, { pageSize: 1 }, today);
    expect(region.total).toBeGreaterThan(redList.total); // both parks of the region
    // Pages of any size cross from one park to the next as the whole list does: park name, then code.
    const whole = await listRedProjects(regionLeader, {}, { pageSize: 200 }, today);
    expect(whole.total).toBe(region.total);
    expect(new Set(whole.rows.map((r) => r.parkId)).size).toBeGreaterThan(1);
    // Each park's rows in one run (the order of names and codes is the database's collation).
    const runs = whole.rows.map((r) => r.parkId).filter((id, i, all) => i === 0 || all[i - 1] !== id);
    expect(runs.length).toBe(new Set(runs).size);
    for (const size of [1, 2, 3]) {
      const ids: number[] = [];
      for (let p = 1; p <= Math.ceil(whole.total / size) + 1; p++) {
        const part = await listRedProjects(regionLeader, {}, { page: p, pageSize: size }, today);
        expect(part.total).toBe(whole.total);
        ids.push(...part.rows.map((r) => r.id));
      }
      expect(ids).toEqual(whole.rows.map((r) => r.id));
    }
    await expect(listRedProjects(staff, { parkId: otherPark.id }, {}, today)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listRedProjects(staff, { kind: "colour" }, {}, today)).rejects.toMatchObject({ code: "VALIDATION", message: "亮灯类型无效" });
    const staffList = await listRedProjects(staff, {}, { pageSize: 200 }, today);
    expect(staffList.rows.every((r) => r.parkId === park.id)).toBe(true);
  });

  it("the red list's condition on the figures' rows picks the projects whose lights are red, rule by rule (start rule off or two months late, a start due exactly on the day)", async () => {
    const region = await makeRegion();
    const noStart = await makePark(region.id);
    const twoMonths = await makePark(region.id);
    const plain = await makePark(region.id);
    const leader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
    await getDb().park.update({ where: { id: noStart.id }, data: { warningRules: { start: { enabled: false }, progress: { redPoints: 20 } } } });
    await getDb().park.update({ where: { id: twoMonths.id }, data: { warningRules: { start: { redMonthsLate: 2 }, progress: { enabled: false } } } });
    // Due to be red exactly on 2026-10-31 (2026-08-31 + 2 months, 2026-07-31 + 3 months), a day short of it, and a start dated after the day.
    const edges: Spec[] = [
      { stage: "LANDED", plannedStart: "2026-08-31" },
      { stage: "LANDED", plannedStart: "2026-09-01" },
      { stage: "SIGNED", plannedStart: "2026-07-31" },
      { stage: "SIGNED", plannedStart: "2026-08-01" },
      { stage: "STARTED", plannedStart: "2026-05-01", actualStart: "2026-11-03", reports: [[2026, 11, "100"]] },
      { stage: "STARTED", plannedStart: "2026-05-01", actualStart: "2026-10-31", plan: "1000" },
    ];
    const parkIds: number[][] = [];
    for (const park of [noStart, twoMonths, plain]) {
      const list: number[] = [];
      for (const s of [...edges, ...all.slice(0, 30), ...all.slice(-3)]) list.push(await makeFrom(park.id, s)); // the last three: hand-made edges (exactly 30 points behind)
      parkIds.push(list);
    }
    // Enough red in one park for its pages to be walked in code order (redPageQueryByPark's WALK_MIN_RED per row).
    for (let i = 0; i < 12; i++) parkIds[2].push(await makeFrom(plain.id, { stage: "SIGNED", plannedStart: "2026-01-31" }));
    const kinds = [undefined, "start", "progress", "filing"] as const;
    for (const today of ["2026-10-31", "2026-11-01", "2026-11-23", "2026-11-06"]) {
      const lights = await getLightsForProjects(leader, parkIds.flat(), today);
      for (const kind of kinds) {
        const expected = parkIds.flat().filter((id) => lights.get(id)![kind ?? "overall"] === "RED");
        const got = await listRedProjects(leader, { regionId: region.id, kind }, { pageSize: 200 }, today);
        expect([today, kind, got.rows.map((r) => r.id).sort((a, b) => a - b)]).toEqual([today, kind, expected.sort((a, b) => a - b)]);
        expect(got.total).toBe(expected.length);
        expect(got.rows.every((r) => r.light[kind ?? "overall"] === "RED")).toBe(true);
      }
    }
    const onTheDay = await listRedProjects(leader, { regionId: region.id, kind: "start" }, { pageSize: 200 }, "2026-10-31");
    const red = new Set(onTheDay.rows.map((r) => r.id));
    expect([0, 1, 2, 3, 4].map((i) => red.has(parkIds[1][i]))).toEqual([true, false, true, true, true]); // two months late
    expect([0, 1, 2, 3, 4].map((i) => red.has(parkIds[2][i]))).toEqual([false, false, true, false, true]); // three
    expect(parkIds[0].some((id) => red.has(id))).toBe(false); // the start rule off
    // Paged: the pages are the whole list in park-name and code order, the total on each.
    const whole = await listRedProjects(leader, { regionId: region.id }, { pageSize: 200 }, "2026-11-23");
    const paged: number[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7) + 1; page++) {
      const r = await listRedProjects(leader, { regionId: region.id }, { page, pageSize: 7 }, "2026-11-23");
      expect(r.total).toBe(whole.total);
      paged.push(...r.rows.map((x) => x.id));
    }
    expect(paged).toEqual(whole.rows.map((r) => r.id));
    // Pages of one and of three: a park with many red projects per row the page needs of it
    // is walked in code order on its ledger (redPageQueryByPark), the others joined and sorted.
    const perPark = await getDb().project.groupBy({ by: ["parkId"], where: { id: { in: whole.rows.map((r) => r.id) } }, _count: true });
    expect(Math.max(...perPark.map((p) => p._count))).toBeGreaterThanOrEqual(20);
    for (const pageSize of [1, 3]) {
      const pages: number[] = [];
      for (let page = 1; page <= Math.ceil(whole.total / pageSize); page++) {
        pages.push(...(await listRedProjects(leader, { regionId: region.id }, { page, pageSize }, "2026-11-23")).rows.map((x) => x.id));
      }
      expect(pages, `pages of ${pageSize}`).toEqual(whole.rows.map((r) => r.id));
    }
  });

  it("a park leader sets the park's rules in its settings (audited); the lights follow; bad values are refused by field", async () => {
    const region = await makeRegion();
    const p = await makePark(region.id);
    const leader = await makeActor([{ role: "PARK_LEADER", parkId: p.id }]);
    const id = await makeFrom(p.id, { stage: "LANDED", plannedStart: "2026-09-10" }); // 2.4 months late: yellow by default
    const today = "2026-11-23";
    expect((await getLightsForProjects(leader, [id], today)).get(id)!.start).toBe("YELLOW");
    const settings = await getParkSettings(leader, p.id);
    expect(settings.rules).toEqual({ startEnabled: true, startRedMonthsLate: 3, progressEnabled: true, progressYellowPoints: 10, progressRedPoints: 30, filingEnabled: true });
    const thresholds = { staleDaysSigned: 90, staleDaysLanded: 180, staleDaysStarted: 365, visitIntervalDays: 30 };
    await updateParkSettings(leader, p.id, { ...thresholds, ...settings.rules, startRedMonthsLate: "2", filingEnabled: false });
    expect((await getLightsForProjects(leader, [id], today)).get(id)!.start).toBe("RED");
    expect((await listRedProjects(leader, { parkId: p.id, kind: "start" }, {}, today)).rows.map((r) => r.id)).toEqual([id]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "park.settings", entityId: String(p.id) }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ warningRules: { start: { redMonthsLate: 3 }, filing: { enabled: true } } });
    expect(audit.after).toMatchObject({ warningRules: { start: { redMonthsLate: 2 }, filing: { enabled: false } } });

    await expect(updateParkSettings(leader, p.id, { ...thresholds, ...settings.rules, startRedMonthsLate: "0", progressYellowPoints: "40", progressRedPoints: "30" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { startRedMonthsLate: ["开工红灯月数不能小于 1 个月"], progressRedPoints: ["投资进度红灯百分点须大于黄灯百分点"] },
    });
    expect((await getParkSettings(leader, p.id)).rules.startRedMonthsLate).toBe(2);
  });
});
