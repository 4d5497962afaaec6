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

  it("lists the red projects of the scope with the red list's own total", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    const list = await listRedProjects(regionLeader, { regionId }, { page: 1, pageSize: 200 }, TODAY);
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
    expect(parseBulletinParams({}, TODAY).params).toEqual({ month: OCT, park: undefined, region: undefined, rank: "investmentYear" });
    const { params: p, errors } = parseBulletinParams({ month: "2026-13", rank: "x", park: "abc" }, TODAY);
    expect(p.month).toEqual(OCT);
    expect(errors).toHaveLength(3);
    expect(errors.join()).toMatch(/通报月份/);
    expect(errors.join()).toMatch(/排名指标/);
    expect(errors.join()).toMatch(/园区/);
  });
});
