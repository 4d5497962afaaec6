// The annual plan sheet (年度计划表): exported for a park and year, filled in, imported back.
// The preview is the import's own writes rolled back; the import is all or nothing, audited,
// and importing the same file again changes nothing. The endpoints answer in the reader's
// language: an English reader's preview and commit get the row problems, the refusal, the
// before → after plans and the summary in English; a Chinese reader the service's Chinese.

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { exportPlans, PLAN_SHEET } from "@/lib/server/excel/plans-export";
import { commitPlanImport, previewPlanImport } from "@/lib/server/excel/plans-import";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";

const session = vi.hoisted(() => ({ actor: null as Actor | null, locale: "zh-CN" as Locale }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
vi.mock("@/lib/i18n/request-locale", () => ({ getRequestLocale: async () => session.locale }));

const previewRoute = await import("@/app/api/plans/import/preview/route");
const commitRoute = await import("@/app/api/plans/import/commit/route");

const Y = Number(todayInShanghai().slice(0, 4));
const year = Y + 1;

async function exported(actor: Actor, query: unknown): Promise<Buffer> {
  const job = await exportPlans(actor, query);
  return jobBytes(job);
}

/** Loads a workbook, lets `edit` change the plan sheet, and saves it again. */
async function edited(bytes: Buffer, edit: (ws: ExcelJS.Worksheet, rowOf: (code: string) => ExcelJS.Row) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(PLAN_SHEET)!;
  const rowOf = (code: string) => {
    let found: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === code) found = row;
    });
    if (!found) throw new Error(`no row for ${code}`);
    return found;
  };
  edit(ws, rowOf);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const plansOf = async (projectId: number) =>
  (await getDb().projectYearPlan.findMany({ where: { projectId }, orderBy: { year: "asc" } })).map((p) => [p.year, p.plannedInvestment.toFixed(2), p.planStart, p.planProduction, p.note]);

let park: { id: number; name: string };
let staff: Actor;
let leader: Actor;
let a: { id: number; code: string }, b: { id: number; code: string }, c: { id: number; code: string };

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
  leader = await makeActor([{ role: "PARK_LEADER", parkId: park.id }]);
  a = await makeProject({ parkId: park.id, signedDate: `${Y - 1}-02-01` });
  b = await makeProject({ parkId: park.id, signedDate: `${Y - 1}-02-01` });
  c = await makeProject({ parkId: park.id, signedDate: `${Y - 1}-02-01` });
  await getDb().projectYearPlan.create({ data: { projectId: a.id, year, plannedInvestment: "100", planStart: true, note: "原备注" } });
  await getDb().projectYearPlan.create({ data: { projectId: c.id, year, plannedInvestment: "50" } });
  await getDb().project.update({ where: { id: c.id }, data: { signedDate: isoToDate(`${Y - 1}-02-01`) } });
});

describe("the plan sheet", () => {
  it("exports the park's projects for the year with their plans, planned first, under a title naming the year", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exported(staff, { park: String(park.id), year: String(year) })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain(`${park.name} ${year} 年度计划表`);
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(["项目编号", "本年计划投资（万元）", "计划本年开工", "计划本年投产", "备注"]));
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 3) codes.push(String(row.getCell(1).value));
    });
    expect(codes.slice(0, 2).sort()).toEqual([a.code, c.code].sort());
    expect(codes).toContain(b.code);
    await expect(exportPlans(staff, { park: String(park.id) })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { year: ["请选择计划年度"] } });
  });

  it("previews exactly what the import writes, then imports all rows in one transaction, audited; the same file again changes nothing", async () => {
    const file = await edited(await exported(staff, { park: park.id, year }), (_ws, rowOf) => {
      const ra = rowOf(a.code);
      ra.getCell(6).value = 1500.5; // 本年计划投资
      ra.getCell(8).value = "是"; // 计划本年投产
      const rb = rowOf(b.code);
      rb.getCell(6).value = "2,000";
      rb.getCell(7).value = "是";
      rb.getCell(9).value = "新列入";
      const rc = rowOf(c.code);
      rc.getCell(6).value = null; // all three blank: out of the plan
      rc.getCell(7).value = null;
      rc.getCell(8).value = null;
    });
    const preview = await previewPlanImport(staff, { park: park.id, year }, file);
    expect(preview).toMatchObject({ year, set: 2, removed: 1, errors: [] });
    // What the route sends as JSON, nothing more.
    expect(Object.keys(JSON.parse(JSON.stringify(preview))).sort()).toEqual(["changes", "errors", "parkId", "parkName", "removed", "rows", "set", "unchanged", "year"]);
    expect(preview.changes.find((x) => x.code === a.code)).toMatchObject({ before: "计划投资 100.00，计划开工", after: "计划投资 1500.50，计划开工，计划投产" });
    expect(await plansOf(a.id)).toEqual([[year, "100.00", true, false, "原备注"]]); // the preview wrote nothing

    const done = await commitPlanImport(staff, { park: park.id, year }, file, "计划表.xlsx");
    expect(done).toMatchObject({ set: 2, removed: 1, message: `已导入 ${park.name} ${year} 年计划：设置或修改 2 项，移出计划 1 项，未变 0 项` });
    // The sheet's 备注 column is the note: the exported one for a, the typed one for b.
    expect(await plansOf(a.id)).toEqual([[year, "1500.50", true, true, "原备注"]]);
    expect(await plansOf(b.id)).toEqual([[year, "2000.00", true, false, "新列入"]]);
    expect(await plansOf(c.id)).toEqual([]);
    const audit = await getDb().auditLog.findMany({ where: { parkId: park.id, action: { in: ["project.yearPlan", "project.yearPlanRemove", "plan.import"] } }, orderBy: { id: "asc" } });
    expect(audit.map((x) => x.action).sort()).toEqual(["plan.import", "project.yearPlan", "project.yearPlan", "project.yearPlanRemove"]);
    expect(audit.find((x) => x.action === "plan.import")).toMatchObject({ entityType: "YearPlan", entityId: `${park.id}-${year}`, after: { year, fileName: "计划表.xlsx", saved: 2, removed: 1 } });

    const again = await commitPlanImport(staff, { park: park.id, year }, file, "计划表.xlsx");
    expect(again).toMatchObject({ set: 0, removed: 0, unchanged: 3, message: `计划表与系统中的 ${year} 年计划一致，没有需要导入的修改` });
    expect(await getDb().auditLog.count({ where: { parkId: park.id, action: "plan.import" } })).toBe(1);
  });

  it("lists every problem by row and column and imports nothing", async () => {
    const file = await edited(await exported(staff, { park: park.id, year }), (ws, rowOf) => {
      rowOf(a.code).getCell(6).value = "一千";
      rowOf(b.code).getCell(7).value = "也许";
      rowOf(b.code).getCell(6).value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
      ws.addRow(["NOPE-001", "不存在的项目", null, null, null, 5]);
      ws.addRow([a.code, "重复", null, null, null, 5]);
    });
    const preview = await previewPlanImport(staff, { park: park.id, year }, file);
    const rowA = preview.errors.find((e) => e.column === "本年计划投资（万元）" && e.message === "本年计划投资须为数字，最多两位小数");
    expect(rowA).toBeDefined();
    expect(preview.errors.map((e) => [e.column, e.message])).toEqual(
      expect.arrayContaining([
        ["本年计划投资（万元）", "本年计划投资（万元）请勿使用公式，请复制后“粘贴为数值”"],
        ["计划本年开工", "计划本年开工请填“是”或“否”（或留空），不能是“也许”"],
        ["项目编号", "项目编号 NOPE-001 不存在或不属于本园区"],
        ["项目编号", expect.stringMatching(new RegExp(`^项目编号 ${a.code} 与第 \\d+ 行重复$`))],
      ]),
    );
    const before = await plansOf(a.id);
    await expect(commitPlanImport(staff, { park: park.id, year }, file, "坏.xlsx")).rejects.toMatchObject({ code: "VALIDATION", issues: expect.arrayContaining([expect.objectContaining({ column: "项目编号" })]) });
    expect(await plansOf(a.id)).toEqual(before);
  });

  it("refuses the wrong year's sheet, a file that is not a workbook, and people without project.write", async () => {
    const sheet = await exported(staff, { park: park.id, year });
    await expect(previewPlanImport(staff, { park: park.id, year: year + 1 }, new Uint8Array(sheet))).rejects.toMatchObject({ code: "VALIDATION", message: `这是 ${year} 年的计划表，当前要导入的是 ${year + 1} 年；请选择正确的年度或文件` });
    await expect(previewPlanImport(staff, { park: park.id, year }, new TextEncoder().encode("not a workbook"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(previewPlanImport(leader, { park: park.id, year }, new Uint8Array(sheet))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewPlanImport(staff, { park: "x", year }, new Uint8Array(sheet))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { park: ["园区须为数字"] } });
  });

  it("answers an English reader in English: row problems, the refusal, before → after plans and the summary; a Chinese reader as the service writes", async () => {
    /** POSTs the file to a plan import route as `locale`'s reader, signed in as `actor`. */
    const post = async (route: { POST: (req: Request) => Promise<Response> }, bytes: Uint8Array, locale: Locale, actor: Actor | null = staff) => {
      const form = new FormData();
      form.set("file", new File([new Uint8Array(bytes)], "plan.xlsx"));
      session.actor = actor;
      session.locale = locale;
      try {
        const res = await route.POST(new Request(`http://localhost/api/plans/import?park=${park.id}&year=${year}`, { method: "POST", body: form }));
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      } finally {
        session.actor = null;
        session.locale = "zh-CN";
      }
    };
    type Issue = { row: number; column: string; message: string };
    // No Chinese outside the quotes (a cell's own text, quoted as written).
    const englishAround = (message: string) => !/\p{Script=Han}/u.test(message.replace(/"[^"]*"/g, ""));

    const sheet = await exported(staff, { park: park.id, year });
    const bad = await edited(sheet, (ws, rowOf) => {
      rowOf(a.code).getCell(6).value = "一千";
      rowOf(b.code).getCell(7).value = "也许";
      rowOf(b.code).getCell(6).value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
      ws.addRow(["NOPE-001", "不存在的项目", null, null, null, 5]);
      ws.addRow([a.code, "重复", null, null, null, 5]);
    });
    const zh = await post(previewRoute, bad, "zh-CN");
    expect(zh.status).toBe(200);
    expect(zh.body.errors).toEqual((await previewPlanImport(staff, { park: park.id, year }, bad)).errors);
    const en = await post(previewRoute, bad, "en");
    expect(en.status).toBe(200);
    const errors = en.body.errors as Issue[];
    // The same problems, by the same rows and columns (the file's own headers), in English.
    expect(errors.map((e) => [e.row, e.column])).toEqual((zh.body.errors as Issue[]).map((e) => [e.row, e.column]));
    expect(errors.filter((e) => !englishAround(e.message))).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        "The planned investment this year must be a number with at most two decimals",
        'Planned investment this year (10k CNY): please do not use formulas; copy and "Paste values" instead',
        'Planned start this year: please write yes or no (or leave it empty), not "也许"',
        "The project code NOPE-001 does not exist or does not belong to this park",
        expect.stringMatching(new RegExp(`^The project code ${a.code} repeats row \\d+$`)),
      ]),
    );
    // The commit refuses in English too: the refusal and every problem; nothing is written.
    const before = await plansOf(a.id);
    const refused = await post(commitRoute, bad, "en");
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(`The plan sheet has ${errors.length} problems, nothing was imported; please correct them in Excel and upload the file again`);
    expect(refused.body.errors).toEqual(errors);
    expect((await post(commitRoute, bad, "zh-CN")).body.message).toBe(`计划表中有 ${errors.length} 个问题，未导入任何内容；请在 Excel 中修改后重新上传`);
    expect(await plansOf(a.id)).toEqual(before);

    // Nobody signed in.
    expect(await post(previewRoute, bad, "en", null)).toEqual({ status: 401, body: { message: "Please sign in first" } });
    expect(await post(previewRoute, bad, "zh-CN", null)).toEqual({ status: 401, body: { message: "请先登录" } });

    // A change to each project: a's plan smaller, b out of the plan, c into it.
    await getDb().projectYearPlan.deleteMany({ where: { projectId: { in: [a.id, b.id, c.id] }, year } });
    await getDb().projectYearPlan.create({ data: { projectId: a.id, year, plannedInvestment: "1500.5", planStart: true, planProduction: true } });
    await getDb().projectYearPlan.create({ data: { projectId: b.id, year, plannedInvestment: "2000", planStart: true } });
    const good = await edited(await exported(staff, { park: park.id, year }), (_ws, rowOf) => {
      rowOf(a.code).getCell(6).value = 800;
      rowOf(a.code).getCell(8).value = null;
      for (const col of [6, 7, 8]) rowOf(b.code).getCell(col).value = null;
      rowOf(c.code).getCell(6).value = 30;
    });
    const zhGood = await post(previewRoute, good, "zh-CN");
    expect(zhGood.body.changes).toEqual((await previewPlanImport(staff, { park: park.id, year }, good)).changes);
    const enGood = await post(previewRoute, good, "en");
    expect(enGood.body).toMatchObject({ set: 2, removed: 1, errors: [] });
    const changes = enGood.body.changes as { code: string; name: string; before: string; after: string }[];
    expect(changes.find((x) => x.code === a.code)).toMatchObject({ before: "Planned investment 1500.50, planned start, planned production", after: "Planned investment 800.00, planned start" });
    expect(changes.find((x) => x.code === b.code)).toMatchObject({ before: "Planned investment 2000.00, planned start", after: "Not in the plan" });
    expect(changes.find((x) => x.code === c.code)).toMatchObject({ before: "Not in the plan", after: "Planned investment 30.00" });
    // The project's name is the record's own text, as written.
    expect(changes.map((x) => x.name)).toEqual((zhGood.body.changes as { name: string }[]).map((x) => x.name));

    const done = await post(commitRoute, good, "en");
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ set: 2, removed: 1, unchanged: 0, message: `Imported the ${year} plan of ${park.name}: 2 set or changed, 1 removed from the plan, 0 unchanged` });
    expect(await plansOf(a.id)).toEqual([[year, "800.00", true, false, null]]);
    expect((await post(commitRoute, good, "en")).body).toMatchObject({ set: 0, message: `The plan sheet matches the ${year} plan in the system; there is nothing to import` });
    expect((await post(commitRoute, good, "zh-CN")).body).toMatchObject({ set: 0, message: `计划表与系统中的 ${year} 年计划一致，没有需要导入的修改` });
  });
});
