import "server-only";
// Writes one sheet with exceljs's streaming WorkbookWriter: rows are committed as they come
// and flushed to `out`, waiting for the reader when its buffer is full, so memory stays flat
// however many rows an export has. Shared by the project, problem and progress exports.

import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { isoToDate } from "@/lib/domain/dates";
import { formatDateTimeIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

export type ExportColumnType = "text" | "money" | "area" | "date" | "int";

export interface ExportColumn {
  header: string;
  type: ExportColumnType;
  width: number;
}

export interface ExportSheet {
  name: string;
  /** First line: what this is and the filter (in the export's language). */
  title: string;
  actorName: string;
  /** Second line: when, by whom, the money unit; the Chinese line when not given. */
  exportedLine?: (time: Date) => string;
  columns: readonly ExportColumn[];
}

/** A row's values as the queries give them: text, decimal text, YYYY-MM-DD, numbers, null. */
export type ExportRow = (string | number | null)[];

const NUM_FMT: Partial<Record<ExportColumnType, string>> = { money: "#,##0.00", area: "#,##0.00", date: "yyyy-mm-dd", int: "0" };

function cellValue(type: ExportColumnType, v: string | number | null): ExcelJS.CellValue {
  if (v === null || v === "") return null;
  if (type === "date") return isoToDate(String(v));
  if (type === "money" || type === "area" || type === "int") return typeof v === "number" ? v : Number(v);
  return String(v);
}

// A download the browser gave up on destroys `out` without an error: stop reading then,
// instead of waiting for a "drain" that never comes with a query's rows in memory.
const closed = () => new Error("the download was closed before the export finished");

async function drained(out: Writable): Promise<void> {
  if (out.destroyed) throw closed();
  if (!out.writableNeedDrain) return;
  await new Promise<void>((resolve, reject) => {
    const stop = () => {
      out.off("drain", done);
      out.off("error", fail);
      out.off("close", gone);
    };
    const done = () => {
      stop();
      resolve();
    };
    const fail = (e: Error) => {
      stop();
      reject(e);
    };
    const gone = () => fail(closed());
    out.once("drain", done);
    out.once("error", fail);
    out.once("close", gone);
  });
}

/**
 * An export's second line in another language than Chinese: its own "exported" message with
 * the time (Beijing) and who; undefined keeps the Chinese line (导出时间…导出人…).
 */
export function exportedLineIn(locale: Locale, actorName: string, exported: (args: { time: string; name: string }) => string): ExportSheet["exportedLine"] {
  return locale === "zh-CN" ? undefined : (now) => exported({ time: formatDateTimeIn(locale, now), name: actorName });
}

/** Rows of the sheet header block: title, who/when, blank-free header row at HEADER_ROW. */
export const HEADER_ROW = 3;

/** Streams the sheet to `out` and ends it; returns the number of data rows written. */
export async function streamWorkbook(out: Writable, sheet: ExportSheet, batches: AsyncIterable<ExportRow[]>, now = new Date()): Promise<number> {
  // The first rows are read before the writer puts a byte out, so a query that fails at once
  // is answered with an error status (streamedXlsx waits for the first bytes), not a 200
  // that breaks off.
  const rows = batches[Symbol.asyncIterator]();
  let next = await rows.next();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = sheet.actorName;
  workbook.created = now;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));

  const title = ws.addRow([sheet.title]);
  title.getCell(1).font = { bold: true, size: 13 };
  title.commit();
  ws.addRow([sheet.exportedLine ? sheet.exportedLine(now) : `导出时间：${formatDateTimeZh(now)}（北京时间）　导出人：${sheet.actorName}　金额单位：万元`]).commit();
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { vertical: "middle", wrapText: true };
  });
  header.commit();

  let count = 0;
  for (; !next.done; next = await rows.next()) {
    for (const values of next.value) {
      const row = ws.addRow(values.map((v, i) => cellValue(sheet.columns[i].type, v)));
      sheet.columns.forEach((c, i) => {
        const fmt = NUM_FMT[c.type];
        if (fmt && values[i] !== null) row.getCell(i + 1).numFmt = fmt;
      });
      row.commit();
      count++;
    }
    await drained(out);
  }
  ws.commit();
  await workbook.commit();
  return count;
}

/** Content-Disposition with a UTF-8 file name (RFC 5987) and an ASCII fallback. */
export function attachmentHeader(fileName: string): string {
  // Old clients get the ASCII part ("export-2026-11-23.xlsx"); every browser today reads filename*.
  const ascii = `export-${fileName.replace(/[^\x21-\x7e]+/g, "").replace(/["\\;]/g, "").replace(/^[-_.]+/, "")}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
