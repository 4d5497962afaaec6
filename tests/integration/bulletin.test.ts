// The monthly bulletin: figures against last month, the ranking with 红榜/黑榜 and last
// month's ranks, the red list and overdue problems, scope checks, and the .xlsx.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { getIndicators } from "@/lib/server/metrics/get-indicators";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import type { BulletinParams } from "@/lib/validation/bulletin";
import { parseBulletinParams } from "@/lib/validation/bulletin";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

const TODAY = "2026-11-23";
const OCT: BulletinParams["month"] = { year: 2026, month: 10 };

let regionId: number;
let parks: { a: number; b: number; c: number; other: number };
let regionLeader: Actor;
let parkLeaderA: Actor;

async function started(parkId: number, signedDate: string) {
  const p = await makeProject({ parkId, stage: "STARTED", signedDate });
  await getDb().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate(signedDate), plannedStartDate: isoToDate(signedDate) } });
  return p;
}

beforeAll(async () => {
  const region = await makeRegion();
  const otherRegion = await makeRegion();
  regionId = region.id;
  const [a, b, c, other] = await Promise.all([makePark(region.id), makePark(region.id), makePark(region.id), makePark(otherRegion.id)]);
  parks = { a: a.id, b: b.id, c: c.id, other: other.id };
  regionLeader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
  parkLeaderA = await makeActor([{ role: "PARK_LEADER", parkId: a.id }]);
  // Signed in January: A 1 of 2 started, B 0 of 3, C 1 of 1.
  await started(a.id, "2026-01-10");
  await makeProject({ parkId: a.id, signedDate: "2026-01-11" });
  await makeProject({ parkId: b.id, signedDate: "2026-01-12" });
  await makeProject({ parkId: b.id, signedDate: "2026-01-13" });
  await makeProject({ parkId: b.id, signedDate: "2026-01-15" });
  await started(c.id, "2026-01-14");
  // Signed (and started) in October: only in October's figures, not September's.
  await started(b.id, "2026-10-05");
  // Park A: a project that should have started in July and has not: red on the start rule.
  const late = await makeProject({ parkId: a.id, signedDate: "2026-02-01" });
  await getDb().project.update({ where: { id: late.id }, data: { plannedStartDate: isoToDate("2026-07-01") } });
});

const params = (over: Partial<BulletinParams> = {}): BulletinParams => ({ month: OCT, region: regionId, rank: "startCohort", ...over });

describe("getBulletin", () => {
  it("sets October's indicators against September's, in points", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    const start = b.indicators.find((i) => i.key === "startCohort")!;
    // October: 3 started of 8 signed; September: 2 of 7.
    expect([start.numerator, start.denominator]).toEqual([3, 8]);
    expect(start.current).toBeCloseTo(3 / 8);
    expect(start.previous).toBeCloseTo(2 / 7);
    expect(start.changePoints).toBe(8.9); // 37.5% - 28.57%
    expect(b.previous).toEqual({ year: 2026, month: 9 });
    // The same figures as the dashboard for that scope and period.
    const dash = await getIndicators(regionLeader, { region: regionId, year: 2026, through: 10, cohort: 2026 }, TODAY);
    expect(b.counts).toEqual(dash.counts);
  });

  it("ranks the parks with last month's rank, and a 红榜 and 黑榜 that do not overlap", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    expect(b.ranking.map((r) => [r.row.parkId, r.rank, r.previousRank])).toEqual([
      [parks.c, 1, 1], // 1/1
      [parks.a, 2, 2], // 1/3 (the late project is in the cohort)
      [parks.b, 3, 3], // October 1/4, September 0/3
    ]);
    expect(b.red.map((r) => r.row.parkId)).toEqual([parks.c]);
    expect(b.black.map((r) => r.row.parkId)).toEqual([parks.b]);
    expect(b.scopeName).not.toBe("");
  });

  it("lists the red projects of the scope with the red list's own total, as of the month's last day", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    expect([b.asOf, b.previousAsOf]).toEqual(["2026-10-31", "2026-09-30"]);
    const list = await listRedProjects(regionLeader, { regionId }, { page: 1, pageSize: 200 }, b.asOf);
    expect(b.redProjects.total).toBe(list.total);
    expect(b.redProjects.total).toBeGreaterThan(0);
    expect(b.redProjects.rows.every((r) => [parks.a, parks.b, parks.c].includes(r.parkId))).toBe(true);
  });

  it("a park leader's bulletin of another park or region is not found", async () => {
    for (const p of [params({ region: undefined, park: parks.b }), params({ region: undefined, park: parks.other })]) {
      await expect(getBulletin(parkLeaderA, p, TODAY)).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === "NOT_FOUND");
    }
    const own = await getBulletin(parkLeaderA, params({ region: undefined, park: parks.a }), TODAY);
    expect(own.ranking.map((r) => r.row.parkId)).toEqual([parks.a]);
    expect(own.red).toEqual([]); // one park: no 红榜/黑榜
  });

  it("writes the same content to an .xlsx with rates as numbers", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinWorkbook(b)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["主要指标", "园区排名", "红灯项目", "超期问题"]);
    const summary = wb.getWorksheet("主要指标")!;
    const row = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === "开工率" && r.getCell(2).value === "签约批次口径")!;
    expect(row.getCell(3).value).toBeCloseTo(3 / 8);
    expect(row.getCell(3).numFmt).toBe("0.0%");
    const ranking = wb.getWorksheet("园区排名")!;
    const parkRows = ranking.getRows(5, ranking.rowCount - 4)!.filter((r) => typeof r.getCell(1).value === "number");
    expect(parkRows.map((r) => [r.getCell(1).value, r.getCell(3).value])).toEqual([
      [1, "红榜"],
      [2, ""],
      [3, "黑榜"],
    ]);
  });
});

describe("parseBulletinParams", () => {
  it("defaults to the last complete month and investment completion, and names bad values", () => {
    expect(parseBulletinParams({}, TODAY).params).toEqual({ month: OCT, park: undefined, region: undefined, rank: "investmentYear", points: false });
    expect(parseBulletinParams({ points: "1" }, TODAY).params.points).toBe(true);
    const { params: p, errors } = parseBulletinParams({ month: "2026-13", rank: "x", park: "abc", points: "yes" }, TODAY);
    expect(p.month).toEqual(OCT);
    expect(p.points).toBe(false);
    expect(errors).toHaveLength(4);
    expect(errors.join()).toMatch(/附积分考核/);
    expect(errors.join()).toMatch(/通报月份/);
    expect(errors.join()).toMatch(/排名指标/);
    expect(errors.join()).toMatch(/园区/);
  });
});

// The bulletin of a month reads every figure as of that month's last day, and last month's
// as of ITS last day: a start in November moves November's 比上月 and ranks, a termination
// in November leaves October alone, and October's red list is the one of October 31st.
describe("getBulletin as of each month's end", () => {
  const NOW = "2026-12-04";
  const NOV: BulletinParams["month"] = { year: 2026, month: 11 };
  let region: number;
  let p1: number;
  let p2: number;
  let p3: number;
  let leader: Actor;
  const id: Record<string, number> = {};

  async function planned(parkId: number, key: string, signedDate: string, plannedStart: string, startedOn: string | null) {
    const p = await makeProject({ parkId, stage: startedOn ? "STARTED" : "LANDED", signedDate, name: `${key}-${parkId}` });
    await getDb().project.update({
      where: { id: p.id },
      data: {
        stageDate: isoToDate(startedOn ?? signedDate),
        landedDate: isoToDate(signedDate),
        actualStartDate: startedOn ? isoToDate(startedOn) : null,
        plannedStartDate: isoToDate(plannedStart),
      },
    });
    await getDb().projectYearPlan.create({ data: { projectId: p.id, year: 2026, plannedInvestment: "0", planStart: true } });
    id[key] = p.id;
    return p.id;
  }
  async function terminate(key: string, date: string) {
    const { version } = await getDb().project.findUniqueOrThrow({ where: { id: id[key] }, select: { version: true } });
    await changeProjectStatus(leader, { projectId: id[key], version, action: "TERMINATE", date, reason: "企业解约" });
  }

  beforeAll(async () => {
    const r = await makeRegion();
    region = r.id;
    [p1, p2, p3] = (await Promise.all([makePark(r.id), makePark(r.id), makePark(r.id)])).map((p) => p.id);
    leader = await makeActor([{ role: "REGION_LEADER", regionId: r.id }, ...[p1, p2, p3].map((parkId) => ({ role: "PARK_LEADER" as const, parkId }))]);
    // P1: planned starts 1 of 2 by October, 2 of 2 in November (A started on November 12th).
    await planned(p1, "A", "2026-01-10", "2026-06-01", "2026-11-12");
    await planned(p1, "B", "2026-01-11", "2026-03-01", "2026-03-05");
    // P2: 2 of 3 in both months.
    await planned(p2, "C", "2026-01-12", "2026-04-01", "2026-04-01");
    await planned(p2, "D", "2026-01-13", "2026-05-01", null);
    await planned(p2, "E", "2026-01-14", "2026-04-01", "2026-04-02");
    // P3: its one planned start is terminated on November 10th: 1 of 1 in October, 0 of 1 in November.
    await planned(p3, "F", "2026-01-15", "2026-02-01", "2026-02-01");
    await terminate("F", "2026-11-10");
    // P3: due since April, never started, terminated in November: on October's red list, not November's.
    const g = await makeProject({ parkId: p3, signedDate: "2026-01-16", name: `G-${p3}` });
    await getDb().project.update({ where: { id: g.id }, data: { plannedStartDate: isoToDate("2026-04-01") } });
    id.G = g.id;
    await terminate("G", "2026-11-10");
  });

  const nov = (over: Partial<BulletinParams> = {}): BulletinParams => ({ month: NOV, region, rank: "startPlan", ...over });

  it("sets November's plan rates against October's as of October 31st (比上月 is not always 0)", async () => {
    const b = await getBulletin(leader, nov({ region: undefined, park: p1 }), NOW);
    const startPlan = b.indicators.find((i) => i.key === "startPlan")!;
    expect([startPlan.current, startPlan.previous, startPlan.changePoints]).toEqual([1, 0.5, 50]);
    expect([b.asOf, b.previousAsOf]).toEqual(["2026-11-30", "2026-10-31"]);
    expect(b.previousCounts).toEqual((await getIndicators(leader, { park: p1, year: 2026, through: 10, cohort: 2026 }, NOW)).counts);
  });

  it("ranks the parks with last month's rank from October's own figures", async () => {
    const b = await getBulletin(leader, nov(), NOW);
    expect(b.ranking.map((r) => [r.row.parkId, r.rank, r.previousRank])).toEqual([
      [p1, 1, 3], // 100%, October 50%
      [p2, 2, 2], // 66.7% both months
      [p3, 3, 1], // 0%, October 100% (terminated in November)
    ]);
    expect(b.red.map((r) => r.row.parkId)).toEqual([p1]);
    expect(b.black.map((r) => r.row.parkId)).toEqual([p3]);
  });

  it("lists the red projects as they stood on the month's last day; the warnings page shows today", async () => {
    const red = async (month: BulletinParams["month"]) => (await getBulletin(leader, nov({ month }), NOW)).redProjects.rows.map((r) => r.id);
    const october = await red({ year: 2026, month: 10 });
    // A was due in June and not started by October 31st; G was active then.
    expect(october).toEqual(expect.arrayContaining([id.A, id.D, id.G]));
    const november = await red(NOV);
    expect(november).toContain(id.D);
    expect(november).not.toContain(id.A); // started November 12th
    expect(november).not.toContain(id.G); // terminated November 10th
    const today = (await listRedProjects(leader, { regionId: region }, { pageSize: 200 }, NOW)).rows.map((r) => r.id);
    expect(today).not.toContain(id.A);
    expect(today).not.toContain(id.G);
    const october31 = (await getBulletin(leader, nov({ month: { year: 2026, month: 10 } }), NOW)).redProjects.rows.find((r) => r.id === id.A)!;
    expect([october31.stage, october31.light.start]).toEqual(["LANDED", "RED"]);
  });
});

