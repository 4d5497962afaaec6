import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { createTranslator } from "use-intl/core";
import { lastCompletedMonth } from "@/lib/domain/filing";
import { todayInShanghai } from "@/lib/domain/dates";
import { PROGRESS_COLUMNS } from "@/lib/domain/ledger-columns";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { forbidden } from "@/lib/server/errors";
import { MAX_IMPORT_ROWS } from "./parse-ledger-workbook";

const NUM_FMT: Record<string, string> = { money: "#,##0.00" };

/**
 * The template's words in one language: the sheet and headers are the progress export's
 * (messages progress.export, whose Chinese equal PROGRESS_SHEET / PROGRESS_COLUMNS by test), so
 * the import reads both languages; title, notes and file name from progress.template.
 */
function templateWords(locale: Locale) {
  const m = MESSAGES[locale].progress;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "progress.template" });
  const hints = m.template.hints as Record<string, string>;
  return {
    t,
    sheet: m.export.sheet,
    header: (key: string) => (m.export.columns as Record<string, string>)[key] ?? key,
    hint: (key: string) => hints[key],
  };
}

/**
 * The monthly figures template for last month: one row per project the actor files for
 * (progress.file, a liaison's own projects; started or producing and active), with the
 * month's figures already filed, if any: filled in and imported, it files the months still
 * missing and corrects the ones changed; imported untouched, it changes nothing. In Chinese,
 * or in `locale` (sheet, title, headers, notes; the same cells).
 */
export async function buildProgressTemplate(actor: Actor, today = todayInShanghai(), locale: Locale = "zh-CN"): Promise<{ fileName: string; bytes: Buffer }> {
  const parks = parksWith(actor, "progress.file");
  if (parks.length === 0) throw forbidden("下载月报模板");
  const ym = lastCompletedMonth(today);
  const projects = await getDb().project.findMany({
    where: { AND: [visibleProjectsWhere(actor), { parkId: { in: parks }, status: "ACTIVE", stage: { in: ["STARTED", "PRODUCING"] } }] },
    orderBy: [{ parkId: "asc" }, { code: "asc" }],
    take: MAX_IMPORT_ROWS,
    select: {
      code: true,
      name: true,
      park: { select: { name: true } },
      enterprise: { select: { name: true } },
      progressReports: { where: { year: ym.year, month: ym.month }, select: { investmentCompleted: true, fundsArrived: true, imageProgress: true, problems: true } },
    },
  });
  const columns = PROGRESS_COLUMNS.filter((c) => c.importable);
  const wb = new ExcelJS.Workbook();
  wb.creator = actor.name;
  const words = templateWords(locale);
  const month = { year: String(ym.year), month: String(ym.month) };
  const ws = wb.addWorksheet(words.sheet, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  ws.addRow([words.t("title", month)]).font = { bold: true };
  const header = ws.addRow(columns.map((c) => words.header(c.key)));
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? "FFC00000" : "FF1E293B" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.note = words.hint(c.key) || words.header(c.key);
  });
  for (const p of projects) {
    const r = p.progressReports[0];
    ws.addRow({
      code: p.code,
      name: p.name,
      park: p.park.name,
      enterpriseName: p.enterprise.name,
      year: ym.year,
      month: ym.month,
      investmentCompleted: r ? Number(r.investmentCompleted.toFixed(2)) : null,
      fundsArrived: r ? Number(r.fundsArrived.toFixed(2)) : null,
      imageProgress: r?.imageProgress ?? null,
      problems: r?.problems ?? null,
    });
  }
  return { fileName: words.t("file", { year: String(ym.year), month: String(ym.month).padStart(2, "0") }), bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
