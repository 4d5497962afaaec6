import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { IMPORT_COLUMNS, columnLetter } from "@/lib/domain/ledger-columns";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { forbidden } from "@/lib/server/errors";
import { templateWords } from "./ledger-english";
import { MAX_IMPORT_ROWS } from "./parse-ledger-workbook";

const NUM_FMT: Record<string, string> = { money: "#,##0.00", area: "#,##0.00", date: "yyyy-mm-dd" };

/**
 * The empty ledger template: the 项目台账 sheet with the import's columns (required ones in
 * red), number and date formats and drop-down lists (the actor's writable parks, stages,
 * sources, levels), and a 填写说明 sheet listing every column's rule. In English (`locale`
 * en) the sheets, headers, notes, choices and instructions are the English export's and
 * template's messages, which the import reads as well (lib/server/excel/ledger-english.ts);
 * park names and industry chains are the records' own words in both.
 */
export async function buildTemplate(actor: Actor, locale: Locale = "zh-CN"): Promise<Buffer> {
  const writable = parksWith(actor, "project.write");
  if (writable.length === 0) throw forbidden("下载台账模板");
  const parks = await getDb().park.findMany({ where: { id: { in: writable } }, select: { name: true }, orderBy: { id: "asc" } });

  const w = templateWords(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = actor.name;
  const ws = wb.addWorksheet(w.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  const listsName = w.t("choicesSheet");
  const lists = wb.addWorksheet(listsName, { state: "hidden" });
  const help = wb.addWorksheet(w.t("guideSheet"));

  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: w.header(c.key), key: c.key, width: c.width, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? "FFC00000" : "FF1E293B" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.note = c.required ? w.t("note", { hint: w.hint(c.key) }) : w.hint(c.key);
  });

  // Drop-down choices live on a hidden sheet (a list longer than 255 characters cannot be inline).
  const choice: Record<string, string[]> = {
    park: parks.map((p) => p.name),
    industry: [...COMMON_INDUSTRIES],
    source: w.choices.source,
    keyLevel: w.choices.keyLevel,
    stage: w.choices.stage,
    planStartThisYear: w.choices.flag,
    planProductionThisYear: w.choices.flag,
  };
  let listColumn = 0;
  // Drop-downs for the first 5,000 rows (the everyday size); more rows are still imported.
  const lastRow = 5_001;
  for (const [key, values] of Object.entries(choice)) {
    listColumn++;
    const letter = columnLetter(listColumn);
    values.forEach((v, i) => (lists.getCell(`${letter}${i + 1}`).value = v));
    const index = IMPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const target = columnLetter(index);
    // Industries may be the park's own: warn, do not stop; the others must be one of the list.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${target}2:${target}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`${listsName}!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`],
      showErrorMessage: true,
      errorStyle: key === "industry" ? "warning" : "stop",
      errorTitle: w.header(key),
      error: w.hint(key),
    });
  }

  help.columns = [
    { header: w.t("guideColumn"), key: "header", width: 22 },
    { header: w.t("guideRequired"), key: "required", width: 10 },
    { header: w.t("guideHint"), key: "hint", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow({ header: w.header(c.key), required: c.required ? w.t("required") : "", hint: w.hint(c.key) });
  help.addRow([]);
  for (const line of w.guide(MAX_IMPORT_ROWS)) help.addRow([line]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template's download name in a language. */
export const templateFileName = (locale: Locale): string => templateWords(locale).t("file");
