// The ledger import updating existing projects: matched by 项目编号 or by park + name +
// enterprise, a two-row header under a title, opening balances, this year's plan, 包保 by
// name or username, the preview's before → after, all or nothing, re-import changes nothing,
// the stage rules of every other path, and the versions the preview saw.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import { isAppError } from "@/lib/server/errors";
import { ImportRejectedError, commitImport } from "@/lib/server/excel/commit-import";
import { previewImport } from "@/lib/server/excel/preview-import";
import { getProject } from "@/lib/server/projects/get-project";
import { updateProject } from "@/lib/server/projects/update-project";
import { storedProjectValues } from "@/lib/domain/project-values";
import { makeActor, makePark, makeProject, makeRegion, makeUser, unique } from "../helpers/factories";
import { ledgerRow, ledgerWorkbook, sheetWorkbook } from "../helpers/ledger-workbook";

const db = () => getDb();
const today = todayInShanghai();
const year = Number(today.slice(0, 4));

let park: { id: number; name: string };
let staff: Actor;
let li: { id: number; name: string; username: string };
let zhang1: { id: number; username: string };
let zhang2: { id: number; username: string };
let wang: { id: number; name: string };
let leader: { id: number; name: string; username: string };

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
  li = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: "李四" });
  zhang1 = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: "张三" });
  zhang2 = await makeUser([{ role: "PARK_STAFF", parkId: park.id }], { name: "张三" });
  wang = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: "王五" });
  leader = await makeUser([{ role: "PARK_LEADER", parkId: park.id }], { name: unique("领导") });
});

const auditCount = () => db().auditLog.count({ where: { parkId: park.id } });

async function threeProjects(tag: string) {
  const a = await makeProject({ parkId: park.id, name: `${tag}-甲`, enterpriseName: `${tag}-甲公司`, totalInvestment: "10000.00", contractInvestment: "8000.00" });
  const b = await makeProject({ parkId: park.id, name: `${tag}-乙`, enterpriseName: `${tag}-乙公司`, totalInvestment: "10000.00", contractInvestment: "8000.00", stage: "STARTED" });
  const c = await makeProject({ parkId: park.id, name: `${tag}-丙`, enterpriseName: `${tag}-丙公司`, totalInvestment: "10000.00", contractInvestment: "8000.00", liaisonId: wang.id });
  return { a, b, c };
}

/** A ledger as parks keep it: a title over a two-row header whose group headings are merged across columns. */
async function twoRowLedger(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  return sheetWorkbook(
    "项目台账",
    [
      [`${park.name} ${year} 年招商项目推进台账`],
      ["项目编号", "所属园区", "项目名称", "投资主体", "投资情况（万元）", null, null, null, "本年", null, null, "包保", null, "形象进度"],
      [null, null, null, null, "总投资", "合同引资额", "期初累计完成投资", "期初累计到位资金", "计划投资（万元）", "计划开工", "计划投产", "责任人", "领导", null],
      ...rows,
    ],
    ["A1:N1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:H2", "I2:K2", "L2:M2", "N2:N3"],
  );
}

async function rejected(work: Promise<unknown>): Promise<ImportRejectedError> {
  const e = await work.catch((err: unknown) => err);
  expect(e).toBeInstanceOf(ImportRejectedError);
  return e as ImportRejectedError;
}

describe("importing a ledger over existing projects", () => {
  it("updates three projects from a two-row header: figures, opening balances, plan and 包保 by name; the preview shows before → after; a re-import changes nothing", async () => {
    const tag = unique("更新");
    const { a, b, c } = await threeProjects(tag);
    const file = await twoRowLedger([
      [a.code, park.name, a.name, `${tag}-甲公司`, 12000, 9000, 3000, 1500, 5000, "是", null, "李四", leader.username, "主体结构封顶"],
      [b.code, park.name, b.name, `${tag}-乙公司`, 10000, 8000, null, null, null, null, null, `张三（${zhang1.username}）`, null, "设备安装"],
      [c.code, park.name, c.name, `${tag}-丙公司`, 10000, 8000, 0, 0, null, "否", "否", "李四", null, null],
    ]);

    const preview = await previewImport(staff, file);
    expect(preview).toMatchObject({ rows: 3, toCreate: 0, toUpdate: 3, unchanged: 0, errors: [], headerRows: [2, 3] });
    const changesOf = (code: string) => preview.updates.find((u) => u.code === code)!.changes.map((ch) => `${ch.column}：${ch.before ?? "（空）"} → ${ch.after ?? "（空）"}`);
    expect(changesOf(a.code)).toEqual([
      "总投资（万元）：10,000 万元 → 12,000 万元",
      "合同引资额（万元）：8,000 万元 → 9,000 万元",
      "形象进度：（空） → 主体结构封顶",
      "本年计划投资（万元）：（空） → 5,000 万元",
      "本年计划开工：否 → 是",
      "期初累计完成投资（万元）：0 万元 → 3,000 万元",
      "期初累计到位资金（万元）：0 万元 → 1,500 万元",
      "包保责任人：（空） → 李四",
      `包保领导：（空） → ${leader.name}`,
    ]);
    expect(changesOf(b.code)).toEqual(["形象进度：（空） → 设备安装", "包保责任人：（空） → 张三"]);
    expect(changesOf(c.code)).toEqual(["包保责任人：王五 → 李四"]);
    // The preview wrote nothing.
    expect((await db().project.findUniqueOrThrow({ where: { id: a.id } })).totalInvestment.toString()).toBe("10000");

    const audits = await auditCount();
    const result = await commitImport(staff, file, "台账.xlsx", preview.expected);
    expect(result).toEqual({ created: 0, updated: 3, unchanged: 0, message: "已导入：更新 3 个项目" });

    const pa = await db().project.findUniqueOrThrow({ where: { id: a.id }, include: { yearPlans: true } });
    expect(pa.totalInvestment.toString()).toBe("12000");
    expect(pa.contractInvestment.toString()).toBe("9000");
    expect(pa.investmentCompletedBefore.toString()).toBe("3000");
    expect(pa.fundsArrivedBefore.toString()).toBe("1500");
    expect(pa.imageProgress).toBe("主体结构封顶");
    expect(pa.yearPlans.map((p) => [p.year, p.plannedInvestment.toString(), p.planStart, p.planProduction])).toEqual([[year, "5000", true, false]]);
    const active = async (projectId: number, role: "LIAISON" | "LEADER") =>
      (await db().assignment.findMany({ where: { projectId, role, endDate: null }, select: { userId: true, startDate: true } })).map((x) => [x.userId, x.startDate.toISOString().slice(0, 10)]);
    expect(await active(a.id, "LIAISON")).toEqual([[li.id, today]]);
    expect(await active(a.id, "LEADER")).toEqual([[leader.id, today]]);
    expect(await active(b.id, "LIAISON")).toEqual([[zhang1.id, today]]);
    // The old liaison's assignment ended the day the new one started, as the assignment service does it.
    expect(await active(c.id, "LIAISON")).toEqual([[li.id, today]]);
    const ended = await db().assignment.findFirstOrThrow({ where: { projectId: c.id, userId: wang.id } });
    expect(ended.endDate?.toISOString().slice(0, 10)).toBe(today);

    // Audited per project, with the actions of the project page.
    const rows = await db().auditLog.findMany({ where: { parkId: park.id, id: { gt: BigInt(0) } }, orderBy: { id: "desc" }, take: (await auditCount()) - audits });
    const actions = (id: number) => rows.filter((r) => r.entityType === "Project" && r.entityId === String(id)).map((r) => r.action).sort();
    expect(actions(a.id)).toEqual(["assignment.assign", "assignment.assign", "project.update", "project.yearPlan"]);
    expect(actions(b.id)).toEqual(["assignment.assign", "project.update"]);
    expect(actions(c.id)).toEqual(["assignment.reassign"]);
    const update = rows.find((r) => r.action === "project.update" && r.entityId === String(a.id))!;
    expect(update.before).toMatchObject({ totalInvestment: "10000.00", investmentCompletedBefore: "0.00", imageProgress: null });
    expect(update.after).toMatchObject({ totalInvestment: "12000.00", investmentCompletedBefore: "3000.00", imageProgress: "主体结构封顶" });
    expect(rows.find((r) => r.action === "project.yearPlan")!.after).toMatchObject({ year, plannedInvestment: "5000.00", via: "ledgerImport" });
    expect(rows.filter((r) => r.action === "project.import")).toHaveLength(1);

    // The same file again: nothing to do, and it says so.
    const again = await previewImport(staff, file);
    expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, errors: [] });
    const before = await auditCount();
    expect(await commitImport(staff, file)).toEqual({ created: 0, updated: 0, unchanged: 3, message: "没有需要更新的内容：3 行与现有项目一致" });
    expect(await auditCount()).toBe(before);
  });

  it("an ambiguous or unknown name is an error on its row and column, and one bad row writes nothing", async () => {
    const tag = unique("同名");
    const { a, b, c } = await threeProjects(tag);
    const header = ["项目编号", "项目名称", "总投资（万元）", "形象进度", "包保责任人", "包保领导"];
    const file = await sheetWorkbook("项目台账", [
      header,
      [a.code, a.name, 13000, null, "张三", null],
      [b.code, b.name, 10000, "试生产", null, null],
      [c.code, c.name, 10000, null, "王五", "不存在的领导"],
    ]);
    const preview = await previewImport(staff, file);
    expect(preview.errors).toEqual([
      { row: 2, column: "包保责任人", message: `本园区有 2 位名为「张三」的人员（用户名 ${[zhang1.username, zhang2.username].join("、")}），请填写用户名或「姓名（用户名）」以区分` },
      { row: 4, column: "包保领导", message: "本园区没有可担任包保领导的在岗人员「不存在的领导」（请填写本园区人员的用户名或姓名）" },
    ]);
    expect(preview.toUpdate).toBe(1);

    const audits = await auditCount();
    const err = await rejected(commitImport(staff, file));
    expect(err.issues).toEqual(preview.errors);
    expect(err.message).toBe("表格中有 2 个问题（涉及 2 行），请修改后重新上传；没有导入任何内容");
    expect((await db().project.findUniqueOrThrow({ where: { id: a.id } })).totalInvestment.toString()).toBe("10000");
    expect((await db().project.findUniqueOrThrow({ where: { id: b.id } })).imageProgress).toBeNull();
    expect(await auditCount()).toBe(audits);

    // A blank 包保 cell cannot end a project's 包保 (nobody would cover it): an error, not a silent skip.
    const blanked = await previewImport(staff, await sheetWorkbook("项目台账", [header, [c.code, c.name, 10000, null, null, null]]));
    expect(blanked.errors).toEqual([{ row: 2, column: "包保责任人", message: "导入不能清空包保责任人（现为 王五）；更换请填写新的包保责任人，不需要更新时可删除此列" }]);
  });

  it("finds projects by 项目编号 (renaming them) or by park + name + enterprise, and leaves the columns a file does not have alone", async () => {
    const tag = unique("编号");
    const { a, b } = await threeProjects(tag);
    await db().project.update({ where: { id: a.id }, data: { remark: "原备注", imageProgress: "原进度" } });
    const file = await sheetWorkbook("项目台账", [
      ["项目编号", "所属园区", "项目名称", "投资主体", "形象进度"],
      [a.code, null, `${tag}-甲（更名）`, `${tag}-甲公司`, "新进度"],
      [null, park.name, b.name, `${tag}-乙公司`, "乙进度"],
    ]);
    const preview = await previewImport(staff, file);
    expect(preview.errors).toEqual([]);
    expect(preview.updates.map((u) => [u.code, u.changes.map((ch) => ch.field)])).toEqual([
      [a.code, ["name", "imageProgress"]],
      [b.code, ["imageProgress"]],
    ]);
    await commitImport(staff, file);
    const pa = await db().project.findUniqueOrThrow({ where: { id: a.id } });
    expect([pa.name, pa.imageProgress, pa.remark, pa.totalInvestment.toString()]).toEqual([`${tag}-甲（更名）`, "新进度", "原备注", "10000"]);
    expect((await db().project.findUniqueOrThrow({ where: { id: b.id } })).name).toBe(b.name);

    // A row naming another park than the project's, or the same project twice, is refused.
    const wrong = await previewImport(
      staff,
      await sheetWorkbook("项目台账", [
        ["项目编号", "所属园区", "项目名称", "投资主体", "形象进度"],
        [a.code, "别的园区", pa.name, `${tag}-甲公司`, "x"],
        [a.code, park.name, pa.name, `${tag}-甲公司`, "y"],
      ]),
    );
    expect(wrong.errors).toEqual([
      { row: 2, column: "所属园区", message: `项目 ${a.code} 属于「${park.name}」，所属园区不能通过导入修改` },
      { row: 3, column: "项目编号", message: `与第 2 行是同一项目（${a.code}），同一项目只能出现一次` },
    ]);
  });

  it("moves stages forward by the pipeline's rules (落地 needs its 注册日期), never back, and never blanks a reached stage's evidence", async () => {
    const tag = unique("阶段");
    await commitImport(
      staff,
      await ledgerWorkbook([
        ledgerRow(park.name, `${tag}-签约`),
        ledgerRow(park.name, `${tag}-落地`, { stage: "落地", registeredDate: "2025-03-20", landedDate: "2025-04-01" }),
      ]),
    );
    const signed = await db().project.findFirstOrThrow({ where: { parkId: park.id, name: `${tag}-签约` } });
    const landed = await db().project.findFirstOrThrow({ where: { parkId: park.id, name: `${tag}-落地` } });
    const header = ["项目编号", "项目名称", "当前阶段", "注册日期", "落地日期", "实际开工日期"];
    const bad = await previewImport(
      staff,
      await sheetWorkbook("项目台账", [
        header,
        [signed.code, signed.name, "开工", null, "2025-04-01", "2025-05-01"],
        [landed.code, landed.name, "落地", null, "2025-04-01", null],
      ]),
    );
    expect(bad.errors).toEqual([
      { row: 2, column: "注册日期", message: "当前阶段为「开工」，请填写注册日期" },
      { row: 3, column: "注册日期", message: "项目已落地，注册日期是落地的依据，不能清空" },
    ]);
    const back = await previewImport(staff, await sheetWorkbook("项目台账", [header, [landed.code, landed.name, "签约", "2025-03-20", null, null]]));
    expect(back.errors).toEqual([{ row: 2, column: "当前阶段", message: "项目已处于「落地」阶段，导入不能退回到「签约」；更正回退请园区领导在项目页操作" }]);
    const moved = await previewImport(staff, await sheetWorkbook("项目台账", [header, [landed.code, landed.name, "落地", "2025-03-20", "2025-04-02", null]]));
    expect(moved.errors.map((e) => e.column)).toEqual(["落地日期"]);

    await commitImport(staff, await sheetWorkbook("项目台账", [header, [signed.code, signed.name, "开工", "2025-03-20", "2025-04-01", "2025-05-01"]]));
    const started = await db().project.findUniqueOrThrow({ where: { id: signed.id }, include: { stageEvents: { orderBy: { id: "asc" } } } });
    expect([started.stage, started.registeredDate?.toISOString().slice(0, 10), started.actualStartDate?.toISOString().slice(0, 10)]).toEqual(["STARTED", "2025-03-20", "2025-05-01"]);
    expect(started.stageEvents.map((e) => [e.type, e.toStage, e.evidence])).toEqual([
      ["SIGN", "SIGNED", null],
      ["ADVANCE", "LANDED", { registrationDate: "2025-03-20", landArea: "85.25" }],
      ["ADVANCE", "STARTED", { actualStartDate: "2025-05-01" }],
    ]);
    expect(await db().auditLog.count({ where: { entityType: "Project", entityId: String(signed.id), action: "project.move" } })).toBe(1);

    // The edit form (and the API's PATCH, which goes through it) refuses the same blanking.
    const p = await getProject(staff, landed.id);
    const e = await updateProject(staff, landed.id, { ...storedProjectValues(p), registeredDate: "", version: p.version }).catch((x: unknown) => x);
    expect(isAppError(e) && e.fieldErrors).toEqual({ registeredDate: ["项目已落地，注册日期是落地的依据，不能清空"] });
  });

  it("refuses at commit a project changed since the preview, and finds the shared writes' refusals in the preview", async () => {
    const tag = unique("并发");
    const { a, b } = await threeProjects(tag);
    const file = await sheetWorkbook("项目台账", [
      ["项目编号", "项目名称", "形象进度"],
      [a.code, a.name, "导入的进度"],
    ]);
    const preview = await previewImport(staff, file);
    const p = await getProject(staff, a.id);
    await updateProject(staff, a.id, { ...storedProjectValues(p), remark: "别人刚改过", version: p.version });
    const err = await rejected(commitImport(staff, file, "x.xlsx", preview.expected));
    expect(err.issues).toEqual([{ row: 2, column: "", message: "检查之后该项目已被他人修改（或新出现了同一项目），请重新上传检查后再确认" }]);
    expect((await db().project.findUniqueOrThrow({ where: { id: a.id } })).imageProgress).toBeNull();

    // Another enterprise's credit code: refused by the edit's own enterprise rule, found by the preview's trial run.
    await db().enterprise.update({ where: { id: b.enterpriseId }, data: { creditCode: "91431200MA4L0B0X01" } });
    const taken = await previewImport(
      staff,
      await sheetWorkbook("项目台账", [
        ["项目编号", "项目名称", "统一社会信用代码"],
        [a.code, a.name, "91431200MA4L0B0X01"],
      ]),
    );
    expect(taken.errors).toEqual([{ row: 2, column: "统一社会信用代码", message: `统一社会信用代码已登记在「${tag}-乙公司」名下` }]);
  });
});
