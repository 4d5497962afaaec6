import { beforeAll, describe, expect, it, vi } from "vitest";
import type { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { LEDGER_COLUMNS, PROGRESS_COLUMNS, PROGRESS_SHEET } from "@/lib/domain/ledger-columns";
import type { Actor } from "@/lib/domain/permissions";
import { MESSAGES } from "@/lib/i18n/messages";
import { isAppError } from "@/lib/server/errors";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { ISSUE_EXPORT_COLUMNS, exportIssues } from "@/lib/server/excel/export-issues";
import { exportProgress } from "@/lib/server/excel/export-progress";
import { attachmentHeader } from "@/lib/server/excel/stream-workbook";
import { listProjects } from "@/lib/server/projects/list-projects";
import { listIssues } from "@/lib/server/issues/list-issues";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { issueFiltersSchema } from "@/lib/validation/issues";
import { progressExportFiltersSchema } from "@/lib/validation/excel-export";
import { makeManyProjects } from "../helpers/pipeline-factories";
import { type IssueWorld, makeIssueRow, makeIssueWorld } from "../helpers/issue-factories";
import { makeActor, makePark, makeProject, makeRegion, makeUser, unique } from "../helpers/factories";
import { jobBytes, jobOutput } from "../helpers/job-bytes";
import { LIGHT_LABELS } from "@/lib/domain/warnings";
import { getLightsForProjects } from "@/lib/server/warnings/get-lights-for-projects";
import { previewImport } from "@/lib/server/excel/preview-import";
import { commitImport } from "@/lib/server/excel/commit-import";
import * as exportIssuesRoute from "@/app/api/export/issues/route";
import * as exportProgressRoute from "@/app/api/export/progress/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

type Job = { write: (out: PassThrough) => Promise<number> };

async function run(job: Job): Promise<{ written: number; sheet: ExcelJS.Worksheet }> {
  const { bytes, written } = await jobOutput(job);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { written, sheet: wb.worksheets[0] };
}

const dataRows = (ws: ExcelJS.Worksheet) => {
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((row, n) => {
    if (n > 3) rows.push(row);
  });
  return rows;
};
const headers = (ws: ExcelJS.Worksheet) => (ws.getRow(3).values as unknown[]).slice(1);
const HAN = /\p{Script=Han}/u;
/** Chinese label -> English label of one common.enum group. */
const enumZhToEn = (group: "issueCategory" | "issueStatus" | "issueLevel" | "satisfaction") => {
  const zh: Record<string, string> = MESSAGES["zh-CN"].common.enum[group];
  const en: Record<string, string> = MESSAGES.en.common.enum[group];
  return new Map(Object.keys(zh).map((k) => [zh[k], en[k]]));
};
const cellsOf = (ws: ExcelJS.Worksheet, col: number) => dataRows(ws).map((r) => r.getCell(col).value);

let w: IssueWorld;
let parkName: string;

beforeAll(async () => {
  w = await makeIssueWorld();
  parkName = (await getDb().park.findUniqueOrThrow({ where: { id: w.park.id } })).name;
  await makeManyProjects(w.park.id, 2_300); // three batches of 1,000
  await makeProject({ parkId: w.park.id, stage: "STARTED", totalInvestment: "12345.67", contractInvestment: "10000.00" });
});

describe("project export", () => {
  it("writes every project of the filter across batches, with Chinese headers, real dates and numbers", async () => {
    const filters = projectFiltersSchema.parse({ park: String(w.park.id) });
    const { written, sheet } = await run(await exportProjects(w.staff, filters));
    const { total } = await listProjects(w.staff, filters);
    expect(total).toBeGreaterThan(2_300);
    expect(written).toBe(total);
    expect(dataRows(sheet)).toHaveLength(total);
    expect(sheet.name).toBe("项目台账");
    expect(String(sheet.getCell("A1").value)).toBe(`项目台账（筛选：园区：${parkName}；“本年”为 ${todayInShanghai().slice(0, 4)} 年）`);
    expect(String(sheet.getCell("A2").value)).toContain(`导出人：${w.staff.name}`);
    expect(headers(sheet)).toEqual(LEDGER_COLUMNS.map((c) => c.header));

    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    const first = dataRows(sheet).find((r) => r.getCell(col("项目名称")).value === "批量项目0")!;
    expect(first.getCell(col("签约日期")).value).toBeInstanceOf(Date);
    expect((first.getCell(col("签约日期")).value as Date).toISOString().slice(0, 10)).toBe("2025-01-10");
    expect(first.getCell(col("签约日期")).numFmt).toBe("yyyy-mm-dd");
    expect(first.getCell(col("总投资（万元）")).value).toBe(1000);
    expect(first.getCell(col("所属园区")).value).toBe(parkName);
  });

  it("exports a dashboard figure's projects across batches, the same set as its list", async () => {
    const filters = projectFiltersSchema.parse({ park: String(w.park.id), metric: "cohort.signed", period: "2025-12", cohort: "2025" });
    const { written, sheet } = await run(await exportProjects(w.staff, filters));
    const { total } = await listProjects(w.staff, filters);
    expect(total).toBeGreaterThan(1_000);
    expect(written).toBe(total);
    expect(dataRows(sheet)).toHaveLength(total);
    const narrowed = { ...filters, stage: "STARTED" as const };
    expect((await run(await exportProjects(w.staff, narrowed))).written).toBe((await listProjects(w.staff, narrowed)).total);
  });

  it("applies the list's filters and scope", async () => {
    const filters = projectFiltersSchema.parse({ park: String(w.park.id), stage: "STARTED" });
    const { sheet } = await run(await exportProjects(w.staff, filters));
    const rows = dataRows(sheet);
    expect(rows).toHaveLength((await listProjects(w.staff, filters)).total);
    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    expect(rows.map((r) => r.getCell(col("当前阶段")).value)).toEqual(rows.map(() => "开工"));
    expect(rows.map((r) => r.getCell(col("总投资（万元）")).value)).toContain(12345.67);
    expect(String(sheet.getCell("A1").value)).toContain("阶段：开工");

    const err = await exportProjects(w.otherStaff, projectFiltersSchema.parse({ park: String(w.park.id) })).catch((e) => e);
    expect(isAppError(err) && err.code).toBe("NOT_FOUND");
  });

  it("in English on request: headers, choices and title; the same rows and numbers", async () => {
    const filters = projectFiltersSchema.parse({ park: String(w.park.id), stage: "STARTED" });
    const zh = (await run(await exportProjects(w.staff, filters))).sheet;
    const file = await exportProjects(w.staff, filters, "en");
    expect(file.fileName).toMatch(/^project-ledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { sheet } = await run(file);
    expect(sheet.name).toBe("Project ledger");
    expect(String(sheet.getCell("A1").value)).toBe(`Project ledger (filters: park: ${parkName}; stage: Started; "this year" is ${todayInShanghai().slice(0, 4)})`);
    expect(String(sheet.getCell("A2").value)).toMatch(/^Exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Beijing time\) by .+; amounts in 10k CNY$/);
    const head = headers(sheet);
    expect(head).toHaveLength(LEDGER_COLUMNS.length);
    expect(head.join("|")).not.toMatch(/\p{Script=Han}/u);
    expect(head.slice(0, 3)).toEqual(["Project code", "Park", "Project name"]);
    const stage = head.indexOf("Current stage") + 1;
    expect(dataRows(sheet).map((r) => r.getCell(stage).value)).toEqual(dataRows(zh).map(() => "Started"));
    const money = head.indexOf("Total investment (10k CNY)") + 1;
    expect(dataRows(sheet).map((r) => r.getCell(money).value)).toEqual(dataRows(zh).map((r) => r.getCell(money).value));
  });
});

describe("every ledger column", () => {
  it("carries 形象进度, 存在问题, 包保, the plan, opening balances, this year's and cumulative figures and the light with its reasons; imported again it changes nothing", async () => {
    const db = getDb();
    const region = await makeRegion();
    const park = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const liaison = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: unique("包保人") });
    const leader = await makeUser([{ role: "PARK_LEADER", parkId: park.id }], { name: unique("领导") });
    const year = Number(todayInShanghai().slice(0, 4));
    const p = await makeProject({ parkId: park.id, stage: "STARTED", signedDate: `${year - 1}-03-01` });
    await db.project.update({
      where: { id: p.id },
      data: {
        actualStartDate: isoToDate(`${year - 1}-11-01`),
        stageDate: isoToDate(`${year - 1}-11-01`),
        investmentCompletedBefore: "100.00",
        fundsArrivedBefore: "50.00",
        imageProgress: "主体施工",
        problems: "缺少用电指标",
      },
    });
    await db.projectYearPlan.create({ data: { projectId: p.id, year, plannedInvestment: "1200.00", planStart: false, planProduction: true } });
    await db.assignment.createMany({
      data: [
        { parkId: park.id, role: "LIAISON", userId: liaison.id, projectId: p.id, startDate: isoToDate(`${year - 1}-03-01`) },
        { parkId: park.id, role: "LEADER", userId: leader.id, projectId: p.id, startDate: isoToDate(`${year - 1}-03-01`) },
      ],
    });
    for (const [y, m, inv, funds] of [
      [year - 1, 12, "30.00", "5.00"],
      [year, 1, "50.00", "10.00"],
      [year, 2, "50.50", "10.00"],
    ] as const) {
      await db.progressReport.create({ data: { projectId: p.id, year: y, month: m, investmentCompleted: inv, fundsArrived: funds, filedById: staff.userId } });
    }
    const plain = await makeProject({ parkId: park.id }); // nothing but the record: blank cells, 否, zeros

    const filters = projectFiltersSchema.parse({ park: String(park.id) });
    const { sheet } = await run(await exportProjects(staff, filters));
    const col = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const row = dataRows(sheet).find((r) => r.getCell(col("code")).value === p.code)!;
    const cell = (key: string) => row.getCell(col(key)).value;
    expect([cell("imageProgress"), cell("problems"), cell("liaison"), cell("leader")]).toEqual(["主体施工", "缺少用电指标", liaison.name, leader.name]);
    expect([cell("plannedInvestmentThisYear"), cell("planStartThisYear"), cell("planProductionThisYear")]).toEqual([1200, "否", "是"]);
    expect([cell("investmentCompletedBefore"), cell("fundsArrivedBefore")]).toEqual([100, 50]);
    expect([cell("investmentCompletedThisYear"), cell("investmentCompletedToDate"), cell("fundsArrivedThisYear"), cell("fundsArrivedToDate")]).toEqual([100.5, 230.5, 20, 75]);
    expect(row.getCell(col("investmentCompletedToDate")).numFmt).toBe("#,##0.00");
    // The light is the red list's own (lib/server/warnings), with its reasons.
    const light = (await getLightsForProjects(staff, [p.id])).get(p.id)!;
    expect(light.overall).not.toBeNull();
    expect(cell("light")).toBe(LIGHT_LABELS[light.overall!]);
    expect(cell("lightReasons")).toBe(light.reasons.length > 0 ? light.reasons.join("；") : null);
    const other = dataRows(sheet).find((r) => r.getCell(col("code")).value === plain.code)!;
    expect([col("liaison"), col("plannedInvestmentThisYear"), col("planStartThisYear"), col("investmentCompletedBefore"), col("investmentCompletedToDate")].map((c) => other.getCell(c).value)).toEqual([
      null,
      null,
      "否",
      0,
      0,
    ]);

    // Round trip: the export imported again is the same ledger.
    const exported = await jobBytes(await exportProjects(staff, filters));
    const preview = await previewImport(staff, exported);
    expect(preview).toMatchObject({ rows: 2, toCreate: 0, toUpdate: 0, unchanged: 2, errors: [] });
    expect(await commitImport(staff, exported)).toEqual({ created: 0, updated: 0, unchanged: 2, message: "没有需要更新的内容：2 行与现有项目一致" });
  });
});

describe("problem and progress exports", () => {
  it("exports the problems list for its filter", async () => {
    for (const [raised, closed] of [
      ["2026-01-05", null],
      ["2026-02-10", "2026-02-20"],
      ["2026-03-01", null],
    ] as const) {
      await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.staff.userId, raisedDate: raised, resolveDeadline: "2026-03-20", closedDate: closed, category: "LAND" });
    }
    const filters = issueFiltersSchema.parse({ park: String(w.park.id), category: "LAND" });
    const { written, sheet } = await run(await exportIssues(w.staff, filters, "2026-11-23"));
    expect(written).toBe((await listIssues(w.staff, filters, "2026-11-23")).total);
    expect(written).toBe(3);
    expect(String(sheet.getCell("A1").value)).toBe(`企业诉求（筛选：园区：${parkName}；类别：用地）`);
    expect(headers(sheet)).toContain("办结期限");
    const rows = dataRows(sheet);
    expect(rows[0].getCell(9).value).toBeInstanceOf(Date);
    expect(rows[0].getCell(14).value).toBe(248); // 超期天数: 2026-03-20 -> 2026-11-23
    expect(rows[1].getCell(14).value).toBe(0);
    const outsider = await exportIssues(w.otherStaff, issueFiltersSchema.parse({ park: String(w.park.id) })).catch((e) => e);
    expect(isAppError(outsider) && outsider.code).toBe("NOT_FOUND");
  });

  it("problems in English on request: sheet, title, headers and choices; the same dates and numbers", async () => {
    const filters = issueFiltersSchema.parse({ park: String(w.park.id), category: "LAND" });
    const zh = (await run(await exportIssues(w.staff, filters, "2026-11-23"))).sheet;
    // The Chinese headers are the ones the export always wrote, and the messages' Chinese.
    expect(headers(zh)).toEqual(ISSUE_EXPORT_COLUMNS.map((c) => c.header));
    expect(Object.entries(MESSAGES["zh-CN"].issues.export.columns)).toEqual(ISSUE_EXPORT_COLUMNS.map((c) => [c.key, c.header]));
    expect(zh.name).toBe("企业诉求");

    const file = await exportIssues(w.staff, filters, "2026-11-23", "en");
    expect(file.fileName).toBe("enterprise-problems-2026-11-23.xlsx");
    const { written, sheet } = await run(file);
    expect(written).toBe(dataRows(zh).length);
    expect(sheet.name).toBe("Enterprise problems");
    expect(String(sheet.getCell("A1").value)).toBe(`Enterprise problems (filters: park: ${parkName}; category: Land)`);
    expect(String(sheet.getCell("A2").value)).toMatch(/^Exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Beijing time\) by .+$/);
    const head = headers(sheet);
    expect(head).toHaveLength(ISSUE_EXPORT_COLUMNS.length);
    expect(head.join("|")).not.toMatch(HAN);
    expect(head.slice(0, 5)).toEqual(["Problem code", "Problem", "Category", "Status", "Coordination level"]);
    expect(cellsOf(sheet, 3)).toEqual(cellsOf(zh, 3).map(() => "Land"));
    const statuses = enumZhToEn("issueStatus");
    const levels = enumZhToEn("issueLevel");
    expect(cellsOf(sheet, 4)).toEqual(cellsOf(zh, 4).map((v) => statuses.get(String(v))));
    expect(cellsOf(sheet, 5)).toEqual(cellsOf(zh, 5).map((v) => levels.get(String(v))));
    for (const c of [cellsOf(sheet, 4), cellsOf(sheet, 5)]) expect(c.join("|")).not.toMatch(HAN);
    // Code, dates, overdue days: the same cells.
    for (const col of [1, 9, 10, 11, 12, 13, 14]) expect(cellsOf(sheet, col)).toEqual(cellsOf(zh, col));
    expect(cellsOf(sheet, 14)).toContain(248);
  });

  it("problems: a satisfaction filter and cell in English", async () => {
    await makeIssueRow({
      parkId: w.park.id,
      enterpriseId: w.enterprise.id,
      reporterId: w.staff.userId,
      raisedDate: "2026-01-05",
      resolveDeadline: "2026-03-20",
      closedDate: "2026-02-01",
      category: "FINANCING",
      satisfaction: "BASICALLY_SATISFIED",
    });
    const filters = issueFiltersSchema.parse({ park: String(w.park.id), satisfaction: "BASICALLY_SATISFIED", level: "1" });
    const zh = (await run(await exportIssues(w.staff, filters, "2026-11-23"))).sheet;
    const { sheet } = await run(await exportIssues(w.staff, filters, "2026-11-23", "en"));
    expect(String(zh.getCell("A1").value)).toBe(`企业诉求（筛选：园区：${parkName}；层级：一级（包保责任人）；满意度：基本满意）`);
    expect(String(sheet.getCell("A1").value)).toBe(`Enterprise problems (filters: park: ${parkName}; level: Level 1 (liaison); satisfaction: Mostly satisfied)`);
    expect(cellsOf(zh, 15)).toContain("基本满意");
    expect(cellsOf(sheet, 15)).toEqual(cellsOf(zh, 15).map(() => "Mostly satisfied"));
    expect(cellsOf(sheet, 3)).toEqual(cellsOf(zh, 3).map((v) => enumZhToEn("issueCategory").get(String(v))));
  });

  it("exports monthly progress with cumulative figures", async () => {
    const db = getDb();
    await db.project.update({ where: { id: w.project.id }, data: { investmentCompletedBefore: "100.00" } });
    for (const month of [1, 2, 3]) {
      await db.progressReport.create({
        data: { projectId: w.project.id, year: 2026, month, investmentCompleted: "50.25", fundsArrived: "10.00", filedById: w.staff.userId, filedAt: isoToDate(`2026-0${month + 1}-03`) },
      });
    }
    const { written, sheet } = await run(await exportProgress(w.staff, progressExportFiltersSchema.parse({ project: String(w.project.id), year: "2026" })));
    expect(written).toBe(3);
    const rows = dataRows(sheet);
    expect(rows.map((r) => [r.getCell(5).value, r.getCell(6).value, r.getCell(7).value, r.getCell(9).value])).toEqual([
      [2026, 1, 50.25, 150.25],
      [2026, 2, 50.25, 200.5],
      [2026, 3, 50.25, 250.75],
    ]);
    expect(rows[0].getCell(14).value).toBeInstanceOf(Date);
    const outsider = await exportProgress(w.otherStaff, progressExportFiltersSchema.parse({ project: String(w.project.id) })).catch((e) => e);
    expect(isAppError(outsider) && outsider.code).toBe("NOT_FOUND");
  });

  it("monthly progress in English on request: sheet, title, headers; the same numbers and dates", async () => {
    // The Chinese headers are the import's own table (the file imports again).
    expect(MESSAGES["zh-CN"].progress.export.sheet).toBe(PROGRESS_SHEET);
    expect(Object.entries(MESSAGES["zh-CN"].progress.export.columns)).toEqual(PROGRESS_COLUMNS.map((c) => [c.key, c.header]));
    const filters = progressExportFiltersSchema.parse({ project: String(w.project.id), year: "2026" });
    const zh = (await run(await exportProgress(w.staff, filters))).sheet;
    expect(zh.name).toBe(PROGRESS_SHEET);
    expect(headers(zh)).toEqual(PROGRESS_COLUMNS.map((c) => c.header));
    const project = await getDb().project.findUniqueOrThrow({ where: { id: w.project.id } });
    expect(String(zh.getCell("A1").value)).toBe(`月度填报（筛选：项目：${project.name}（${project.code}）；年份：2026）`);

    const file = await exportProgress(w.staff, filters, "en");
    expect(file.fileName).toBe(`monthly-progress-2026-${todayInShanghai()}.xlsx`);
    expect((await exportProgress(w.staff, progressExportFiltersSchema.parse({}), "en")).fileName).toBe(`monthly-progress-all-${todayInShanghai()}.xlsx`);
    const { written, sheet } = await run(file);
    expect(written).toBe(3);
    expect(sheet.name).toBe("Monthly progress");
    expect(String(sheet.getCell("A1").value)).toBe(`Monthly progress (filters: project: ${project.name} (${project.code}); year: 2026)`);
    expect(String(sheet.getCell("A2").value)).toMatch(/^Exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Beijing time\) by .+; amounts in 10k CNY$/);
    const head = headers(sheet);
    expect(head).toHaveLength(PROGRESS_COLUMNS.length);
    expect(head.join("|")).not.toMatch(HAN);
    expect(head.slice(4, 9)).toEqual(["Year", "Month", "Investment completed this month (10k CNY)", "Funds received this month (10k CNY)", "Investment completed to date (10k CNY)"]);
    for (let col = 1; col <= PROGRESS_COLUMNS.length; col++) expect(cellsOf(sheet, col)).toEqual(cellsOf(zh, col));
    expect(cellsOf(sheet, 9)).toEqual([150.25, 200.5, 250.75]);
  });

  it("the routes take ?lang=zh-CN|en and refuse any other by name (422)", async () => {
    session.actor = w.staff;
    for (const route of [exportIssuesRoute, exportProgressRoute]) {
      const res = await route.GET(new Request(`http://localhost/api/export?park=${w.park.id}&lang=fr`));
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("导出语言 lang 须为 zh-CN 或 en");
    }
    const issues = await exportIssuesRoute.GET(new Request(`http://localhost/api/export/issues?park=${w.park.id}&lang=en`));
    expect(issues.status).toBe(200);
    expect(issues.headers.get("content-disposition")).toContain("enterprise-problems-");
    await issues.arrayBuffer();
    const progress = await exportProgressRoute.GET(new Request(`http://localhost/api/export/progress?project=${w.project.id}&lang=zh-CN`));
    expect(progress.status).toBe(200);
    expect(progress.headers.get("content-disposition")).toContain(encodeURIComponent("月度填报"));
    await progress.arrayBuffer();
    session.actor = null;
  });

  it("names the download in UTF-8 (RFC 5987) with an ASCII fallback", () => {
    expect(attachmentHeader("项目台账-2026-11-23.xlsx")).toBe(
      `attachment; filename="export-2026-11-23.xlsx"; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%8F%B0%E8%B4%A6-2026-11-23.xlsx`,
    );
  });
});
