import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { lastCompletedMonth, formatYearMonth } from "@/lib/domain/filing";
import { todayInShanghai } from "@/lib/domain/dates";
import { PROGRESS_COLUMNS, PROGRESS_SHEET } from "@/lib/domain/ledger-columns";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { forbidden } from "@/lib/server/errors";
import { MAX_IMPORT_ROWS } from "./parse-ledger-workbook";

const NUM_FMT: Record<string, string> = { money: "#,##0.00" };

/**
 * The monthly figures template for last month: one row per project the actor files for
 * (progress.file, a liaison's own projects; started or producing and active), with the
 * month's figures already filed, if any: filled in and imported, it files the months still
 * missing and corrects the ones changed; imported untouched, it changes nothing.
 */
export async function buildProgressTemplate(actor: Actor, today = todayInShanghai()): Promise<{ fileName: string; bytes: Buffer }> {
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
  const ws = wb.addWorksheet(PROGRESS_SHEET, { views: [{ state: "frozen", ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  ws.addRow([`${formatYearMonth(ym)}月度填报（金额单位：万元；已填报的月份列出已报数，修改后导入即为更正）`]).font = { bold: true };
  const header = ws.addRow(columns.map((c) => c.header));
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? "FFC00000" : "FF1E293B" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.note = c.hint || c.header;
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
  return { fileName: `月度填报模板-${ym.year}-${String(ym.month).padStart(2, "0")}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}
