// The annual plan sheet in English (?lang=en, or the reader's language): sheet, title,
// headers, stage/status and Yes/No in English, the same cells; the import reads it back like
// the Chinese one (exported, re-imported: nothing changes; edited: the change goes in), and
// names an English file's columns as the file does.

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { exportPlans, PLAN_SHEET, PLAN_SHEET_COLUMNS } from "@/lib/server/excel/plans-export";
import { commitPlanImport, previewPlanImport } from "@/lib/server/excel/plans-import";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "zh-CN" as Locale }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
vi.mock("@/lib/i18n/request-locale", () => ({ getRequestLocale: async () => session.locale }));

const exportRoute = await import("@/app/api/plans/export/route");

const EN = MESSAGES.en.plans.sheet;
const Y = Number(todayInShanghai().slice(0, 4));
const year = Y + 1;

async function sheetOf(bytes: Buffer | Uint8Array, name: string): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return { wb, ws };
}

const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === code) found = row;
  });
  if (!found) throw new Error(`no row for ${code}`);
  return found;
};

let park: { id: number; name: string };
let staff: Actor;
let a: { id: number; code: string }, b: { id: number; code: string };

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
  a = await makeProject({ parkId: park.id, signedDate: `${Y - 1}-02-01` });
  b = await makeProject({ parkId: park.id, signedDate: `${Y - 1}-02-01` });
  await getDb().projectYearPlan.create({ data: { projectId: a.id, year, plannedInvestment: "100", planStart: true, note: "原备注" } });
});

describe("the annual plan sheet in English", () => {
  it("writes the sheet, title, headers, stage, status and Yes/No in English, the same cells as the Chinese", async () => {
    const zh = await sheetOf(await jobBytes(await exportPlans(staff, { park: park.id, year })), PLAN_SHEET);
    const job = await exportPlans(staff, { park: park.id, year }, "en");
    expect(job.fileName).toBe(`${park.name}-${year}-annual-plan.xlsx`);
    const { ws } = await sheetOf(await jobBytes(job), EN.sheet);
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`${park.name} ${year} annual plan`);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^Exported .+ by /);
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(Object.values(EN.columns));
    expect((zh.ws.getRow(3).values as unknown[]).slice(1)).toEqual(Object.values(PLAN_SHEET_COLUMNS));
    const ra = rowOf(ws, a.code);
    expect([ra.getCell(4).value, ra.getCell(5).value, ra.getCell(6).value, ra.getCell(7).value, ra.getCell(8).value]).toEqual(["Signed", "Active", 100, "Yes", "No"]);
    const za = rowOf(zh.ws, a.code);
    expect([za.getCell(4).value, za.getCell(6).value, za.getCell(7).value, za.getCell(8).value]).toEqual(["签约", 100, "是", "否"]);
    for (const row of [ws, zh.ws].map((s) => rowOf(s, a.code))) for (let c = 1; c <= 10; c++) if (![4, 5, 7, 8].includes(c)) expect(row.getCell(c).value).toEqual(za.getCell(c).value);
  });

  it("the route follows ?lang= or the reader's language, and refuses another lang by name", async () => {
    session.actor = staff;
    session.locale = "en";
    const ask = (qs: string) => exportRoute.GET(new Request(`http://localhost/api/plans/export?park=${park.id}&year=${year}${qs}`));
    const byReader = await ask("");
    expect(byReader.status).toBe(200);
    await sheetOf(Buffer.from(await byReader.arrayBuffer()), EN.sheet);
    const zh = await ask("&lang=zh-CN");
    await sheetOf(Buffer.from(await zh.arrayBuffer()), PLAN_SHEET);
    session.locale = "zh-CN";
    const bad = await ask("&lang=fr");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("lang");
    session.actor = null;
    expect((await ask("")).status).toBe(401);
  });

  it("imports the English sheet back: unchanged it changes nothing; edited, the change goes in", async () => {
    const file = await jobBytes(await exportPlans(staff, { park: park.id, year }, "en"));
    const same = await previewPlanImport(staff, { park: park.id, year }, new Uint8Array(file));
    expect(same).toMatchObject({ set: 0, removed: 0, errors: [] });

    const { wb, ws } = await sheetOf(file, EN.sheet);
    rowOf(ws, a.code).getCell(8).value = "yes"; // planned to produce, in any case
    const rb = rowOf(ws, b.code);
    rb.getCell(6).value = 300;
    rb.getCell(7).value = "No";
    const editedFile = new Uint8Array(await wb.xlsx.writeBuffer());
    const done = await commitPlanImport(staff, { park: park.id, year }, editedFile, "plan.xlsx");
    expect(done).toMatchObject({ set: 2, removed: 0, errors: [] });
    const plans = await getDb().projectYearPlan.findMany({ where: { projectId: { in: [a.id, b.id] }, year }, orderBy: { projectId: "asc" } });
    expect(plans.map((p) => [p.projectId, p.plannedInvestment.toFixed(2), p.planStart, p.planProduction])).toEqual([
      [a.id, "100.00", true, true],
      [b.id, "300.00", false, false],
    ]);
  });

  it("names an English file's columns as the file does, and checks the year in its title", async () => {
    const file = await jobBytes(await exportPlans(staff, { park: park.id, year }, "en"));
    const { wb, ws } = await sheetOf(file, EN.sheet);
    rowOf(ws, a.code).getCell(7).value = "maybe";
    const bad = await previewPlanImport(staff, { park: park.id, year }, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(bad.errors.map((e) => e.column)).toEqual([EN.columns.planStart]);

    await expect(previewPlanImport(staff, { park: park.id, year: year + 1 }, new Uint8Array(file))).rejects.toMatchObject({ message: `这是 ${year} 年的计划表，当前要导入的是 ${year + 1} 年；请选择正确的年度或文件` });

    ws.spliceColumns(7, 1);
    await expect(previewPlanImport(staff, { park: park.id, year }, new Uint8Array(await wb.xlsx.writeBuffer()))).rejects.toMatchObject({ message: `表头缺少列：「${EN.columns.planStart}」；请使用导出的年度计划表` });
  });
});
