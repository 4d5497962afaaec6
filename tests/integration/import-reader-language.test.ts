// The import endpoints answer in the reader's language: an English reader's preview and commit
// of a Chinese file get every row problem, the refusal, the summary and the before → after
// values in English (a column's header is the file's own text, quoted as written), a Chinese
// reader (and a client that asks for no language) the server's Chinese, as before.
import { beforeAll, describe, expect, it, vi } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { LEDGER_SHEET } from "@/lib/domain/ledger-columns";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { previewImport } from "@/lib/server/excel/preview-import";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeProject, makeRegion, unique } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { ledgerRow, ledgerWorkbook, sheetWorkbook } from "../helpers/ledger-workbook";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "zh-CN" as Locale }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
vi.mock("@/lib/i18n/request-locale", () => ({ getRequestLocale: async () => session.locale }));

const previewRoute = await import("@/app/api/import/preview/route");
const commitRoute = await import("@/app/api/import/commit/route");
const progressPreviewRoute = await import("@/app/api/import/progress/preview/route");
const progressCommitRoute = await import("@/app/api/import/progress/commit/route");

const db = () => getDb();
const HAN = /\p{Script=Han}/u;
const EN = MESSAGES.en;
const last = Number(todayInShanghai().slice(0, 4)) - 1;

let park: { id: number; name: string };
let staff: Actor;

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
});

type Issue = { row: number; column: string; message: string };

/** POSTs a file (and fields) to a route as `locale`'s reader, signed in as `actor`. */
async function post(route: { POST: (req: Request) => Promise<Response> }, bytes: Uint8Array, locale: Locale, fields: Record<string, string> = {}, actor: Actor | null = staff) {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "file.xlsx"));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  session.actor = actor;
  session.locale = locale;
  try {
    const res = await route.POST(new Request("http://localhost/api/import", { method: "POST", body: form }));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    session.actor = null;
    session.locale = "zh-CN";
  }
}

/** An English sentence around quoted headers: no Chinese outside the quotes. */
const englishAround = (message: string) => !HAN.test(message.replace(/"[^"]*"/g, ""));

describe("the import endpoints in the reader's language", () => {
  it("an English reader's preview of a Chinese file gets each row problem in English, the header quoted as written; a Chinese reader as before", async () => {
    const tag = unique("读者");
    const file = await ledgerWorkbook([
      ledgerRow(park.name, `${tag}-1`, { stage: "启动", planStartThisYear: "也许", keyLevel: "特重点" }),
      ledgerRow(park.name, `${tag}-2`, { totalInvestment: null }),
      ledgerRow(park.name, `${tag}-3`, { totalInvestment: { formula: "1+1" } as ExcelJS.CellValue }),
    ]);
    const zh = await post(previewRoute, file, "zh-CN");
    expect(zh.status).toBe(200);
    // The Chinese reader gets what the service writes.
    expect(zh.body.errors).toEqual((await previewImport(staff, file)).errors);

    const en = await post(previewRoute, file, "en");
    expect(en.status).toBe(200);
    const errors = en.body.errors as Issue[];
    expect(errors.map((e) => [e.row, e.column])).toEqual((zh.body.errors as Issue[]).map((e) => [e.row, e.column]));
    expect(errors.filter((e) => !englishAround(e.message))).toEqual([]);
    const choices = (group: "stage" | "keyLevel") => Object.values(EN.common.enum[group]).join("/");
    expect(errors.filter((e) => e.row === 2)).toEqual([
      { row: 2, column: "项目级别", message: `"项目级别" must be one of ${choices("keyLevel")}` },
      { row: 2, column: "当前阶段", message: `"当前阶段" must be one of ${choices("stage")}` },
      { row: 2, column: "本年计划开工", message: `"本年计划开工" must be ${EN.projects.ledgerExport.yes} or ${EN.projects.ledgerExport.no} (blank means ${EN.projects.ledgerExport.no})` },
    ]);
    expect(errors.find((e) => e.row === 3)?.message).toBe("Please fill in the total investment");
    expect(errors.find((e) => e.row === 4)?.message).toBe(`"总投资（万元）" is a formula; copy it and use "Paste special → Values" before importing`);

    // The commit refuses in the reader's language too: the refusal and every problem.
    const refused = await post(commitRoute, file, "en");
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^The sheet has \d+ problems \(in 3 rows\); please correct them and upload it again; nothing was imported$/);
    expect(refused.body.errors).toEqual(errors);
    const refusedZh = await post(commitRoute, file, "zh-CN");
    expect(refusedZh.body.message).toMatch(/^表格中有 \d+ 个问题（涉及 3 行），请修改后重新上传；没有导入任何内容$/);
    expect(await db().project.count({ where: { parkId: park.id, name: { startsWith: tag } } })).toBe(0);

    // A file-level refusal, and nobody signed in.
    const noSheet = await post(previewRoute, await sheetWorkbook("Sheet1", [["x"]]), "en");
    expect(noSheet.status).toBe(422);
    expect(noSheet.body.message).toBe(`There is no sheet named "${LEDGER_SHEET}" (this file's sheets: 「Sheet1」); please use the ledger template, or rename the sheet holding the data to "${LEDGER_SHEET}"`);
    expect(await post(previewRoute, file, "en", {}, null)).toEqual({ status: 401, body: { message: "Please sign in first" } });
    expect(await post(previewRoute, file, "zh-CN", {}, null)).toEqual({ status: 401, body: { message: "请先登录" } });

    // Fixed, the file imports; the summary in the reader's language.
    const fixed = await ledgerWorkbook([ledgerRow(park.name, `${tag}-1`)]);
    expect((await post(commitRoute, fixed, "en")).body).toMatchObject({ created: 1, message: "Imported: 1 new project" });
    expect((await post(commitRoute, fixed, "en")).body).toMatchObject({ created: 0, message: "Nothing to update: 1 row matches the existing projects" });
  });

  it("an English reader's preview shows before → after in English (stage, priority, yes/no, amounts); a Chinese reader's in Chinese", async () => {
    const tag = unique("前后");
    const p = await makeProject({ parkId: park.id, name: `${tag}-签约` });
    const job = await exportProjects(staff, projectFiltersSchema.parse({ park: String(park.id) }), "zh-CN");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await jobBytes(job)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(LEDGER_SHEET)!;
    const head = (ws.getRow(3).values as unknown[]).slice(1) as string[];
    const col = (header: string) => head.indexOf(header) + 1;
    ws.eachRow((row, n) => {
      if (n > 3 && row.getCell(col("项目编号")).value === p.code) {
        row.getCell(col("总投资（万元）")).value = 12000;
        row.getCell(col("项目级别")).value = "省重点";
        row.getCell(col("本年计划开工")).value = "是";
      }
    });
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const shown = (body: Record<string, unknown>) =>
      (body.updates as { code: string; changes: { column: string; before: string | null; after: string | null }[] }[])
        .find((u) => u.code === p.code)!
        .changes.map((c) => `${c.column}: ${c.before} → ${c.after}`);
    const zh = await post(previewRoute, file, "zh-CN");
    expect(shown(zh.body)).toEqual(["项目级别: 一般 → 省重点", "总投资（万元）: 10,000 万元 → 12,000 万元", "本年计划开工: 否 → 是"]);
    const en = await post(previewRoute, file, "en");
    expect(en.body.errors).toEqual([]);
    const k = EN.common.enum.keyLevel;
    expect(shown(en.body)).toEqual([
      `项目级别: ${k.NONE} → ${k.PROVINCIAL}`,
      "总投资（万元）: 10,000 (10k CNY) → 12,000 (10k CNY)",
      `本年计划开工: ${EN.projects.ledgerExport.no} → ${EN.projects.ledgerExport.yes}`,
    ]);
  });

  it("the monthly figures preview and commit in the reader's language: problems, months, amounts, summary", async () => {
    const p = await makeProject({ parkId: park.id, name: unique("月报读者"), stage: "STARTED", signedDate: `${last}-01-10` });
    await db().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate(`${last}-06-15`), stageDate: isoToDate(`${last}-06-15`) } });
    const header = ["项目编号", "项目名称", "年份", "月份", "本月完成投资（万元）", "本月到位资金（万元）", "形象进度", "存在问题"];
    const bad = await sheetWorkbook("月度填报", [header, [p.code, p.name, last, 13, "十万", 1, null, null]]);
    const zh = await post(progressPreviewRoute, bad, "zh-CN");
    expect((zh.body.errors as Issue[]).map((e) => `${e.column}:${e.message}`)).toEqual(["月份:月份须在 1–12 之间", "本月完成投资（万元）:本月完成投资须为数字，最多两位小数", "形象进度:请填写形象进度"]);
    const en = await post(progressPreviewRoute, bad, "en");
    expect((en.body.errors as Issue[]).map((e) => `${e.column}:${e.message}`)).toEqual([
      "月份:The month must be between 1 and 12",
      "本月完成投资（万元）:The investment completed this month must be a number with at most two decimals",
      "形象进度:Please fill in the physical progress",
    ]);

    const good = await sheetWorkbook("月度填报", [header, [p.code, p.name, last, 7, 120, 20, "基础施工", null]]);
    const preview = await post(progressPreviewRoute, good, "en");
    expect(preview.body.months).toMatchObject([{ month: `7/${last}`, kind: "file" }]);
    const changes = (preview.body.months as { changes: { before: string | null; after: string | null }[] }[])[0].changes;
    // Amounts in English; the record's own text (形象进度) as written.
    expect(changes.map((c) => c.after)).toEqual(["120 (10k CNY)", "20 (10k CNY)", "基础施工"]);
    // A header lacking the columns that find the project: one English sentence each, the headers quoted.
    const lacking = await sheetWorkbook("月度填报", [["项目名称", "年份", "月份", "本月完成投资（万元）", "本月到位资金（万元）", "形象进度"], [p.name, last, 7, 1, 1, "x"]]);
    expect((await post(progressPreviewRoute, lacking, "en")).body.message).toBe(
      'The header (row 1) lacks the columns 「项目编号」、「所属园区」、「企业名称」; a project is found by "项目编号", or by "所属园区" and "企业名称"; please use the monthly report template (or a file exported from a project\'s page or the monthly reports)',
    );
    const done = await post(progressCommitRoute, good, "en", { expected: String(preview.body.expected) });
    expect(done.body).toEqual({ filed: 1, corrected: 0, unchanged: 0, message: "Imported: 1 new monthly report" });
  });
});
