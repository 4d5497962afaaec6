// Builds ledger workbooks for import tests and the benchmark.
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, LEDGER_SHEET } from "@/lib/domain/ledger-columns";

export type LedgerCells = Record<string, ExcelJS.CellValue>;

/** A workbook with the template's header row and one row per object (keys are column keys). */
export async function ledgerWorkbook(rows: LedgerCells[], opts: { sheetName?: string; extra?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheetName ?? LEDGER_SHEET);
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(IMPORT_COLUMNS.map((c) => (c.key in r ? r[c.key] : null)));
  opts.extra?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid row for `parkName`; dates as real Excel dates. */
export function ledgerRow(parkName: string, name: string, overrides: LedgerCells = {}): LedgerCells {
  return {
    park: parkName,
    name,
    enterpriseName: `${name}有限公司`,
    industry: "新材料",
    source: "以商招商",
    keyLevel: "市重点",
    totalInvestment: 12000.5,
    contractInvestment: 10000,
    registeredCapital: 3000,
    landArea: 85.25,
    signedDate: new Date(Date.UTC(2025, 2, 1)),
    plannedStartDate: new Date(Date.UTC(2025, 5, 1)),
    stage: "签约",
    ...overrides,
  };
}

/** A workbook of one sheet with exactly these rows (row 1 first) and merged ranges ("A1:F1"): titles, group headings, two-row headers. */
export async function sheetWorkbook(sheetName: string, rows: ExcelJS.CellValue[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r, i) => {
    r.forEach((v, j) => {
      if (v !== undefined && v !== null) ws.getCell(i + 1, j + 1).value = v;
    });
  });
  for (const m of merges) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
