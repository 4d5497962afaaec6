// The monthly bulletin: figures against last month, the ranking with 红榜/黑榜 and last
// month's ranks, the red list and overdue problems, scope checks, and the .xlsx.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { bulletinFileName, bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { formatChange } from "@/lib/domain/bulletin";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { MESSAGES } from "@/lib/i18n/messages";
import { getIndicators } from "@/lib/server/metrics/get-indicators";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import type { BulletinParams } from "@/lib/validation/bulletin";
import { parseBulletinParams } from "@/lib/validation/bulletin";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";
import * as bulletinRoute from "@/app/api/bulletin/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

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

  it("writes the workbook in English on request: sheet names, titles, headers and labels; the same numbers and dates", async () => {
    const b = await getBulletin(regionLeader, params(), TODAY);
    const load = async (locale?: "zh-CN" | "en") => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bulletinWorkbook(b, locale ? { locale } : {})) as unknown as ArrayBuffer);
      return wb;
    };
    const zh = await load();
    const en = await load("en");
    // Chinese: the words the workbook has always written.
    expect(zh.creator).toBe("园区项目全生命周期跟踪");
    const zhSummary = zh.getWorksheet("主要指标")!;
    expect(zhSummary.getCell("A1").value).toBe(`${b.scopeName} 2026年10月 项目推进月度通报`);
    expect(zhSummary.getCell("A2").value).toBe(
      `统计期：2026年1月至10月，数据截至 2026-10-31；签约批次：2026年签约项目；对比：截至 2026-09-30。生成时间：${b.generatedAt.slice(0, 16).replace("T", " ")} UTC`,
    );
    expect((zhSummary.getRow(4).values as unknown[]).slice(1)).toEqual(["指标", "口径", "截至2026年10月", "截至2026年9月", "变化", "分子", "分母", "单位", "计算公式"]);
    b.indicators.forEach((i, n) => {
      const row = zhSummary.getRow(5 + n);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(5).value, row.getCell(8).value, row.getCell(9).value]).toEqual([
        i.label,
        i.convention,
        formatChange(i.changePoints),
        i.unit === "money" ? "万元" : "个",
        i.formula,
      ]);
    });
    const zhRank = zh.getWorksheet("园区排名")!;
    expect(zhRank.getCell("A1").value).toBe(`${b.scopeName} 2026年10月 园区排名（按开工率）`);
    expect((zhRank.getRow(4).values as unknown[]).slice(1)).toEqual(["排名", "上月排名", "榜单", "园区", "市州", ...INDICATOR_DEFS.map((d) => `${d.label}（${d.convention}）`)]);
    const zhRed = zh.getWorksheet("红灯项目")!;
    expect(zhRed.getCell("A4").value).toBe(`共 ${b.redProjects.total} 个（截至 2026-10-31）`);
    expect((zhRed.getRow(5).values as unknown[]).slice(1)).toEqual(["项目编号", "项目名称", "园区", "企业", "阶段", "计划开工日期", "包保责任人", "包保领导", "亮灯", "原因"]);
    expect(zhRed.getRow(6).getCell(10).value).toBe(b.redProjects.rows[0].light.reasons.join("；"));
    const zhOverdue = zh.getWorksheet("超期问题")!;
    expect(zhOverdue.getCell("A4").value).toBe(`共 ${b.overdue.total} 件（截至生成时）`);
    expect((zhOverdue.getRow(5).values as unknown[]).slice(1)).toEqual(["编号", "问题", "类别", "园区", "企业", "协调层级", "办结时限", "超期天数"]);
    expect(bulletinFileName("zh-CN", b.scopeName, "2026-10")).toBe(`月度通报-${b.scopeName}-2026-10.xlsx`);
    expect(bulletinFileName("zh-CN", b.scopeName, "2026-10", 2)).toBe(`月度通报-${b.scopeName}-2026-10-定稿第2版.xlsx`);
    expect(bulletinFileName("en", "全部园区", "2026-10", 2)).toBe("monthly-bulletin-All parks-2026-10-final-v2.xlsx");
    session.actor = regionLeader;
    const url = `http://localhost/api/bulletin?month=2026-10&region=${regionId}&rank=startCohort`;
    const refused = await bulletinRoute.GET(new Request(`${url}&lang=fr`));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("导出语言 lang 须为 zh-CN 或 en");
    const download = await bulletinRoute.GET(new Request(`${url}&lang=en`));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(encodeURIComponent(`monthly-bulletin-${b.scopeName}-2026-10.xlsx`));
    const fromRoute = new ExcelJS.Workbook();
    await fromRoute.xlsx.load(await download.arrayBuffer());
    expect(fromRoute.worksheets[0].name).toBe("Indicators");
    const chinese = await bulletinRoute.GET(new Request(`${url}&lang=zh-CN`));
    expect(chinese.headers.get("content-disposition")).toContain(encodeURIComponent(`月度通报-${b.scopeName}-2026-10.xlsx`));
    await chinese.arrayBuffer();
    session.actor = null;
    // The dashboard's indicator words are the domain's in Chinese.
    for (const d of INDICATOR_DEFS) {
      const m = MESSAGES["zh-CN"].dashboard.indicator[d.key];
      expect([m.label, m.convention]).toEqual([d.label, d.convention]);
    }

    // English: sheet names, titles, headers and labels, without Chinese but the records' own names.
    expect(en.worksheets.map((w) => w.name)).toEqual(["Indicators", "Park ranking", "Red-light projects", "Overdue problems"]);
    expect(en.creator).toBe("Park project life-cycle tracking system");
    const summary = en.getWorksheet("Indicators")!;
    expect(summary.getCell("A1").value).toBe(`${b.scopeName} · Oct 2026 · Project progress bulletin`);
    expect(String(summary.getCell("A2").value)).toMatch(/^Period: Jan–Oct 2026, data as at 2026-10-31; signing cohort: projects signed in 2026; compared with figures as at 2026-09-30\. Generated .+ UTC$/);
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual(["Indicator", "Basis", "As at Oct 2026", "As at Sep 2026", "Change", "Numerator", "Denominator", "Unit", "Formula"]);
    const start = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === "Start rate")!;
    expect([start.getCell(2).value, start.getCell(5).value]).toEqual(["Signing-cohort basis", "↑ 8.9 pts"]);
    expect(start.getCell(3).value).toBeCloseTo(3 / 8);
    expect(summary.getRows(1, summary.rowCount)!.some((r) => r.getCell(1).value === "Contract investment (10k CNY)")).toBe(true);
    const ranking = en.getWorksheet("Park ranking")!;
    expect(ranking.getCell("A1").value).toBe(`${b.scopeName} · Oct 2026 · Park ranking (by Start rate)`);
    expect(ranking.getRow(5).getCell(3).value).toBe("Top list");
    expect(ranking.getRow(7).getCell(3).value).toBe("Bottom list");
    const red = en.getWorksheet("Red-light projects")!;
    expect(red.getCell("A4").value).toBe(`Red-light projects: ${b.redProjects.total} (as at 2026-10-31)`);
    expect(red.getRow(6).getCell(9).value).toBe("Red");

    const data = new Set<string>([b.scopeName, ...b.ranking.flatMap((r) => [r.row.parkName, r.row.regionName])]);
    for (const p of b.redProjects.rows) for (const v of [p.code, p.name, p.parkName, p.enterpriseName, p.liaisonName ?? "", p.leaderName ?? ""]) data.add(v);
    for (const i of b.overdue.items) for (const v of [i.title, i.parkName, i.enterpriseName]) data.add(v);
    const HAN = /\p{Script=Han}/u;
    const names = [...data].filter((v) => v !== "").sort((x, y) => y.length - x.length);
    const withoutData = (v: string) => names.reduce((acc, name) => acc.split(name).join(""), v);
    for (const [n, ws] of en.worksheets.entries()) {
      const other = zh.worksheets[n];
      expect(ws.rowCount).toBe(other.rowCount);
      ws.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const v = cell.value;
          const z = other.getRow(r).getCell(c).value;
          if (typeof v === "string") expect(withoutData(v), `${ws.name} ${cell.address}`).not.toMatch(HAN);
          // Numbers, rates and dates: the same cells in both languages.
          if (typeof z === "number" || z instanceof Date) expect(v, `${ws.name} ${cell.address}`).toEqual(z);
        }),
      );
    }
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

