import { describe, expect, it } from "vitest";
import { z } from "zod";
import { todayInShanghai } from "@/lib/domain/dates";
import { projectFormSchema, projectUpdateSchema } from "./project";
import { fieldErrors } from "@/lib/validation/field-errors";
import { moveStageSchema, statusChangeSchema } from "./transition";

const today = todayInShanghai();
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const tomorrow = shift(today, 1);

const valid = {
  name: " 年产 10 万吨锂电池正极材料项目 ",
  enterpriseName: "湖南测试新材料有限公司",
  parkId: "3",
  industry: "新能源",
  source: "INDUSTRY_CHAIN",
  keyLevel: "CITY",
  totalInvestment: "12,345.6",
  contractInvestment: "10000",
  signedDate: "2025-03-01",
};

function errorsOf(input: unknown, schema: z.ZodType = projectFormSchema) {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
}

describe("project form: normalised output", () => {
  it("turns what was typed into what is stored", () => {
    const r = projectFormSchema.parse({
      ...valid,
      creditCode: " 91431200ma4l2k3x7b ",
      legalPerson: "",
      contactName: " 李四 ",
      contactPhone: "0745-2345678",
      specialLists: "省五个100、 市重点产业链,省五个100",
      registeredCapital: 2000,
      landArea: "",
      registeredDate: "  ",
      plannedStartDate: "2025-06-01",
      plannedInvestmentThisYear: "3,000",
      planStartThisYear: "on",
    });
    expect(r).toEqual({
      name: "年产 10 万吨锂电池正极材料项目",
      enterpriseName: "湖南测试新材料有限公司",
      creditCode: "91431200MA4L2K3X7B",
      legalPerson: null,
      contactName: "李四",
      contactPhone: "0745-2345678",
      parkId: 3,
      industry: "新能源",
      source: "INDUSTRY_CHAIN",
      keyLevel: "CITY",
      specialLists: ["省五个100", "市重点产业链"],
      content: null,
      totalInvestment: "12345.60",
      contractInvestment: "10000.00",
      registeredCapital: "2000.00",
      landArea: null,
      signedDate: "2025-03-01",
      registeredDate: null,
      landSuppliedDate: null,
      plannedStartDate: "2025-06-01",
      plannedProductionDate: null,
      responsibleUnit: null,
      remark: null,
      plannedInvestmentThisYear: "3000.00",
      planStartThisYear: true,
      planProductionThisYear: undefined,
    });
  });

  it("defaults source and key level; an empty list is fine", () => {
    const r = projectFormSchema.parse({ ...valid, source: undefined, keyLevel: undefined, specialLists: [] });
    expect(r).toMatchObject({ source: "OTHER", keyLevel: "NONE", specialLists: [] });
  });
});

describe("project form: every field's rule, in Chinese, on its field", () => {
  it("names each missing required field", () => {
    expect(errorsOf({})).toEqual({
      name: ["请填写项目名称"],
      enterpriseName: ["请填写投资主体"],
      parkId: ["请选择所属园区"],
      industry: ["请填写产业链/行业"],
      totalInvestment: ["请填写总投资"],
      contractInvestment: ["请填写合同引资额"],
      signedDate: ["请填写签约日期"],
    });
    expect(errorsOf({ ...valid, name: "   ", parkId: "" })).toEqual({ name: ["请填写项目名称"], parkId: ["请选择所属园区"] });
  });

  it.each([
    ["totalInvestment", "一万", "总投资须为数字，最多两位小数"],
    ["totalInvestment", "100.123", "总投资须为数字，最多两位小数"],
    ["totalInvestment", "-1", "总投资不能为负数"],
    ["totalInvestment", "100000000", "总投资不能超过 99,999,999.99 万元"],
    ["registeredCapital", "abc", "注册资本须为数字，最多两位小数"],
    ["landArea", "100000000", "用地面积不能超过 99,999,999.99 亩"],
    ["plannedInvestmentThisYear", "-0.5", "本年计划投资不能为负数"],
    ["signedDate", "2025-02-30", "签约日期不是有效日期（格式 YYYY-MM-DD）"],
    ["signedDate", "2025/03/01", "签约日期不是有效日期（格式 YYYY-MM-DD）"],
    ["signedDate", tomorrow, "签约日期不能晚于今天"],
    ["registeredDate", tomorrow, "注册日期不能晚于今天"],
    ["landSuppliedDate", tomorrow, "供地日期不能晚于今天"],
    ["plannedStartDate", "2025-02-28", "计划开工日期不能早于签约日期"],
    ["plannedProductionDate", "2025-02-28", "计划投产日期不能早于签约日期"],
    ["creditCode", "91431200MA4L2K3X7", "统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）"],
    ["creditCode", "91431200MA4L2K3XIB", "统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）"],
    ["contactPhone", "电话", "联系电话格式不正确（7-20 位数字，可含 - 和空格）"],
    ["contactPhone", "12345", "联系电话格式不正确（7-20 位数字，可含 - 和空格）"],
    ["name", "项".repeat(101), "项目名称不能超过 100 个字符"],
    ["remark", "备".repeat(1001), "备注不能超过 1000 个字符"],
    ["source", "GUANXI", "请选择项目来源"],
    ["keyLevel", "TOP", "请选择项目级别"],
    ["specialLists", Array.from({ length: 11 }, (_, i) => `清单${i}`), "专项清单最多 10 项"],
    ["planStartThisYear", "maybe", "本年计划开工须为是或否"],
    ["parkId", "abc", "请选择所属园区"],
  ])("%s = %j: %s", (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: [message] });
  });

  it.each([
    ["totalInvestment", "99,999,999.99"],
    ["totalInvestment", 0],
    ["contactPhone", "138 0000 0000"],
    ["contactPhone", "+86 745-2345678"],
    ["signedDate", today],
    ["plannedStartDate", tomorrow],
    ["plannedStartDate", "2025-03-01"],
    ["creditCode", "91430100MA4PXXAB3Y"],
  ])("%s = %j is accepted", (field, value) => {
    const extra = field === "totalInvestment" && value === 0 ? { contractInvestment: "0" } : {};
    expect(errorsOf({ ...valid, ...extra, [field]: value })).toEqual({});
  });

  it("合同引资额 may be less than or equal to 总投资, not more", () => {
    expect(errorsOf({ ...valid, contractInvestment: "12345.60" })).toEqual({});
    expect(errorsOf({ ...valid, contractInvestment: "12345.61" })).toEqual({ contractInvestment: ["合同引资额不能大于总投资"] });
  });

  it("计划投产 is checked against 计划开工 when there is one", () => {
    expect(errorsOf({ ...valid, plannedStartDate: "2025-06-01", plannedProductionDate: "2025-05-31" })).toEqual({
      plannedProductionDate: ["计划投产日期不能早于计划开工日期"],
    });
    expect(errorsOf({ ...valid, plannedStartDate: "2025-06-01", plannedProductionDate: "2025-06-01" })).toEqual({});
  });

  it("reports cross-field problems together with field problems", () => {
    expect(errorsOf({ ...valid, name: "", totalInvestment: "100", contractInvestment: "200", plannedStartDate: "2024-01-01", remark: "备".repeat(1001) })).toEqual({
      name: ["请填写项目名称"],
      remark: ["备注不能超过 1000 个字符"],
      plannedStartDate: ["计划开工日期不能早于签约日期"],
      contractInvestment: ["合同引资额不能大于总投资"],
    });
  });

  it("skips cross-field rules on values that did not parse", () => {
    expect(errorsOf({ ...valid, totalInvestment: "abc", signedDate: "bad" })).toEqual({
      totalInvestment: ["总投资须为数字，最多两位小数"],
      signedDate: ["签约日期不是有效日期（格式 YYYY-MM-DD）"],
    });
  });
});

describe("project edit", () => {
  it("needs the version; the park may be left out", () => {
    const { parkId: _p, ...noPark } = valid;
    expect(errorsOf(noPark, projectUpdateSchema)).toEqual({ version: ["版本号无效，请刷新页面"] });
    const r = projectUpdateSchema.parse({ ...noPark, version: "4" });
    expect(r.version).toBe(4);
    expect(r.parkId).toBeUndefined();
  });
});

describe("fieldErrors", () => {
  it("joins nested paths, removes repeats, puts path-less issues on _form", () => {
    const schema = z.object({ landed: z.object({ date: z.string().min(1, "请填写落地日期") }) }).refine(() => false, "整体不对");
    const r = schema.safeParse({ landed: { date: "" } });
    expect(r.success).toBe(false);
    if (!r.success) {
      r.error.issues.push({ ...r.error.issues[0] });
      expect(fieldErrors(r.error)).toEqual({ "landed.date": ["请填写落地日期"], _form: ["整体不对"] });
    }
    const r2 = schema.safeParse({ landed: { date: "x" } });
    if (!r2.success) expect(fieldErrors(r2.error)).toEqual({ _form: ["整体不对"] });
  });
});

describe("move and status shapes", () => {
  it("accept what the dialog sends (nulls for blanks) and leave the rules to lib/domain", () => {
    const r = moveStageSchema.parse({
      projectId: 7,
      version: "3",
      toStage: "STARTED",
      landed: { date: "2025-03-01", registrationDate: null, landArea: null },
      started: { date: "" },
      producing: undefined,
      note: "  ",
    });
    expect(r).toEqual({
      projectId: 7,
      version: 3,
      toStage: "STARTED",
      landed: { date: "2025-03-01", registrationDate: null, landArea: null },
      started: { date: null },
      note: null,
      reason: null,
    });
  });

  it("refuse broken shapes with Chinese messages", () => {
    expect(errorsOf({ projectId: "x", version: 0, toStage: "DONE", landed: "today", reason: 5 }, moveStageSchema)).toEqual({
      projectId: ["项目无效"],
      version: ["版本号无效，请刷新页面"],
      toStage: ["请选择目标阶段"],
      landed: ["落地信息格式不正确"],
      reason: ["更正原因须为文本"],
    });
    expect(errorsOf({ projectId: 1, version: 1, action: "DELETE", date: "2025-01-01", reason: "因".repeat(501) }, statusChangeSchema)).toEqual({
      action: ["请选择操作：暂缓、终止或恢复推进"],
      reason: ["原因不能超过 500 个字符"],
    });
  });
});
