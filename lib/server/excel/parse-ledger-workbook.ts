import "server-only";
// Reads an uploaded workbook's sheet into rows of canonical cell texts. File-level problems
// (not an xlsx, no such sheet, no header row, missing or doubled columns, a money column in
// 亿元, too many rows) throw an AppError with a Chinese message; cell-level problems
// (formulas, error values, overlong text) come back with their row and column so the
// preview lists them with the rest.
//
// The header is found the way a person would: among the first rows, the row (or the pair of
// rows, a group heading over the column names) naming the most known columns, by name or by
// the names real ledgers use (lib/domain/ledger-columns detectHeader). Titles above it are
// skipped, merged cells read as their value.
//
// Formulas are refused rather than their cached results used: a cached result may be stale
// or absent (files written by programs), and the import must store what the person sees.

import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, LEDGER_COLUMNS, LEDGER_SHEET, columnLetter, detectHeader, type LedgerColumn, type OtherHeaderNames } from "@/lib/domain/ledger-columns";
import { CHOICE_REFUSAL, cellText, type LedgerTexts, type RowIssue } from "@/lib/validation/ledger-import";
import { AppError } from "@/lib/server/errors";
import { LEDGER_ENGLISH_NAMES, canonicalCellText, englishChoices, isEnglishLedgerSheet, writtenInEnglish } from "./ledger-english";
import { assertXlsxContainer } from "./xlsx-container";

/** Most data rows one import takes (5,000 is the documented everyday size). */
export const MAX_IMPORT_ROWS = 10_000;
/** The header is looked for in the first rows (titles, a filter line, group headings above it). */
export const HEADER_SEARCH_ROWS = 20;

export interface ParsedLedgerRow {
  row: number;
  /** Texts of the columns the file has (importable ones only), keyed by column key. */
  texts: LedgerTexts;
  issues: RowIssue[];
}

export interface ParsedLedger {
  rows: ParsedLedgerRow[];
  /** Keys of the importable columns the file has: a column left out changes nothing on an existing record. */
  present: ReadonlySet<string>;
  /** Header texts the import does not read (export-only or unknown columns). */
  ignoredColumns: string[];
  /** The header's rows, for messages ("表头在第 3–4 行"). */
  headerRows: [number, number];
  /**
   * The columns the file names in English: column key -> the header as written. Their
   * problems name them so (`asWritten`); a Chinese header is named as before.
   */
  english: ReadonlyMap<string, string>;
}

export interface SheetSpec {
  sheet: string;
  /** Every column the sheet may have, read-only ones included (they are listed as ignored). */
  columns: readonly LedgerColumn[];
  /** The column whose header marks the header row. */
  anchor: string;
  /** A word for messages: "台账模板". */
  templateName: string;
  /**
   * Why the columns found cannot identify the rows, or null. Left out: every required column
   * must be there. (The ledger needs only what finds a project: its 项目编号, or 所属园区 and
   * 企业名称 beside 项目名称; a new project's row then needs the other required columns.)
   */
  identifies?: (present: ReadonlySet<string>, name: (key: string) => string) => string | null;
  /** More header names per column key (the English headers), recognised per column. */
  otherNames?: OtherHeaderNames;
  /** Whether a sheet of another name is this sheet (the English sheet name). */
  otherSheet?: (name: string) => boolean;
  /** A cell's text as the import reads it (English choices as their Chinese labels). */
  canonical?: (column: LedgerColumn, text: string) => string;
}

const headerText = (value: unknown): string => {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join("").trim();
  }
  if (value instanceof Date) return "";
  if (typeof value === "object") return "";
  return String(value).trim();
};

/** Loads the xlsx bytes (after the container checks), or answers why it cannot. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  assertXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("VALIDATION", "文件已损坏或不是 Excel 工作簿（.xlsx），无法读取；请在 Excel 中打开后重新保存再上传");
  }
  return workbook;
}

/** Reads one sheet of a workbook by `spec`. */
export function parseSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ParsedLedger {
  const sheet = workbook.getWorksheet(spec.sheet) ?? (spec.otherSheet ? workbook.worksheets.find((w) => spec.otherSheet!(w.name)) : undefined);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => `「${w.name}」`).join("、") || "（无）";
    throw new AppError("VALIDATION", `找不到名为「${spec.sheet}」的工作表（本文件的工作表：${names}）；请使用${spec.templateName}，或把数据所在的工作表改名为「${spec.sheet}」`);
  }

  const grid: Map<number, string>[] = [];
  const mergedUp: Set<number>[] = [];
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const cells = new Map<number, string>();
    const up = new Set<number>();
    sheet.getRow(r).eachCell((cell, c) => {
      const text = headerText(cell.value);
      if (text !== "") cells.set(c, text);
      // A cell of a merge that starts in a row above (a heading spanning two header rows).
      if (cell.isMerged && Number(cell.master.row) < r) up.add(c);
    });
    grid.push(cells);
    mergedUp.push(up);
  }
  const anchorHeader = spec.columns.find((c) => c.key === spec.anchor)!.header;
  const header = detectHeader(grid, spec.columns, spec.anchor, mergedUp, spec.otherNames);
  if (!header) throw new AppError("VALIDATION", `「${spec.sheet}」工作表的前 ${HEADER_SEARCH_ROWS} 行中没有表头（找不到「${anchorHeader}」列）；请使用${spec.templateName}`);
  const where = header.firstRow === header.lastRow ? `第 ${header.lastRow} 行` : `第 ${header.firstRow}–${header.lastRow} 行`;
  if (header.duplicates.length > 0) {
    const d = header.duplicates[0];
    const first = header.columns.get(d.first)!;
    throw new AppError("VALIDATION", `表头（${where}）中「${first.column.header}」出现了两次（${columnLetter(d.first)} 列「${first.text}」和 ${columnLetter(d.again)} 列「${d.text}」），请删除其中一列`);
  }
  for (const [c, h] of header.columns) {
    if (h.column.type === "money" && h.unit !== null && h.unit !== "万元") {
      // An English header is told its English name ("Total investment (10k CNY)").
      const named = (writtenInEnglish(h.text) && spec.otherNames?.[h.column.key]?.[0]) || h.column.header;
      throw new AppError("VALIDATION", `${columnLetter(c)} 列「${h.text}」的单位是${h.unit}，导入按万元计算；请换算为万元并把表头改为「${named}」后再导入`);
    }
  }

  const columns = new Map<number, LedgerColumn>();
  const ignoredColumns: string[] = header.unknown.map((u) => u.text);
  const english = new Map<string, string>();
  for (const [c, h] of header.columns) {
    if (h.column.importable) columns.set(c, h.column);
    else ignoredColumns.push(h.text);
    if (spec.otherNames && writtenInEnglish(h.text)) english.set(h.column.key, h.text);
  }
  const present = new Set([...columns.values()].map((c) => c.key));
  if (spec.identifies) {
    // A header written in English (most of its columns) is told the English names of the columns it lacks.
    const inEnglish = spec.otherNames !== undefined && english.size * 2 > header.columns.size;
    const name = (key: string) => (inEnglish && spec.otherNames![key]?.[0]) || spec.columns.find((c) => c.key === key)!.header;
    const problem = spec.identifies(present, name);
    if (problem) throw new AppError("VALIDATION", `表头（${where}）${problem}；请使用${spec.templateName}`);
  } else {
    const missing = spec.columns.filter((c) => c.importable && c.required && !present.has(c.key)).map((c) => `「${c.header}」`);
    if (missing.length > 0) throw new AppError("VALIDATION", `表头（${where}）缺少必填列：${missing.join("、")}；请使用${spec.templateName}`);
  }

  // Data rows: eachRow skips rows without values, so trailing empty (or merely formatted)
  // rows cost nothing; rows holding only blanks in the columns we read are skipped too.
  const rows: ParsedLedgerRow[] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= header.lastRow || tooMany) return;
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
        texts[column.key] = result.text !== null && spec.canonical ? spec.canonical(column, result.text) : result.text;
        if (result.text !== null) any = true;
      }
    }
    if (!any) return;
    if (rows.length >= MAX_IMPORT_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, texts, issues });
  });
  if (tooMany) throw new AppError("VALIDATION", `一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString("zh-CN")} 行，本文件超出；请拆分为多个文件分批导入`);
  if (rows.length === 0) throw new AppError("VALIDATION", `「${spec.sheet}」工作表在表头以下没有数据行`);
  return { rows, present, ignoredColumns, headerRows: [header.firstRow, header.lastRow], english };
}

export const LEDGER_SPEC: SheetSpec = {
  sheet: LEDGER_SHEET,
  columns: LEDGER_COLUMNS,
  anchor: "name",
  templateName: "台账模板",
  identifies: (present, name) =>
    present.has("code") || (present.has("park") && present.has("enterpriseName"))
      ? null
      : `缺少${["park", "enterpriseName"].filter((k) => !present.has(k)).map((k) => `「${name(k)}」`).join("、")}列：找项目要用「项目编号」，或「所属园区 + 项目名称 + 企业名称」`,
  // The English template and export (?lang=en) import too: their sheet, headers and choices.
  otherNames: LEDGER_ENGLISH_NAMES,
  otherSheet: isEnglishLedgerSheet,
  canonical: canonicalCellText,
};

/**
 * Problems as the file names its columns: a column the file heads in English ("Current
 * stage") is named so, in the problem's column and where the message quotes it
 * (「当前阶段」→「Current stage」), and a refused choice lists the English choices. The
 * messages stay Chinese sentences (the server's source text); Chinese headers are untouched.
 */
export function asWritten(parsed: Pick<ParsedLedger, "english">, issues: RowIssue[], columns: readonly LedgerColumn[] = LEDGER_COLUMNS): RowIssue[] {
  if (parsed.english.size === 0) return issues;
  const byHeader = new Map<string, { key: string; text: string }>();
  for (const [key, text] of parsed.english) byHeader.set(columns.find((c) => c.key === key)!.header, { key, text });
  return issues.map((issue) => {
    const named = byHeader.get(issue.column);
    if (!named) return issue;
    let message = issue.message;
    if (message === CHOICE_REFUSAL[named.key]) {
      message = englishChoiceRefusal(named.key, named.text);
    } else {
      for (const [zh, { text }] of byHeader) message = message.split(`「${zh}」`).join(`「${text}」`);
    }
    return { ...issue, column: named.text, message };
  });
}

/**
 * A choice column's refusal (CHOICE_REFUSAL) naming the column by `header` and listing the
 * English choices the import reads: for a column headed in English, and for an English reader
 * of a Chinese file (the server's English of this shape then quotes the header as written).
 */
export function englishChoiceRefusal(key: string, header: string): string {
  const column = LEDGER_COLUMNS.find((c) => c.key === key)!;
  const choices = englishChoices(column.type).map((c) => c.en);
  return column.type === "flag" ? `「${header}」须填写 ${choices[0]} 或 ${choices[1]}（空白为 ${choices[1]}）` : `「${header}」须为 ${choices.join("/")} 之一`;
}

/** Required columns a file left out: a new project's row needs them. */
export function missingRequired(present: ReadonlySet<string>): string[] {
  return IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.key)).map((c) => c.key);
}

/** The 项目台账 sheet of an uploaded workbook (or the English template's and export's, `LEDGER_SHEET_EN`). */
export async function parseLedgerWorkbook(bytes: Uint8Array): Promise<ParsedLedger> {
  return parseSheet(await loadWorkbook(bytes), LEDGER_SPEC);
}

/** Every importable column's text, blank where the file has no such column (a new project's row). */
export function withAllColumns(texts: LedgerTexts): LedgerTexts {
  const out: LedgerTexts = { ...texts };
  for (const column of IMPORT_COLUMNS) if (!(column.key in out)) out[column.key] = null;
  return out;
}
