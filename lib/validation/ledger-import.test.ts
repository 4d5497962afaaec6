import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, LEDGER_COLUMNS, columnLetter } from "@/lib/domain/ledger-columns";
import { cellText, differingFields, looseRecord, matchPerson, namesPerson, naturalKey, normaliseDateText, serialToIso, stageCheck, validateLedgerRow, type LedgerTexts } from "./ledger-import";

const column = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)!;
const ctx = {
  park: (name: string) => (name === "怀化高新区" ? { id: 7, name } : null),
  parkIndustries: () => new Set(["特色轻工"]),
  today: "2026-11-23",
};

function texts(over: LedgerTexts = {}): LedgerTexts {
  const base: LedgerTexts = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.key, null]));
  return {
    ...base,
    park: "怀化高新区",
    name: "年产 5 万吨新材料项目",
    enterpriseName: "湖南新材料有限公司",
    industry: "新材料",
    totalInvestment: "12000.5",
    contractInvestment: "10000",
    signedDate: "2025-03-01",
    ...over,
  };
}

describe("ledger columns", () => {
  it("has unique headers with units on money columns, and the template holds only importable ones", () => {
    expect(new Set(LEDGER_COLUMNS.map((c) => c.header)).size).toBe(LEDGER_COLUMNS.length);
    for (const c of LEDGER_COLUMNS.filter((c) => c.type === "money")) expect(c.header).toMatch(/（万元）$/);
    // 项目编号 is read (it finds the project to update); the figures computed from monthly filings are not.
    expect(IMPORT_COLUMNS.some((c) => c.key === "code")).toBe(true);
    expect(IMPORT_COLUMNS.map((c) => c.key)).not.toEqual(expect.arrayContaining(["status", "investmentCompletedToDate", "light"]));
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(27)).toBe("AA");
  });
});

describe("cell values", () => {
  it("turns Excel dates, serial numbers and typed dates into YYYY-MM-DD", () => {
    expect(cellText(new Date(Date.UTC(2025, 2, 1)), column("signedDate"))).toEqual({ text: "2025-03-01" });
    expect(cellText(45717, column("signedDate"))).toEqual({ text: "2025-03-01" });
    expect(serialToIso(0)).toBeNull();
    expect(normaliseDateText("2025/3/1")).toBe("2025-03-01");
    expect(normaliseDateText("2025年3月1日")).toBe("2025-03-01");
    expect(normaliseDateText("3/1/2025")).toBe("3/1/2025");
  });

  it("reads numbers, rich text and hyperlinks as text; refuses formulas, error values and overlong cells", () => {
    expect(cellText(12345.67, column("totalInvestment"))).toEqual({ text: "12345.67" });
    expect(cellText({ richText: [{ text: "湖南" }, { text: "公司" }] }, column("enterpriseName"))).toEqual({ text: "湖南公司" });
    expect(cellText({ text: "链接文字", hyperlink: "http://x" }, column("remark"))).toEqual({ text: "链接文字" });
    expect(cellText("   ", column("remark"))).toEqual({ text: null });
    expect(cellText({ formula: "A1*2", result: 4 }, column("totalInvestment"))).toEqual({ error: "「总投资（万元）」是公式，请复制后“选择性粘贴为数值”再导入" });
    expect(cellText({ error: "#N/A" }, column("totalInvestment"))).toEqual({ error: "「总投资（万元）」是错误值 #N/A，请改为实际内容" });
    expect(cellText("字".repeat(5001), column("content"))).toEqual({ error: "「建设内容及规模」内容过长（5001 个字符，单元格最多 5000 个字符）" });
  });
});

describe("a ledger row", () => {
  it("normalises a valid row", () => {
    const { record, issues } = validateLedgerRow(
      2,
      texts({ source: "以商招商", keyLevel: "一般", stage: "落地", registeredDate: "2025-03-20", landedDate: "2025-04-01", planStartThisYear: "√", plannedInvestmentThisYear: "3,000", investmentCompletedBefore: "1200.5" }),
      ctx,
    );
    expect(issues).toEqual([]);
    expect(record).toMatchObject({
      parkId: 7,
      totalInvestment: "12000.50",
      contractInvestment: "10000.00",
      source: "BUSINESS_REFERRAL",
      keyLevel: "NONE",
      stage: "LANDED",
      landedDate: "2025-04-01",
      planStartThisYear: true,
      planProductionThisYear: false,
      plannedInvestmentThisYear: "3000.00",
      investmentCompletedBefore: "1200.50",
      fundsArrivedBefore: "0.00",
    });
  });

  it("reports the form's rules with the form's messages, and the ledger's own rules", () => {
    const { record, issues } = validateLedgerRow(
      5,
      texts({ park: "别的园区", name: null, industry: "外星科技", contractInvestment: "20000", stage: "开工", registeredDate: "2025-01-01", landedDate: "2025-02-01", actualStartDate: "2027-01-01", keyLevel: "特级", planProductionThisYear: "也许" }),
      ctx,
    );
    expect(record).toBeNull();
    expect(issues).toEqual(
      expect.arrayContaining([
        { row: 5, column: "所属园区", message: "所属园区「别的园区」不存在或您无权维护该园区的台账" },
        { row: 5, column: "项目名称", message: "请填写项目名称" },
        { row: 5, column: "合同引资额（万元）", message: "合同引资额不能大于总投资" },
        { row: 5, column: "项目级别", message: "项目级别须为 省重点/市重点/县重点/一般 之一" },
        { row: 5, column: "落地日期", message: "落地日期不能早于签约日期（2025-03-01）" },
        { row: 5, column: "实际开工日期", message: "开工日期不能晚于今天" },
        { row: 5, column: "本年计划投产", message: "本年计划投产须填写 是 或 否（空白为否）" },
      ]),
    );
    // an unknown park cannot be checked for its industries
    expect(issues.some((i) => i.column === "产业链/行业")).toBe(false);
  });

  it("knows the park's own industries and refuses stage dates beyond the current stage", () => {
    expect(validateLedgerRow(2, texts({ industry: "特色轻工" }), ctx).issues).toEqual([]);
    expect(validateLedgerRow(2, texts({ industry: "外星科技" }), ctx).issues.map((i) => i.column)).toEqual(["产业链/行业"]);
    expect(validateLedgerRow(2, texts({ actualStartDate: "2025-05-01" }), ctx).issues).toEqual([
      { row: 2, column: "实际开工日期", message: "当前阶段为「签约」，不应填写实际开工日期；已开工请把当前阶段改为「开工」或之后" },
    ]);
  });

  it("compares rows with stored records on canonical values, case-insensitive keys", () => {
    const a = looseRecord(texts({ totalInvestment: "12,000.5", source: null, planStartThisYear: "否", investmentCompletedBefore: null }));
    const b = { ...a, totalInvestment: "12000.50", source: "OTHER", planStartThisYear: false, investmentCompletedBefore: "0.00" };
    expect(differingFields(a, b)).toEqual([]);
    expect(differingFields(a, { ...b, remark: "改了", planProductionThisYear: true })).toEqual(["remark", "planProductionThisYear"]);
    expect(naturalKey(1, " ABC项目 ", "甲公司")).toBe(naturalKey(1, "abc项目", "甲公司"));
  });
});

describe("stages of a row", () => {
  const stored = {
    stage: "STARTED" as const,
    status: "ACTIVE" as const,
    stageDate: "2025-06-01",
    statusDate: null,
    signedDate: "2025-03-01",
    registeredDate: "2025-04-01",
    landedDate: "2025-04-10",
    actualStartDate: "2025-06-01",
    actualProductionDate: null,
  };
  const fields = { stage: "STARTED" as const, signedDate: "2025-03-01", registeredDate: "2025-04-01", landArea: null, landedDate: "2025-04-10", actualStartDate: "2025-06-01", actualProductionDate: null };

  it("moves an existing project forward by the pipeline's rule, never back, and keeps reached stages' dates and evidence", () => {
    expect(stageCheck(3, fields, stored, "2026-11-23")).toEqual({ issues: [], advance: null });
    const forward = stageCheck(3, { ...fields, stage: "PRODUCING", actualProductionDate: "2026-10-01" }, stored, "2026-11-23");
    expect(forward.issues).toEqual([]);
    expect(forward.advance).toMatchObject({ toStage: "PRODUCING", producing: { date: "2026-10-01" } });
    expect(stageCheck(3, { ...fields, stage: "PRODUCING" }, stored, "2026-11-23").issues).toEqual([
      { row: 3, column: "实际投产日期", message: "当前阶段为「投产」，请填写投产日期" },
    ]);
    expect(stageCheck(3, { ...fields, stage: "LANDED", actualStartDate: null }, stored, "2026-11-23").issues).toEqual([
      { row: 3, column: "当前阶段", message: "项目已处于「开工」阶段，导入不能退回到「落地」；更正回退请园区领导在项目页操作" },
    ]);
    expect(stageCheck(3, { ...fields, actualStartDate: "2025-06-02" }, stored, "2026-11-23").issues.map((i) => i.column)).toEqual(["实际开工日期"]);
    expect(stageCheck(3, { ...fields, registeredDate: null }, stored, "2026-11-23").issues).toEqual([
      { row: 3, column: "注册日期", message: "项目已开工，注册日期是落地的依据，不能清空" },
    ]);
    expect(stageCheck(3, { ...fields, stage: "PRODUCING", actualProductionDate: "2026-10-01" }, { ...stored, status: "SUSPENDED" }, "2026-11-23").issues).toEqual([
      { row: 3, column: "当前阶段", message: "项目已暂缓，不能推进阶段；请先由园区领导恢复推进" },
    ]);
  });
});

describe("people in 包保 cells", () => {
  const people = [
    { id: 1, name: "张三", username: "zhangsan" },
    { id: 2, name: "张三", username: "zhangsan2" },
    { id: 3, name: "李四", username: "lisi" },
  ];
  it("finds a person by username, 姓名（用户名） or a name only one has; ambiguous and unknown names are problems", () => {
    expect(matchPerson("李四", people, "包保责任人")).toEqual({ person: people[2] });
    expect(matchPerson("ZhangSan2", people, "包保责任人")).toEqual({ person: people[1] });
    expect(matchPerson("张三（zhangsan）", people, "包保责任人")).toEqual({ person: people[0] });
    expect(matchPerson("张三", people, "包保责任人")).toEqual({ problem: "本园区有 2 位名为「张三」的人员（用户名 zhangsan、zhangsan2），请填写用户名或「姓名（用户名）」以区分" });
    expect(matchPerson("王五", people, "包保领导")).toEqual({ problem: "本园区没有可担任包保领导的在岗人员「王五」（请填写本园区人员的用户名或姓名）" });
    expect(namesPerson("张三", people[0])).toBe(true);
    expect(namesPerson("张三(zhangsan2)", people[0])).toBe(false);
  });
});

describe("cells the database cannot hold", () => {
  it("refuses NUL and half an emoji on their cell", () => {
    expect(cellText("甲\u0000乙", column("name"))).toEqual({ error: "「项目名称」含有无法保存的字符（空字符或残缺的表情符号），请删除后重新输入" });
    expect(cellText("\uD83D", column("liaison"))).toEqual({ error: "「包保责任人」含有无法保存的字符（空字符或残缺的表情符号），请删除后重新输入" });
  });
});
