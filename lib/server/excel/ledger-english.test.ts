// The English names the ledger import reads come from the message files the English export
// and template write (one source), and the Chinese template words are the table's own.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, LEDGER_COLUMNS, LEDGER_SHEET, normaliseHeader } from "@/lib/domain/ledger-columns";
import { MESSAGES } from "@/lib/i18n/messages";
import { CHOICE_REFUSAL } from "@/lib/validation/ledger-import";
import { LEDGER_HEADERS_EN, LEDGER_SHEET_EN, canonicalCellText, englishChoices, templateWords } from "./ledger-english";
import { asWritten, parseLedgerWorkbook } from "./parse-ledger-workbook";

const column = (key: string) => LEDGER_COLUMNS.find((c) => c.key === key)!;

async function workbook(sheet: string, rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the ledger's English names", () => {
  it("are the English export's headers and sheet, one per column, none clashing with another column's name", () => {
    expect(LEDGER_SHEET_EN).toBe(MESSAGES.en.projects.ledgerExport.sheet);
    expect(Object.keys(LEDGER_HEADERS_EN)).toEqual(LEDGER_COLUMNS.map((c) => c.key));
    const names = LEDGER_COLUMNS.map((c) => normaliseHeader(LEDGER_HEADERS_EN[c.key]).name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("reads English choices, in any case and spacing, as the Chinese labels; anything else as written", () => {
    expect(canonicalCellText(column("stage"), "Landed")).toBe("落地");
    expect(canonicalCellText(column("stage"), "  PRODUCING ")).toBe("投产");
    expect(canonicalCellText(column("source"), "business  referral")).toBe("以商招商");
    expect(canonicalCellText(column("keyLevel"), "Regular")).toBe("一般");
    expect(canonicalCellText(column("planStartThisYear"), "yes")).toBe("是");
    expect(canonicalCellText(column("planStartThisYear"), "No")).toBe("否");
    expect(canonicalCellText(column("stage"), "开工")).toBe("开工");
    expect(canonicalCellText(column("stage"), "Launched")).toBe("Launched");
    expect(canonicalCellText(column("name"), "Landed")).toBe("Landed");
    expect(englishChoices("stage").map((c) => c.en)).toEqual(Object.values(MESSAGES.en.common.enum.stage));
  });

  it("the Chinese template words are the table's own headers and hints; the English ones hold no Chinese", () => {
    const zh = templateWords("zh-CN");
    expect(zh.sheet).toBe(LEDGER_SHEET);
    for (const c of IMPORT_COLUMNS) {
      expect(zh.header(c.key)).toBe(c.header);
      expect(zh.hint(c.key)).toBe(c.hint);
    }
    const en = templateWords("en");
    expect(en.sheet).toBe(LEDGER_SHEET_EN);
    for (const c of IMPORT_COLUMNS) expect(`${en.header(c.key)} ${en.hint(c.key)}`).not.toMatch(/\p{Script=Han}/u);
    expect(en.guide(10_000).join(" ")).not.toMatch(/\p{Script=Han}/u);
    expect(en.choices.stage).toEqual(["Signed", "Landed", "Started", "Producing"]);
  });
});

describe("reading an English sheet", () => {
  it("finds the English sheet and headers (any case, mixed with Chinese ones) and reads English choices", async () => {
    const bytes = await workbook("project ledger", [
      ["project NAME", "Park", "企业名称", "Current  stage", "Planned to start this year", "Total investment (10k CNY)", "Status"],
      ["项目一", "甲园区", "甲公司", "Started", "Yes", 100, "Active"],
    ]);
    const parsed = await parseLedgerWorkbook(bytes);
    expect(parsed.rows[0].texts).toMatchObject({ name: "项目一", park: "甲园区", enterpriseName: "甲公司", stage: "开工", planStartThisYear: "是", totalInvestment: "100" });
    expect(parsed.ignoredColumns).toEqual(["Status"]);
    expect([...parsed.english.keys()]).toEqual(["name", "park", "stage", "planStartThisYear", "totalInvestment", "status"]);
  });

  it("names a problem's column as the file does, and a refused choice by its English choices", () => {
    const parsed = { english: new Map([["stage", "Current stage"], ["planStartThisYear", "Planned to start this year"], ["totalInvestment", "Total investment (10k CNY)"]]) };
    expect(
      asWritten(parsed, [
        { row: 2, column: "当前阶段", message: CHOICE_REFUSAL.stage },
        { row: 2, column: "本年计划开工", message: CHOICE_REFUSAL.planStartThisYear },
        { row: 3, column: "总投资（万元）", message: "「总投资（万元）」是公式，请复制后“选择性粘贴为数值”再导入" },
        { row: 3, column: "项目名称", message: "请填写项目名称" },
      ]),
    ).toEqual([
      { row: 2, column: "Current stage", message: "「Current stage」须为 Signed/Landed/Started/Producing 之一" },
      { row: 2, column: "Planned to start this year", message: "「Planned to start this year」须填写 Yes 或 No（空白为 No）" },
      { row: 3, column: "Total investment (10k CNY)", message: "「Total investment (10k CNY)」是公式，请复制后“选择性粘贴为数值”再导入" },
      { row: 3, column: "项目名称", message: "请填写项目名称" },
    ]);
  });

  it("refuses an English money header in 100 m CNY as it refuses 亿元", async () => {
    const bytes = await workbook("Project ledger", [["Project name", "Park", "Enterprise name", "Total investment (100m CNY)"], ["项目一", "甲园区", "甲公司", 1]]);
    await expect(parseLedgerWorkbook(bytes)).rejects.toThrow("D 列「Total investment (100m CNY)」的单位是亿元，导入按万元计算；请换算为万元并把表头改为「Total investment (10k CNY)」后再导入");
  });
});
