import { describe, expect, it } from "vitest";
import { LEDGER_COLUMNS, PROGRESS_COLUMNS, type HeaderGrid, detectHeader, normaliseHeader } from "./ledger-columns";

const grid = (...rows: (string | null)[][]): HeaderGrid =>
  rows.map((r) => new Map(r.flatMap((v, i) => (v === null ? [] : [[i + 1, v] as [number, string]]))));
const keys = (m: ReturnType<typeof detectHeader>) => [...m!.columns].map(([c, h]) => `${c}:${h.column.key}`);

describe("ledger headers", () => {
  it("compares headers without spaces, marks, brackets and units", () => {
    expect(normaliseHeader(" *总投资\n(万元)")).toEqual({ name: "总投资", unit: "万元" });
    expect(normaliseHeader("投资情况（单位：亿元）")).toEqual({ name: "投资情况", unit: "亿元" });
    expect(normaliseHeader("产业链/行业")).toEqual({ name: "产业链/行业", unit: null });
  });

  it("finds a one-row header below titles, by names and aliases", () => {
    const m = detectHeader(grid(["某园区 2026 年招商项目台账"], ["截至 10 月底"], ["序号", "园区", "项目名称", "企业名称", "总投资（万元）", "开工时间"], ["1", "甲园区", "项目一"]), LEDGER_COLUMNS, "name");
    expect(m).toMatchObject({ firstRow: 3, lastRow: 3 });
    expect(keys(m)).toEqual(["2:park", "3:name", "4:enterpriseName", "5:totalInvestment", "6:actualStartDate"]);
    expect(m!.unknown).toEqual([{ col: 1, text: "序号" }]);
  });

  it("reads a two-row header: group headings over the column names, merged cells repeating their value", () => {
    const m = detectHeader(
      grid(
        ["台账", "台账", "台账", "台账", "台账", "台账", "台账"],
        ["项目名称", "投资主体", "投资情况（万元）", "投资情况（万元）", "本年", "本年", "计划开工时间"],
        ["项目名称", "投资主体", "总投资", "合同引资额", "计划投资", "计划开工", null],
      ),
      LEDGER_COLUMNS,
      "name",
    );
    expect(m).toMatchObject({ firstRow: 2, lastRow: 3 });
    expect(keys(m)).toEqual(["1:name", "2:enterpriseName", "3:totalInvestment", "4:contractInvestment", "5:plannedInvestmentThisYear", "6:planStartThisYear", "7:plannedStartDate"]);
    expect(m!.columns.get(3)).toMatchObject({ text: "投资情况（万元） / 总投资", unit: "万元" });
  });

  it("keeps a one-row header when the row below is data, reports a column found twice, and needs the anchor", () => {
    const m = detectHeader(grid(["项目名称", "总投资", "计划总投资"], ["项目一", "100", "100"]), LEDGER_COLUMNS, "name");
    expect(m).toMatchObject({ firstRow: 1, lastRow: 1 });
    expect(m!.duplicates).toEqual([{ key: "totalInvestment", first: 2, again: 3, text: "计划总投资" }]);
    expect(detectHeader(grid(["企业名称", "总投资"]), LEDGER_COLUMNS, "name")).toBeNull();
  });

  it("heads the enterprise column 企业名称, as the project form does, and still reads the old header 投资主体", () => {
    expect(LEDGER_COLUMNS.find((c) => c.key === "enterpriseName")!.header).toBe("企业名称");
    expect(PROGRESS_COLUMNS.find((c) => c.key === "enterpriseName")!.header).toBe("企业名称");
    for (const columns of [LEDGER_COLUMNS, PROGRESS_COLUMNS]) {
      expect(keys(detectHeader(grid(["所属园区", "项目名称", "投资主体"]), columns, "name"))).toEqual(["1:park", "2:name", "3:enterpriseName"]);
    }
  });
});
