// The header finder on workbooks as real ledgers are written: titles above the header, group
// headings merged across columns, two-row headers (generated with exceljs, read back from
// the bytes like an upload).
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { isAppError } from "@/lib/server/errors";
import { parseLedgerWorkbook } from "./parse-ledger-workbook";

async function workbook(rows: ExcelJS.CellValue[][], merges: string[] = [], sheet = "项目台账"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function messageOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (isAppError(e)) return e.message;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("reading a ledger sheet", () => {
  it("finds a two-row header under a merged title, with group headings merged across columns", async () => {
    const bytes = await workbook(
      [
        ["怀化高新区 2026 年招商引资项目推进台账", null, null, null, null, null, null, null, null],
        ["项目编号", "园区", "项目名称", "企业名称", "投资情况（万元）", null, "本年", null, "包保责任"],
        [null, null, null, null, "总投资", "合同引资额", "计划投资（万元）", "计划开工", "责任人"],
        ["P-2025-001", "怀化高新区", "项目一", "甲公司", 1200.5, 1000, 300, "是", "张三"],
        [null, null, null, null, null, null, null, null, null],
        ["", "怀化高新区", "项目二", "乙公司", "2,000", 1500, null, null, null],
      ],
      ["A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2"],
    );
    const parsed = await parseLedgerWorkbook(bytes);
    expect(parsed.headerRows).toEqual([2, 3]);
    expect([...parsed.present].sort()).toEqual(
      ["code", "park", "name", "enterpriseName", "totalInvestment", "contractInvestment", "plannedInvestmentThisYear", "planStartThisYear", "liaison"].sort(),
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(parsed.rows[0].texts).toMatchObject({ code: "P-2025-001", park: "怀化高新区", name: "项目一", totalInvestment: "1200.5", plannedInvestmentThisYear: "300", planStartThisYear: "是", liaison: "张三" });
    expect(parsed.rows[1].texts).toMatchObject({ code: null, totalInvestment: "2,000", liaison: null });
  });

  it("reads an exported list: two lines above a one-row header, read-only columns listed as ignored", async () => {
    const bytes = await workbook([
      ["项目台账（筛选：全部）"],
      ["导出时间：2026-11-23 10:00（北京时间）"],
      ["项目编号", "所属园区", "项目名称", "投资主体", "状态", "累计完成投资（万元）", "亮灯"],
      ["P-1", "甲园区", "项目一", "甲公司", "正常推进", 10, "绿灯"],
    ]);
    const parsed = await parseLedgerWorkbook(bytes);
    expect(parsed.headerRows).toEqual([3, 3]);
    expect(parsed.ignoredColumns).toEqual(["状态", "累计完成投资（万元）", "亮灯"]);
    expect(parsed.rows[0].texts).toEqual({ code: "P-1", park: "甲园区", name: "项目一", enterpriseName: "甲公司" });
  });

  it("refuses a header it cannot use: no 项目名称, a column twice, amounts in 亿元", async () => {
    expect(await messageOf(parseLedgerWorkbook(await workbook([["标题"], ["企业", "金额"]])))).toBe(
      "「项目台账」工作表的前 20 行中没有表头（找不到「项目名称」列）；请使用台账模板",
    );
    expect(await messageOf(parseLedgerWorkbook(await workbook([["所属园区", "项目名称", "投资主体", "总投资", "计划总投资"], ["a", "b", "c", 1, 2]])))).toBe(
      "表头（第 1 行）中「总投资（万元）」出现了两次（D 列「总投资」和 E 列「计划总投资」），请删除其中一列",
    );
    const yi = await workbook(
      [
        ["所属园区", "项目名称", "投资主体", "投资情况（亿元）"],
        [null, null, null, "总投资"],
      ],
      ["A1:A2", "B1:B2", "C1:C2"],
    );
    expect(await messageOf(parseLedgerWorkbook(yi))).toBe("D 列「投资情况（亿元） / 总投资」的单位是亿元，导入按万元计算；请换算为万元并把表头改为「总投资（万元）」后再导入");
  });
});
