import "server-only";
// Reads an uploaded ledger workbook into rows of canonical cell texts. File-level problems
// (not an xlsx, no 项目台账 sheet, no header row, missing columns, too many rows) throw an
// AppError with a Chinese message; cell-level problems (formulas, error values, overlong
// text) come back with their row and column so the preview lists them with the rest.
//
// Formulas are refused rather than their cached results used: a cached result may be stale
// or absent (files written by programs), and the import must store what the person sees.

import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, LEDGER_COLUMNS, LEDGER_SHEET, columnLetter, type LedgerColumn } from "@/lib/domain/ledger-columns";
import { cellText, type LedgerTexts, type RowIssue } from "@/lib/validation/ledger-import";
import { AppError } from "@/lib/server/errors";
import { assertXlsxContainer } from "./xlsx-container";

/** Most data rows one import takes (5,000 is the documented everyday size). */
export const MAX_IMPORT_ROWS = 10_000;
/** The header row is looked for in the first rows (an export has two lines of filter above it). */
const HEADER_SEARCH_ROWS = 10;

export interface ParsedLedgerRow {
  row: number;
  texts: LedgerTexts;
  issues: RowIssue[];
}

export interface ParsedLedger {
  rows: ParsedLedgerRow[];
  /** Header texts the import does not read (export-only or unknown columns). */
  ignoredColumns: string[];
}

const headerText = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && value !== null && Array.isArray((value as { richText?: unknown }).richText)) {
    return ((value as { richText: { text: string }[] }).richText.map((r) => r.text).join("") ?? "").trim();
  }
  return String(value).trim().replace(/^\*|\*$/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
};

export async function parseLedgerWorkbook(bytes: Uint8Array): Promise<ParsedLedger> {
  assertXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("VALIDATION", "文件已损坏或不是 Excel 工作簿（.xlsx），无法读取；请在 Excel 中打开后重新保存再上传");
  }
  const sheet = workbook.getWorksheet(LEDGER_SHEET);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => `「${w.name}」`).join("、") || "（无）";
    throw new AppError("VALIDATION", `找不到名为「${LEDGER_SHEET}」的工作表（本文件的工作表：${names}）；请使用台账模板，或把数据所在的工作表改名为「${LEDGER_SHEET}」`);
  }

  // The header row: the first row (of the first few) naming 项目名称.
  let headerRow = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    let found = false;
    row.eachCell((cell) => {
      if (headerText(cell.value) === "项目名称") found = true;
    });
    if (found) {
      headerRow = r;
      break;
    }
  }
  if (headerRow === 0) throw new AppError("VALIDATION", `「${LEDGER_SHEET}」工作表的前 ${HEADER_SEARCH_ROWS} 行中没有表头（找不到「项目名称」列）；请使用台账模板`);

  const byHeader = new Map(LEDGER_COLUMNS.map((c) => [c.header, c]));
  const columns = new Map<number, LedgerColumn>();
  const ignoredColumns: string[] = [];
  const seen = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, colNumber) => {
    const text = headerText(cell.value);
    if (text === "") return;
    const column = byHeader.get(text);
    if (!column || !column.importable) {
      ignoredColumns.push(text);
      return;
    }
    if (seen.has(text)) {
      throw new AppError("VALIDATION", `表头「${text}」出现了两次（${columnLetter(seen.get(text)!)} 列和 ${columnLetter(colNumber)} 列），请删除其中一列`);
    }
    seen.set(text, colNumber);
    columns.set(colNumber, column);
  });
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.header)).map((c) => `「${c.header}」`);
  if (missing.length > 0) throw new AppError("VALIDATION", `表头缺少必填列：${missing.join("、")}；请使用台账模板`);

  // Data rows: eachRow skips rows without values, so trailing empty (or merely formatted)
  // rows cost nothing; rows holding only blanks in the columns we read are skipped too.
  const rows: ParsedLedgerRow[] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow || tooMany) return;
    const texts: LedgerTexts = {};
    const issues: RowIssue[] = [];
    let any = false;
    for (const [colNumber, column] of columns) {
      const result = cellText(row.getCell(colNumber).value, column);
      if ("error" in result) {
        issues.push({ row: rowNumber, column: column.header, message: result.error });
        texts[column.key] = null;
        any = true;
      } else {
        texts[column.key] = result.text;
        if (result.text !== null) any = true;
      }
    }
    if (!any) return;
    for (const column of IMPORT_COLUMNS) if (!(column.key in texts)) texts[column.key] = null;
    if (rows.length >= MAX_IMPORT_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, texts, issues });
  });
  if (tooMany) throw new AppError("VALIDATION", `一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString("zh-CN")} 行，本文件超出；请拆分为多个文件分批导入`);
  if (rows.length === 0) throw new AppError("VALIDATION", `「${LEDGER_SHEET}」工作表在表头以下没有数据行`);
  return { rows, ignoredColumns };
}
