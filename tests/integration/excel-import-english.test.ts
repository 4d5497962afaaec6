// The ledger import reading English files: the English template (?lang=en, or the reader's
// language) filled in with English choices, the English export imported again (no change),
// a refused English choice named by the file's own header, and a Chinese file as before.
import { beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { IMPORT_COLUMNS, LEDGER_SHEET } from "@/lib/domain/ledger-columns";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { ImportRejectedError, commitImport } from "@/lib/server/excel/commit-import";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { LEDGER_HEADERS_EN, LEDGER_SHEET_EN } from "@/lib/server/excel/ledger-english";
import { previewImport } from "@/lib/server/excel/preview-import";
import { CHOICE_REFUSAL } from "@/lib/validation/ledger-import";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeProject, makeRegion, unique } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { ledgerRow, ledgerWorkbook } from "../helpers/ledger-workbook";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "zh-CN" as Locale }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
vi.mock("@/lib/i18n/request-locale", () => ({ getRequestLocale: async () => session.locale }));

const templateRoute = await import("@/app/api/import/template/route");

const db = () => getDb();
const year = Number(todayInShanghai().slice(0, 4));
const HAN = /\p{Script=Han}/u;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

let park: { id: number; name: string };
let staff: Actor;

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
});

async function loadBook(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

async function templateVia(query: string, locale: Locale): Promise<Response> {
  session.actor = staff;
  session.locale = locale;
  try {
    return await templateRoute.GET(new Request(`http://localhost/api/import/template${query}`));
  } finally {
    session.actor = null;
    session.locale = "zh-CN";
  }
}

/** The template filled in as a person would: each row's cells by the template's own headers. */
async function fillIn(template: ArrayBuffer, rows: Record<string, ExcelJS.CellValue>[]): Promise<Buffer> {
  const wb = await loadBook(template);
  const ws = wb.getWorksheet(LEDGER_SHEET_EN)!;
  const at = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => at.set(String(cell.value), col));
  rows.forEach((r, i) => {
    for (const [header, value] of Object.entries(r)) {
      expect(at.has(header), header).toBe(true);
      ws.getCell(i + 2, at.get(header)!).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function exported(locale: Locale): Promise<Buffer> {
  const job = await exportProjects(staff, projectFiltersSchema.parse({ park: String(park.id) }), locale);
  return jobBytes(job);
}

async function rejected(work: Promise<unknown>): Promise<ImportRejectedError> {
  const e = await work.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ImportRejectedError);
  return e as ImportRejectedError;
}

const H = LEDGER_HEADERS_EN;

describe("importing English ledgers", () => {
  it("downloads the template in English (?lang=en or the reader's language) and refuses another lang by name", async () => {
    for (const [query, locale] of [["?lang=en", "zh-CN"], ["", "en"]] as const) {
      const res = await templateVia(query, locale);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toContain("project-ledger-import-template.xlsx");
      const wb = await loadBook(await res.arrayBuffer());
      expect(wb.worksheets.map((w) => w.name)).toEqual([LEDGER_SHEET_EN, "Choices", "Instructions"]);
      const head = (wb.getWorksheet(LEDGER_SHEET_EN)!.getRow(1).values as unknown[]).slice(1);
      expect(head).toEqual(IMPORT_COLUMNS.map((c) => H[c.key]));
      expect(String(wb.getWorksheet(LEDGER_SHEET_EN)!.getRow(1).getCell(2).note)).toMatch(/^Required\. /);
      const guide: string[] = [];
      wb.getWorksheet("Instructions")!.eachRow((row) => guide.push((row.values as unknown[]).slice(1).join(" ")));
      expect(guide.join("\n")).not.toMatch(HAN);
    }
    const zh = await templateVia("?lang=zh-CN", "en");
    expect(zh.headers.get("content-disposition")).toContain(encodeURIComponent("项目台账导入模板"));
    expect((await loadBook(await zh.arrayBuffer())).worksheets.map((w) => w.name)).toEqual([LEDGER_SHEET, "选项", "填写说明"]);
    // The refusal in the reader's language (the server's Chinese for a Chinese reader).
    const bad = await templateVia("?lang=fr", "en");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toBe("The filters are invalid, so nothing was exported: the export language lang must be zh-CN or en");
    expect(await (await templateVia("?lang=fr", "zh-CN")).text()).toBe("筛选条件无效，未导出：导出语言 lang 须为 zh-CN 或 en");
  });

  it("imports the English template filled in with English choices, in any case", async () => {
    const tag = unique("EN");
    const file = await fillIn(await (await templateVia("?lang=en", "zh-CN")).arrayBuffer(), [
      {
        [H.park]: park.name,
        [H.name]: `${tag}-started`,
        [H.enterpriseName]: `${tag} Co.`,
        [H.industry]: "新材料",
        [H.source]: "Industry chain",
        [H.keyLevel]: "city key",
        [H.totalInvestment]: 5000,
        [H.contractInvestment]: 4000,
        [H.signedDate]: utc(2025, 3, 1),
        [H.registeredDate]: utc(2025, 4, 1),
        [H.stage]: "STARTED",
        [H.landedDate]: utc(2025, 4, 1),
        [H.actualStartDate]: utc(2025, 6, 15),
        [H.plannedInvestmentThisYear]: 800,
        [H.planStartThisYear]: "no",
        [H.planProductionThisYear]: "Yes",
      },
      { [H.park]: park.name, [H.name]: `${tag}-signed`, [H.enterpriseName]: `${tag} Ltd.`, [H.industry]: "新材料", [H.totalInvestment]: 100, [H.contractInvestment]: 100, [H.signedDate]: "2025-05-01", [H.stage]: "Signed" },
    ]);
    const preview = await previewImport(staff, file);
    expect(preview).toMatchObject({ rows: 2, toCreate: 2, toUpdate: 0, unchanged: 0, errors: [] });
    expect(preview.sample.map((s) => s.stage)).toEqual(["STARTED", "SIGNED"]);
    expect(await commitImport(staff, file, "ledger.xlsx", preview.expected)).toMatchObject({ created: 2, updated: 0 });

    const started = await db().project.findFirstOrThrow({ where: { parkId: park.id, name: `${tag}-started` }, include: { yearPlans: true, stageEvents: true } });
    expect({ stage: started.stage, source: started.source, keyLevel: started.keyLevel }).toEqual({ stage: "STARTED", source: "INDUSTRY_CHAIN", keyLevel: "CITY" });
    expect(started.yearPlans.map((p) => [p.year, p.plannedInvestment.toString(), p.planStart, p.planProduction])).toEqual([[year, "800", false, true]]);
    expect(started.stageEvents).toHaveLength(3);
    const signed = await db().project.findFirstOrThrow({ where: { parkId: park.id, name: `${tag}-signed` } });
    expect({ stage: signed.stage, source: signed.source, keyLevel: signed.keyLevel }).toEqual({ stage: "SIGNED", source: "OTHER", keyLevel: "NONE" });
    // The same file again changes nothing.
    expect(await previewImport(staff, file)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2, errors: [] });
  });

  it("the English export imported again changes nothing, as the Chinese one; an edited cell shows under its English header", async () => {
    const tag = unique("往返EN");
    const landed = await makeProject({ parkId: park.id, name: `${tag}-落地`, stage: "LANDED" });
    await db().project.update({ where: { id: landed.id }, data: { keyLevel: "PROVINCIAL", source: "AGENCY" } });
    await makeProject({ parkId: park.id, name: `${tag}-签约` });
    const total = await db().project.count({ where: { parkId: park.id } });

    const en = await exported("en");
    const enBook = await loadBook(en);
    const ws = enBook.getWorksheet(LEDGER_SHEET_EN)!;
    const head = (ws.getRow(3).values as unknown[]).slice(1) as string[];
    expect(head.join("|")).not.toMatch(HAN);
    const preview = await previewImport(staff, en);
    expect(preview).toMatchObject({ rows: total, toCreate: 0, toUpdate: 0, unchanged: total, errors: [], headerRows: [3, 3] });
    expect(preview.ignoredColumns).toEqual(expect.arrayContaining([H.status, H.investmentCompletedToDate, H.light, H.lightReasons]));
    expect(preview.ignoredColumns.join("|")).not.toMatch(HAN);
    expect(await previewImport(staff, await exported("zh-CN"))).toMatchObject({ rows: total, toCreate: 0, toUpdate: 0, unchanged: total, errors: [] });
    expect(await commitImport(staff, en)).toMatchObject({ created: 0, updated: 0, message: `没有需要更新的内容：${total} 行与现有项目一致` });

    // Edit one row in English: its changes are named by the file's headers.
    const col = (key: string) => head.indexOf(H[key]) + 1;
    let edited = 0;
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(col("name")).value === `${tag}-签约`) {
        row.getCell(col("totalInvestment")).value = 12000;
        row.getCell(col("keyLevel")).value = "Provincial key";
        row.getCell(col("planStartThisYear")).value = "YES";
        edited = n;
      }
    });
    expect(edited).toBeGreaterThan(3);
    const changed = await previewImport(staff, Buffer.from(await enBook.xlsx.writeBuffer()));
    expect(changed).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: total - 1, errors: [] });
    expect(changed.updates[0].changes.map((c) => `${c.column}: ${c.before} → ${c.after}`)).toEqual([
      `${H.keyLevel}: 一般 → 省重点`,
      `${H.totalInvestment}: 10,000 万元 → 12,000 万元`,
      `${H.planStartThisYear}: 否 → 是`,
    ]);
  });

  it("refuses a wrong English choice, naming the column as the file does; a Chinese column of the same file as before", async () => {
    const tag = unique("EN错");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Project Ledger");
    // A mixed header: English columns with one Chinese one (项目级别).
    ws.addRow([H.park, H.name, H.enterpriseName, H.industry, H.totalInvestment, H.contractInvestment, H.signedDate, H.stage, H.source, "项目级别", H.planStartThisYear]);
    ws.addRow([park.name, `${tag}-1`, `${tag} Co.`, "新材料", 100, 100, utc(2025, 3, 1), "Launched", "Referral", "Bogus", "Maybe"]);
    ws.addRow([park.name, `${tag}-2`, `${tag} Ltd.`, "新材料", null, 100, utc(2025, 3, 1), "Signed", null, "一般", "No"]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const preview = await previewImport(staff, file);
    expect(preview.toCreate).toBe(0);
    const choices = (group: "stage" | "source") => Object.values(MESSAGES.en.common.enum[group]).join("/");
    expect(preview.errors.filter((e) => e.row === 2)).toEqual([
      { row: 2, column: H.source, message: `「${H.source}」须为 ${choices("source")} 之一` },
      { row: 2, column: "项目级别", message: CHOICE_REFUSAL.keyLevel },
      { row: 2, column: H.stage, message: `「${H.stage}」须为 ${choices("stage")} 之一` },
      { row: 2, column: H.planStartThisYear, message: `「${H.planStartThisYear}」须填写 Yes 或 No（空白为 No）` },
    ]);
    expect(preview.errors.filter((e) => e.row === 3).map((e) => e.column)).toEqual([H.totalInvestment]);
    const refused = await rejected(commitImport(staff, file));
    expect(refused.issues).toEqual(preview.errors);
    expect(await db().project.count({ where: { parkId: park.id, name: { startsWith: tag } } })).toBe(0);
  });

  it("a Chinese file reads and refuses exactly as before", async () => {
    const tag = unique("中文");
    const file = await ledgerWorkbook([ledgerRow(park.name, `${tag}-1`, { stage: "启动", planStartThisYear: "也许" }), ledgerRow(park.name, `${tag}-2`, { stage: "签约", planStartThisYear: "是" })]);
    const preview = await previewImport(staff, file);
    expect(preview.errors).toEqual([
      { row: 2, column: "当前阶段", message: "当前阶段须为 签约/落地/开工/投产 之一" },
      { row: 2, column: "本年计划开工", message: "本年计划开工须填写 是 或 否（空白为否）" },
    ]);
    const fixed = await ledgerWorkbook([ledgerRow(park.name, `${tag}-1`, { stage: "签约" })]);
    expect(await commitImport(staff, fixed)).toMatchObject({ created: 1 });
  });
});
