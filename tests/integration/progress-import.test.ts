// The monthly figures import: one sheet of projects × months filed and corrected through the
// filing service (its rules, the closed months of published bulletins, its audit rows),
// previewed, committed all or nothing; the same file again, or the progress export, changes
// nothing.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { lastCompletedMonth } from "@/lib/domain/filing";
import type { Actor } from "@/lib/domain/permissions";
import { exportProgress } from "@/lib/server/excel/export-progress";
import { ProgressImportRejectedError, commitProgressImport, previewProgressImport } from "@/lib/server/excel/progress-import";
import { buildProgressTemplate } from "@/lib/server/excel/progress-template";
import { progressExportFiltersSchema } from "@/lib/validation/excel-export";
import { PROGRESS_COLUMNS, PROGRESS_SHEET } from "@/lib/domain/ledger-columns";
import type { Locale } from "@/lib/i18n/locales";
import { PROGRESS_HEADERS_EN, PROGRESS_SHEET_EN } from "@/lib/server/excel/ledger-english";
import { makeActor, makePark, makeProject, makeRegion, unique } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { sheetWorkbook } from "../helpers/ledger-workbook";

const db = () => getDb();
const year = Number(todayInShanghai().slice(0, 4));
const last = year - 1;
const HEADER = ["项目编号", "项目名称", "年份", "月份", "本月完成投资（万元）", "本月到位资金（万元）", "形象进度", "存在问题"];

let park: { id: number; name: string };
let staff: Actor;
let liaison: Actor;

async function startedProject(tag: string, start = `${last}-06-15`) {
  const p = await makeProject({ parkId: park.id, name: tag, stage: "STARTED", signedDate: `${last}-01-10` });
  await db().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate(start), stageDate: isoToDate(start) } });
  return p;
}

const sheet = (rows: ExcelJS.CellValue[][], header = HEADER) => sheetWorkbook("月度填报", [header, ...rows]);

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
  liaison = await makeActor([{ role: "LIAISON", parkId: park.id }]);
});

describe("monthly figures import", () => {
  it("files new months and corrects filed ones through the filing service, shows each before → after, and the same file again changes nothing", async () => {
    const p = await startedProject(unique("月报"));
    await db().progressReport.create({ data: { projectId: p.id, year: last, month: 7, investmentCompleted: "100.00", fundsArrived: "20.00", imageProgress: "基础施工", filedById: staff.userId } });
    const file = await sheet([
      [p.code, p.name, last, 7, 120, 20, "基础施工", null],
      [p.code, p.name, last, 8, "200.5", 30, "主体施工", "缺用电指标"],
      [p.code, p.name, null, `${last}-09`, 0, 0, "停工待料", null],
    ]);
    const preview = await previewProgressImport(staff, file);
    expect(preview).toMatchObject({ rows: 3, toFile: 2, toCorrect: 1, unchanged: 0, errors: [] });
    expect(preview.months.map((m) => [m.month, m.kind, m.changes.map((c) => `${c.column}：${c.before ?? "（空）"} → ${c.after ?? "（空）"}`)])).toEqual([
      [`${last}年7月`, "correct", ["本月完成投资（万元）：100 万元 → 120 万元"]],
      [`${last}年8月`, "file", ["本月完成投资（万元）：（空） → 200.5 万元", "本月到位资金（万元）：（空） → 30 万元", "形象进度：（空） → 主体施工", "存在问题：（空） → 缺用电指标"]],
      [`${last}年9月`, "file", ["本月完成投资（万元）：（空） → 0 万元", "本月到位资金（万元）：（空） → 0 万元", "形象进度：（空） → 停工待料"]],
    ]);
    expect(await db().progressReport.count({ where: { projectId: p.id } })).toBe(1); // the preview kept nothing

    expect(await commitProgressImport(staff, file, "月报.xlsx", preview.expected)).toEqual({ filed: 2, corrected: 1, unchanged: 0, message: "已导入：新填报 2 个月报，更正 1 个月报" });
    const reports = await db().progressReport.findMany({ where: { projectId: p.id }, orderBy: { month: "asc" } });
    expect(reports.map((r) => [r.month, r.investmentCompleted.toString(), r.version])).toEqual([
      [7, "120", 2],
      [8, "200.5", 1],
      [9, "0", 1],
    ]);
    // The ledger's 形象进度 is the newest month's, as filing sets it.
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).imageProgress).toBe("停工待料");
    const audits = await db().auditLog.findMany({ where: { parkId: park.id, action: { startsWith: "progress." } } });
    expect(audits.map((a) => a.action).sort()).toEqual(["progress.correct", "progress.file", "progress.file", "progress.import"]);

    expect(await previewProgressImport(staff, file)).toMatchObject({ toFile: 0, toCorrect: 0, unchanged: 3, errors: [] });
    expect(await commitProgressImport(staff, file)).toEqual({ filed: 0, corrected: 0, unchanged: 3, message: "没有需要更新的内容：3 行与已填报的月报一致" });

    // The progress export is the same sheet: imported again it changes nothing.
    const exported = await previewProgressImport(staff, await jobBytes(await exportProgress(staff, progressExportFiltersSchema.parse({ project: String(p.id) }))));
    expect(exported).toMatchObject({ rows: 3, unchanged: 3, toFile: 0, toCorrect: 0, errors: [] });
    expect(exported.ignoredColumns).toEqual(["累计完成投资（万元）", "累计到位资金（万元）", "填报人", "填报日期"]);
  });

  it("refuses with the filing rules, closed months included, on each row and column, and then writes nothing", async () => {
    const p = await startedProject(unique("规则"));
    const notStarted = await makeProject({ parkId: park.id, name: unique("未开工") });
    // A bulletin published for last year's October closes every month of the park up to it.
    await db().publishedBulletin.create({
      data: { scopeKey: `park:${park.id}`, parkId: park.id, year: last, month: 10, scopeName: park.name, rankKey: "startRate", parkIds: [park.id], content: {}, publishedById: staff.userId },
    });
    const now = todayInShanghai();
    const thisMonth = Number(now.slice(5, 7));
    const file = await sheet([
      [p.code, p.name, last, 11, 10, 1, "施工", null], // fine
      [p.code, p.name, last, 10, 10, 1, "施工", null], // closed by the bulletin
      [p.code, p.name, last, 5, 10, 1, "施工", null], // before the start
      [p.code, p.name, year, thisMonth, 10, 1, "施工", null], // not over
      [notStarted.code, notStarted.name, last, 11, 10, 1, "施工", null],
      [p.code, p.name, last, 12, "十万", -1, null, null],
      [p.code, p.name, last, 11, 10, 1, "施工", null], // the same month again
      ["不存在的编号", "某项目", last, 11, 10, 1, "施工", null],
      [p.code, p.name, null, 13, 10, 1, "施工", null],
    ]);
    const preview = await previewProgressImport(staff, file);
    const at = (row: number) => preview.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([`月份:${last}年10月已随《${park.name}${last}年10月项目推进情况通报》定稿发布，月报已关闭：如需填报或更正，请提交更正申请，经园区领导审批后生效`]);
    expect(at(4)).toEqual([`月份:项目于 ${last}-06-15 开工，不能填报开工前的月份`]);
    expect(at(5)).toEqual([`月份:${year}年${thisMonth}月尚未结束，月末后才能填报`]);
    expect(at(6)).toEqual(["月份:项目尚未开工，开工后才能按月填报"]);
    expect(at(7)).toEqual(["本月完成投资（万元）:本月完成投资须为数字，最多两位小数", "本月到位资金（万元）:本月到位资金不能为负数", "形象进度:请填写形象进度"]);
    expect(at(8)).toEqual([`月份:与第 2 行是同一项目的同一月份（${last}年11月）`]);
    expect(at(9)).toEqual(["项目编号:找不到编号为「不存在的编号」的项目，或您无权填报该项目的月报"]);
    expect(at(10)).toEqual(["年份:请填写年份（或把月份写作 2026-03）"]);

    const err = await commitProgressImport(staff, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProgressImportRejectedError);
    expect((err as ProgressImportRejectedError).issues).toEqual(preview.errors);
    expect(await db().progressReport.count({ where: { projectId: p.id } })).toBe(0);
  });

  it("a liaison files for the projects assigned to them only; the template lists last month's projects with what was filed", async () => {
    const mine = await startedProject(unique("我的"));
    const other = await startedProject(unique("别人的"));
    await db().assignment.create({ data: { parkId: park.id, role: "LIAISON", userId: liaison.userId, projectId: mine.id, startDate: isoToDate(`${last}-01-10`) } });
    const file = await sheet([
      [mine.code, mine.name, last, 11, 5, 0, "设备安装", null],
      [other.code, other.name, last, 11, 5, 0, "设备安装", null],
    ]);
    expect((await previewProgressImport(liaison, file)).errors).toEqual([{ row: 3, column: "项目编号", message: `找不到编号为「${other.code}」的项目，或您无权填报该项目的月报` }]);
    await commitProgressImport(liaison, await sheet([[mine.code, mine.name, last, 11, 5, 0, "设备安装", null]]));
    expect(await db().progressReport.count({ where: { projectId: mine.id } })).toBe(1);

    const ym = lastCompletedMonth(todayInShanghai());
    await db().progressReport.create({ data: { projectId: mine.id, year: ym.year, month: ym.month, investmentCompleted: "7.50", fundsArrived: "1.00", imageProgress: "调试", filedById: staff.userId } });
    const template = await buildProgressTemplate(liaison);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("月度填报")!;
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => n > 2 && rows.push((r.values as unknown[]).slice(1, 9)));
    expect(rows).toEqual([[mine.code, mine.name, park.name, expect.any(String), ym.year, ym.month, 7.5, 1]]);
    // Untouched, the template is last month's filings as they stand.
    expect(await previewProgressImport(liaison, template.bytes)).toMatchObject({ rows: 1, unchanged: 1, errors: [] });
  });

  it("reads the English progress export and template (?lang=en): exported again it changes nothing; a wrong value is refused naming the English column; a Chinese file as before", async () => {
    const p = await startedProject(unique("英文月报"));
    // November and December: open (the bulletin of another test closes the park's months up to October).
    await db().progressReport.create({ data: { projectId: p.id, year: last, month: 11, investmentCompleted: "100.00", fundsArrived: "20.00", imageProgress: "基础施工", filedById: staff.userId } });
    await db().progressReport.create({ data: { projectId: p.id, year: last, month: 12, investmentCompleted: "50.50", fundsArrived: "0.00", imageProgress: "主体施工", problems: "缺用电指标", filedById: staff.userId } });
    const exported = async (locale: Locale) => jobBytes(await exportProgress(staff, progressExportFiltersSchema.parse({ project: String(p.id) }), locale));
    const en = await exported("en");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(en as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet(PROGRESS_SHEET_EN)!;
    const head = (ws.getRow(3).values as unknown[]).slice(1) as string[];
    expect(head).toEqual(PROGRESS_COLUMNS.map((c) => PROGRESS_HEADERS_EN[c.key]));
    const preview = await previewProgressImport(staff, en);
    expect(preview).toMatchObject({ rows: 2, unchanged: 2, toFile: 0, toCorrect: 0, errors: [], headerRows: [3, 3] });
    expect(preview.ignoredColumns).toEqual(["investmentToDate", "fundsToDate", "filedBy", "filedOn"].map((k) => PROGRESS_HEADERS_EN[k]));
    expect(await commitProgressImport(staff, en)).toMatchObject({ filed: 0, corrected: 0, unchanged: 2 });

    // Edited under its English headers: a wrong value is refused on its row, naming the column as the file does.
    const col = (key: string) => head.indexOf(PROGRESS_HEADERS_EN[key]) + 1;
    ws.getRow(4).getCell(col("investmentCompleted")).value = "十万";
    ws.getRow(5).getCell(col("month")).value = 13;
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await previewProgressImport(staff, bad);
    expect(refused.errors).toEqual([
      { row: 4, column: PROGRESS_HEADERS_EN.investmentCompleted, message: "本月完成投资须为数字，最多两位小数" },
      { row: 5, column: PROGRESS_HEADERS_EN.month, message: "月份须在 1–12 之间" },
    ]);
    const err = await commitProgressImport(staff, bad).catch((e: unknown) => e);
    expect((err as ProgressImportRejectedError).issues).toEqual(refused.errors);

    // A corrected figure is shown under its English header.
    ws.getRow(4).getCell(col("investmentCompleted")).value = 110;
    ws.getRow(5).getCell(col("month")).value = 12;
    const corrected = await previewProgressImport(staff, Buffer.from(await book.xlsx.writeBuffer()));
    expect(corrected).toMatchObject({ toCorrect: 1, unchanged: 1, errors: [] });
    expect(corrected.months[0].changes.map((c) => `${c.column}: ${c.before} → ${c.after}`)).toEqual([`${PROGRESS_HEADERS_EN.investmentCompleted}: 100 万元 → 110 万元`]);

    // The Chinese export as before.
    expect(await previewProgressImport(staff, await exported("zh-CN"))).toMatchObject({ rows: 2, unchanged: 2, errors: [] });

    // A header lacking columns is told their names in the file's language.
    const E = PROGRESS_HEADERS_EN;
    const lacking = await sheetWorkbook(PROGRESS_SHEET_EN, [[E.name, E.year, E.investmentCompleted, E.fundsArrived, E.imageProgress], [p.name, last, 1, 1, "x"]]);
    expect(await previewProgressImport(staff, lacking).catch((e: Error) => e.message)).toBe(
      `表头（第 1 行）缺少「${E.code}」、「${E.park}」、「${E.enterpriseName}」、「${E.month}」列；找项目要用「${E.code}」，或「${E.park}」与「${E.enterpriseName}」；请使用月度填报模板（或从项目页、月度填报导出的文件）`,
    );
    const lackingZh = await sheetWorkbook("月度填报", [["项目名称", "年份", "本月完成投资（万元）", "本月到位资金（万元）", "形象进度"], [p.name, last, 1, 1, "x"]]);
    expect(await previewProgressImport(staff, lackingZh).catch((e: Error) => e.message)).toBe(
      "表头（第 1 行）缺少「项目编号」、「所属园区」、「企业名称」、「月份」列；找项目要用「项目编号」，或「所属园区」与「企业名称」；请使用月度填报模板（或从项目页、月度填报导出的文件）",
    );
  });

  it("the template downloads in English on request and imports again unchanged; the Chinese one is as before", async () => {
    const mine = await startedProject(unique("英文模板"));
    await db().assignment.create({ data: { parkId: park.id, role: "LIAISON", userId: liaison.userId, projectId: mine.id, startDate: isoToDate(`${last}-01-10`) } });
    const ym = lastCompletedMonth(todayInShanghai());
    await db().progressReport.create({ data: { projectId: mine.id, year: ym.year, month: ym.month, investmentCompleted: "3.00", fundsArrived: "0.00", imageProgress: "安装", filedById: staff.userId } });
    const read = async (bytes: Buffer, sheet: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const ws = wb.getWorksheet(sheet)!;
      return { title: String(ws.getCell(1, 1).value), head: (ws.getRow(2).values as unknown[]).slice(1), notes: (ws.getRow(2).values as unknown[]).slice(1).map((_, i) => String(ws.getRow(2).getCell(i + 1).note)) };
    };
    const importable = PROGRESS_COLUMNS.filter((c) => c.importable);
    const en = await buildProgressTemplate(liaison, undefined, "en");
    expect(en.fileName).toBe(`monthly-progress-template-${ym.year}-${String(ym.month).padStart(2, "0")}.xlsx`);
    const enSheet = await read(en.bytes, PROGRESS_SHEET_EN);
    expect(enSheet.title).toMatch(new RegExp(`^Monthly progress for ${ym.month}/${ym.year} `));
    expect(enSheet.head).toEqual(importable.map((c) => PROGRESS_HEADERS_EN[c.key]));
    expect([enSheet.title, ...enSheet.notes].join("|")).not.toMatch(/\p{Script=Han}/u);
    // Untouched, it is last month's filings as they stand (this liaison's projects of every test here).
    const again = await previewProgressImport(liaison, en.bytes);
    expect(again).toMatchObject({ toFile: 0, toCorrect: 0, unchanged: again.rows, errors: [] });

    // The Chinese template: the table's own headers and hints, and the title it always had.
    const zh = await buildProgressTemplate(liaison);
    expect(zh.fileName).toBe(`月度填报模板-${ym.year}-${String(ym.month).padStart(2, "0")}.xlsx`);
    const zhSheet = await read(zh.bytes, PROGRESS_SHEET);
    expect(zhSheet.title).toBe(`${ym.year}年${ym.month}月月度填报（金额单位：万元；已填报的月份列出已报数，修改后导入即为更正）`);
    expect(zhSheet.head).toEqual(importable.map((c) => c.header));
    expect(zhSheet.notes).toEqual(importable.map((c) => c.hint || c.header));
  });
});
