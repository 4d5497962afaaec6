import { describe, expect, it, beforeAll } from "vitest";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { isAppError } from "@/lib/server/errors";
import { previewImport } from "@/lib/server/excel/preview-import";
import { commitImport, ImportRejectedError } from "@/lib/server/excel/commit-import";
import { exportProjects } from "@/lib/server/excel/export-projects";
import { buildTemplate } from "@/lib/server/excel/build-template";
import { readUpload } from "@/lib/server/excel/read-upload";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeRegion, makeProject, unique } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { ledgerRow, ledgerWorkbook } from "../helpers/ledger-workbook";

let parkA: { id: number; name: string };
let parkB: { id: number; name: string };
let staffA: Actor;

beforeAll(async () => {
  const region = await makeRegion();
  parkA = await makePark(region.id);
  parkB = await makePark(region.id);
  staffA = await makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]);
});

const projectCount = (parkId: number) => getDb().project.count({ where: { parkId } });

async function errorOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isAppError(e)) return e.message;
    throw e;
  }
  throw new Error("expected an AppError");
}

async function exportToBuffer(actor: Actor, raw: Record<string, string>): Promise<Buffer> {
  const job = await exportProjects(actor, projectFiltersSchema.parse(raw));
  return jobBytes(job);
}

describe("ledger import", () => {
  it("creates every row in one go, with stage events and audit rows, and a second import changes nothing", async () => {
    const tag = unique("导入");
    const file = await ledgerWorkbook([
      ledgerRow(parkA.name, `${tag}-签约`),
      ledgerRow(parkA.name, `${tag}-开工`, {
        stage: "开工",
        registeredDate: "2025-04-01",
        landedDate: new Date(Date.UTC(2025, 3, 1)),
        actualStartDate: "2025/6/15",
      }),
    ]);
    const preview = await previewImport(staffA, file);
    expect(preview).toMatchObject({ rows: 2, toCreate: 2, unchanged: 0, errors: [] });

    const result = await commitImport(staffA, file, "t.xlsx");
    expect(result).toMatchObject({ created: 2, unchanged: 0 });
    const started = await getDb().project.findFirstOrThrow({
      where: { parkId: parkA.id, name: `${tag}-开工` },
      include: { stageEvents: { orderBy: { id: "asc" } }, enterprise: true },
    });
    expect(started.stage).toBe("STARTED");
    expect(started.actualStartDate?.toISOString().slice(0, 10)).toBe("2025-06-15");
    expect(started.stageDate.toISOString().slice(0, 10)).toBe("2025-06-15");
    expect(started.totalInvestment.toString()).toBe("12000.5");
    expect(started.stageEvents.map((e) => [e.type, e.toStage])).toEqual([
      ["SIGN", "SIGNED"],
      ["ADVANCE", "LANDED"],
      ["ADVANCE", "STARTED"],
    ]);
    expect(started.stageEvents[0].evidence).toBeNull();
    expect(started.stageEvents[1].evidence).toEqual({ registrationDate: "2025-04-01", landArea: "85.25" });
    expect(started.stageEvents[2].businessDate.toISOString().slice(0, 10)).toBe("2025-06-15");
    expect(started.version).toBe(1);
    expect(started.enterprise.name).toBe(`${tag}-开工有限公司`);
    const audits = await getDb().auditLog.count({ where: { entityType: "Project", entityId: String(started.id), action: "project.create" } });
    expect(audits).toBe(1);
    expect(await getDb().auditLog.count({ where: { action: "project.import", actorId: staffA.userId } })).toBeGreaterThan(0);

    const before = await projectCount(parkA.id);
    const again = await previewImport(staffA, file);
    expect(again).toMatchObject({ toCreate: 0, unchanged: 2, errors: [] });
    const second = await commitImport(staffA, file);
    expect(second).toEqual({ created: 0, updated: 0, unchanged: 2, message: "没有需要更新的内容：2 行与现有项目一致" });
    expect(await projectCount(parkA.id)).toBe(before);
  });

  it("reports each error class on its row and column", async () => {
    const tag = unique("错误");
    const existing = await makeProject({ parkId: parkA.id, name: `${tag}-已有`, enterpriseName: `${tag}-已有企业`, totalInvestment: "500.00" });
    const file = await ledgerWorkbook([
      ledgerRow(parkA.name, `${tag}-好`), // row 2: fine
      ledgerRow(parkA.name, "", { name: null }), // row 3: missing name
      ledgerRow(parkA.name, `${tag}-日期`, { plannedStartDate: new Date(Date.UTC(2025, 0, 1)) }), // row 4: date order
      ledgerRow("不存在的园区", `${tag}-园区`), // row 5: unknown park
      ledgerRow(parkA.name, `${tag}-行业`, { industry: "外星科技" }), // row 6: unknown industry
      ledgerRow(parkA.name, `${tag}-金额`, { totalInvestment: 123456789012, contractInvestment: -1 }), // row 7: out of range
      ledgerRow(parkA.name, `${tag}-好`), // row 8: duplicate of row 2
      ledgerRow(parkA.name, `${tag}-已有`, { enterpriseName: `${tag}-已有企业`, contractInvestment: 600 }), // row 9: an existing project, changed against the rules
      ledgerRow(parkA.name, `${tag}-阶段`, { stage: "投产" }), // row 10: stage dates missing
      ledgerRow(parkA.name, `${tag}-落地`, { stage: "落地", landedDate: "2025-04-01" }), // row 11: 落地 without its 注册日期
    ]);
    const preview = await previewImport(staffA, file);
    const at = (row: number) => preview.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toContain("项目名称:请填写项目名称");
    expect(at(4)).toContain("计划开工日期:计划开工日期不能早于签约日期");
    expect(at(5)).toContain("所属园区:所属园区「不存在的园区」不存在或您无权维护该园区的台账");
    expect(at(6).join()).toContain("产业链/行业:产业链/行业「外星科技」不在常用产业链中");
    expect(at(7)).toContain("总投资（万元）:总投资不能超过 99,999,999.99 万元");
    expect(at(7)).toContain("合同引资额（万元）:合同引资额不能为负数");
    expect(at(8)).toEqual(["项目名称:与第 2 行重复（同一园区、项目名称和企业名称）"]);
    // An existing project's row is an update, checked like the edit form: 合同引资额 above the stored 总投资 of 500.
    expect(at(9)).toEqual([]);
    expect(preview.updates.map((u) => u.code)).toEqual([existing.code]);
    const row9 = await previewImport(staffA, await ledgerWorkbook([ledgerRow(parkA.name, `${tag}-已有`, { enterpriseName: `${tag}-已有企业`, totalInvestment: null, contractInvestment: 600 })]));
    expect(row9.errors.map((e) => `${e.column}:${e.message}`)).toEqual(["总投资（万元）:请填写总投资"]);
    expect(at(10)).toEqual(expect.arrayContaining(["落地日期:当前阶段为「投产」，请填写落地日期", "实际投产日期:当前阶段为「投产」，请填写投产日期", "注册日期:当前阶段为「投产」，请填写注册日期"]));
    expect(at(11)).toEqual(["注册日期:当前阶段为「落地」，请填写注册日期"]);
    expect(preview.toCreate).toBe(1); // row 2; its duplicate in row 8 is the error

    const before = await projectCount(parkA.id);
    const err = await commitImport(staffA, file).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect((err as ImportRejectedError).issues.length).toBe(preview.errors.length);
    expect(await projectCount(parkA.id)).toBe(before);
  });

  it("writes nothing when one row of many fails", async () => {
    const tag = unique("全或无");
    const rows = Array.from({ length: 30 }, (_, i) => ledgerRow(parkA.name, `${tag}-${i}`));
    rows[29] = ledgerRow(parkA.name, `${tag}-bad`, { signedDate: "2099-01-01" });
    const before = await projectCount(parkA.id);
    const enterprises = await getDb().enterprise.count({ where: { parkId: parkA.id } });
    const err = await commitImport(staffA, await ledgerWorkbook(rows)).catch((e) => e);
    expect(err).toBeInstanceOf(ImportRejectedError);
    expect((err as ImportRejectedError).issues).toEqual([
      { row: 31, column: "签约日期", message: "签约日期不能晚于今天" },
      { row: 31, column: "计划开工日期", message: "计划开工日期不能早于签约日期" },
    ]);
    expect(await projectCount(parkA.id)).toBe(before);
    expect(await getDb().enterprise.count({ where: { parkId: parkA.id } })).toBe(enterprises);
  });

  it("never writes to a park the importer does not maintain", async () => {
    const tag = unique("越权");
    const file = await ledgerWorkbook([ledgerRow(parkB.name, `${tag}-B`)]);
    const preview = await previewImport(staffA, file);
    expect(preview.errors).toEqual([{ row: 2, column: "所属园区", message: `所属园区「${parkB.name}」不存在或您无权维护该园区的台账` }]);
    await expect(commitImport(staffA, file)).rejects.toBeInstanceOf(ImportRejectedError);
    expect(await projectCount(parkB.id)).toBe(0);
    const leader = await makeActor([{ role: "REGION_LEADER", regionId: (await getDb().park.findUniqueOrThrow({ where: { id: parkA.id } })).regionId }]);
    expect(await errorOf(previewImport(leader, file))).toBe("您没有权限执行台账导入");
  });

  it("answers malformed files with a message", async () => {
    expect(await errorOf(previewImport(staffA, new Uint8Array(Buffer.from("这不是表格，只是一段文字"))))).toContain("文件不是 Excel 工作簿（.xlsx）");
    const random = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    random.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await errorOf(previewImport(staffA, random))).toContain("文件不是 Excel 工作簿（.xlsx）");

    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const docx = await zip.generateAsync({ type: "uint8array" });
    expect(await errorOf(previewImport(staffA, docx))).toContain("其中没有工作表");

    const wrongSheet = await ledgerWorkbook([ledgerRow(parkA.name, unique("x"))], { sheetName: "Sheet1" });
    expect(await errorOf(previewImport(staffA, wrongSheet))).toBe(
      "找不到名为「项目台账」的工作表（本文件的工作表：「Sheet1」）；请使用台账模板，或把数据所在的工作表改名为「项目台账」",
    );

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("项目台账").addRow(["项目名称", "所属园区"]);
    const missingColumns = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await errorOf(previewImport(staffA, missingColumns))).toBe(
      "表头（第 1 行）缺少「企业名称」列：找项目要用「项目编号」，或「所属园区 + 项目名称 + 企业名称」；请使用台账模板",
    );
    // Enough to find projects, not to create them: a new project's row names the missing columns.
    const narrow = new ExcelJS.Workbook();
    const ws = narrow.addWorksheet("项目台账");
    // 投资主体: the template's header before it took the project form's 企业名称; old files still import.
    ws.addRow(["所属园区", "项目名称", "投资主体", "形象进度"]);
    ws.addRow([parkA.name, unique("窄表"), "某公司", "在建"]);
    const narrowPreview = await previewImport(staffA, Buffer.from(await narrow.xlsx.writeBuffer()));
    expect(narrowPreview.errors.map((e) => `${e.column}:${e.message}`)).toEqual([
      "产业链/行业:表中没有「产业链/行业」列，新项目须填写产业链/行业",
      "总投资（万元）:表中没有「总投资（万元）」列，新项目须填写总投资（万元）",
      "合同引资额（万元）:表中没有「合同引资额（万元）」列，新项目须填写合同引资额（万元）",
      "签约日期:表中没有「签约日期」列，新项目须填写签约日期",
    ]);
    const yi = new ExcelJS.Workbook();
    yi.addWorksheet("项目台账").addRow(["所属园区", "项目名称", "投资主体", "总投资（亿元）"]);
    expect(await errorOf(previewImport(staffA, Buffer.from(await yi.xlsx.writeBuffer())))).toBe(
      "D 列「总投资（亿元）」的单位是亿元，导入按万元计算；请换算为万元并把表头改为「总投资（万元）」后再导入",
    );
  });

  it("skips 50,000 blank rows, refuses formulas and overlong cells on their row", async () => {
    const tag = unique("怪文件");
    const blanks = await ledgerWorkbook([ledgerRow(parkA.name, `${tag}-1`)], {
      extra: (ws) => {
        for (let r = 3; r <= 50_002; r++) ws.getCell(r, 2).value = " ";
      },
    });
    const started = Date.now();
    const preview = await previewImport(staffA, blanks);
    expect(preview).toMatchObject({ rows: 1, toCreate: 1, errors: [] });
    expect(Date.now() - started).toBeLessThan(30_000); // a guard against minutes, not a benchmark

    const odd = await ledgerWorkbook([
      ledgerRow(parkA.name, `${tag}-公式`, { totalInvestment: { formula: "1000*2", result: 2000 } as ExcelJS.CellFormulaValue }),
      ledgerRow(parkA.name, `${tag}-长`, { content: "长".repeat(40_000) }),
    ]);
    const p2 = await previewImport(staffA, odd);
    expect(p2.errors).toEqual([
      { row: 2, column: "总投资（万元）", message: "「总投资（万元）」是公式，请复制后“选择性粘贴为数值”再导入" },
      { row: 3, column: "建设内容及规模", message: "「建设内容及规模」内容过长（40000 个字符，单元格最多 5000 个字符）" },
    ]);
  });

  it("round-trips: the template imports, and an exported list imported again changes nothing", async () => {
    const template = await buildTemplate(staffA);
    expect(await errorOf(previewImport(staffA, template))).toBe("「项目台账」工作表在表头以下没有数据行");

    const region = await makeRegion();
    const park = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    const tag = unique("往返");
    await commitImport(
      staff,
      await ledgerWorkbook([
        ledgerRow(park.name, `${tag}-1`, { content: "年产 10 万吨", creditCode: "91431200MA4L000001", contactPhone: "0745-1234567" }),
        ledgerRow(park.name, `${tag}-2`, { stage: "投产", registeredDate: "2025-03-02", landedDate: "2025-03-02", actualStartDate: "2025-04-01", actualProductionDate: "2025-10-01" }),
      ]),
    );
    await makeProject({ parkId: park.id, name: `${tag}-旧`, stage: "LANDED" }); // an old record without a 落地日期 column value
    const exported = await exportToBuffer(staff, { park: String(park.id) });
    const preview = await previewImport(staff, exported);
    expect(preview).toMatchObject({ rows: 3, toCreate: 0, toUpdate: 0, unchanged: 3, errors: [] });
    expect(preview.ignoredColumns).toEqual(expect.arrayContaining(["状态", "累计完成投资（万元）", "亮灯", "亮灯原因"]));
    expect(preview.ignoredColumns).not.toContain("项目编号");
    expect(await commitImport(staff, exported)).toMatchObject({ created: 0, updated: 0, message: "没有需要更新的内容：3 行与现有项目一致" });
  });

  it("answers uploads that are not a file with a message", async () => {
    const json = new Request("http://x/api/import/preview", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await errorOf(readUpload(json))).toBe("请选择要上传的 Excel 文件");
    const empty = new FormData();
    empty.append("file", "text, not a file");
    expect(await errorOf(readUpload(new Request("http://x", { method: "POST", body: empty })))).toBe("请选择要上传的 Excel 文件");
    const huge = new Request("http://x", { method: "POST", body: "x", headers: { "content-length": String(50 * 1024 * 1024) } });
    expect(await errorOf(readUpload(huge))).toBe("文件过大（50.0 MB），最大 10 MB；请拆分后分批导入");
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await ledgerWorkbook([ledgerRow(parkA.name, unique("上传"))]))], "台账.xlsx"));
    const upload = await readUpload(new Request("http://x", { method: "POST", body: form }));
    expect(upload.fileName).toBe("台账.xlsx");
    expect((await previewImport(staffA, upload.bytes)).toCreate).toBe(1);
  });
});
