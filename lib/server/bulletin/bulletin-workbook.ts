import "server-only";
// The monthly bulletin as an .xlsx: the same content as the printed page, one sheet per
// part. Small by nature (one row per indicator, per park, and at most BULLETIN_LIST_LIMIT
// red projects and overdue problems), so it is built in memory, unlike the ledger exports.

import ExcelJS from "exceljs";
import { formatChange } from "@/lib/domain/bulletin";
import { formatYearMonth } from "@/lib/domain/filing";
import { INDICATOR_DEFS } from "@/lib/domain/indicators";
import { LIGHT_LABELS } from "@/lib/domain/warnings";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import type { Bulletin } from "./get-bulletin";

const PERCENT = "0.0%";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  return row;
}

function title(ws: ExcelJS.Worksheet, b: Bulletin, text: string) {
  ws.addRow([`${b.scopeName} ${formatYearMonth(b.month)} ${text}`]).font = { bold: true, size: 14 };
  ws.addRow([`统计期：${b.month.year}年1月至${b.month.month}月；签约批次：${b.month.year}年签约项目；对比：截至${formatYearMonth(b.previous)}。生成时间：${b.generatedAt.slice(0, 16).replace("T", " ")} UTC`]);
  ws.addRow([]);
}

const rateOrNull = (x: number | null) => (x === null ? "—" : x);

/** The whole bulletin as an .xlsx file. */
export async function bulletinWorkbook(b: Bulletin): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "园区项目全生命周期跟踪";
  wb.created = new Date(b.generatedAt);

  const summary = wb.addWorksheet("主要指标");
  title(summary, b, "项目推进月度通报");
  header(summary, ["指标", "口径", `截至${formatYearMonth(b.month)}`, `截至${formatYearMonth(b.previous)}`, "变化", "分子", "分母", "单位", "计算公式"]);
  for (const i of b.indicators) {
    const row = summary.addRow([i.label, i.convention, rateOrNull(i.current), rateOrNull(i.previous), formatChange(i.changePoints), Number(i.numerator), Number(i.denominator), i.unit === "money" ? "万元" : "个", i.formula]);
    row.getCell(3).numFmt = PERCENT;
    row.getCell(4).numFmt = PERCENT;
    if (i.unit === "money") for (const c of [6, 7]) row.getCell(c).numFmt = "#,##0.00";
  }
  summary.addRow([]);
  summary.addRow(["序时进度", "", b.timeProgress]).getCell(3).numFmt = PERCENT;
  summary.addRow(["签约项目（个）", "", b.counts.signed, b.previousCounts.signed]);
  summary.addRow(["合同引资额（万元）", "", Number(b.counts.contractInvestment), Number(b.previousCounts.contractInvestment)]);
  summary.addRow(["应开工未开工（个）", "", b.counts.dueNotStarted, b.previousCounts.dueNotStarted]);
  summary.columns = [{ width: 16 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 60 }];

  const rankSheet = wb.addWorksheet("园区排名");
  const rankLabel = INDICATOR_DEFS.find((d) => d.key === b.rankKey)?.label ?? b.rankKey;
  title(rankSheet, b, `园区排名（按${rankLabel}）`);
  header(rankSheet, ["排名", "上月排名", "榜单", "园区", "市州", ...INDICATOR_DEFS.map((d) => `${d.label}（${d.convention}）`)]);
  const redIds = new Set(b.red.map((r) => r.row.parkId));
  const blackIds = new Set(b.black.map((r) => r.row.parkId));
  for (const r of b.ranking) {
    const list = redIds.has(r.row.parkId) ? "红榜" : blackIds.has(r.row.parkId) ? "黑榜" : "";
    const rates = INDICATOR_DEFS.map((d) => rateOrNull(r.row.indicators.find((i) => i.key === d.key)?.rate ?? null));
    const row = rankSheet.addRow([r.rank ?? "—", r.previousRank ?? "—", list, r.row.parkName, r.row.regionName, ...rates]);
    for (let c = 6; c < 6 + rates.length; c++) row.getCell(c).numFmt = PERCENT;
  }
  rankSheet.columns = [{ width: 8 }, { width: 10 }, { width: 8 }, { width: 22 }, { width: 12 }, ...INDICATOR_DEFS.map(() => ({ width: 14 }))];

  const redSheet = wb.addWorksheet("红灯项目");
  title(redSheet, b, "红灯项目（督办）");
  redSheet.addRow([`共 ${b.redProjects.total} 个${b.redProjects.total > b.redProjects.rows.length ? `，此处列出前 ${b.redProjects.rows.length} 个` : ""}（截至生成时）`]);
  header(redSheet, ["项目编号", "项目名称", "园区", "企业", "阶段", "计划开工日期", "包保责任人", "包保领导", "亮灯", "原因"]);
  for (const p of b.redProjects.rows) {
    const row = redSheet.addRow([
      p.code,
      p.name,
      p.parkName,
      p.enterpriseName,
      STAGE_LABELS[p.stage as Stage] ?? p.stage,
      p.plannedStartDate ? new Date(`${p.plannedStartDate}T00:00:00Z`) : null,
      p.liaisonName ?? "",
      p.leaderName ?? "",
      p.light.overall ? LIGHT_LABELS[p.light.overall] : "",
      p.light.reasons.join("；"),
    ]);
    row.getCell(6).numFmt = "yyyy-mm-dd";
  }
  redSheet.columns = [{ width: 16 }, { width: 30 }, { width: 18 }, { width: 26 }, { width: 8 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 8 }, { width: 60 }];

  const overdueSheet = wb.addWorksheet("超期问题");
  title(overdueSheet, b, "超期未办结的企业诉求");
  overdueSheet.addRow([`共 ${b.overdue.total} 件${b.overdue.total > b.overdue.items.length ? `，此处列出超期最久的 ${b.overdue.items.length} 件` : ""}（截至生成时）`]);
  header(overdueSheet, ["编号", "问题", "类别", "园区", "企业", "协调层级", "办结时限", "超期天数"]);
  for (const i of b.overdue.items) {
    const row = overdueSheet.addRow([i.code, i.title, i.category, i.parkName, i.enterpriseName, `${i.level} 级`, new Date(`${i.resolveDeadline}T00:00:00Z`), i.overdueDays]);
    row.getCell(7).numFmt = "yyyy-mm-dd";
  }
  overdueSheet.addRow([]);
  header(overdueSheet, ["园区", "超期件数"]);
  for (const p of b.overdue.byPark) overdueSheet.addRow([p.parkName, p.overdue]);
  overdueSheet.columns = [{ width: 16 }, { width: 36 }, { width: 12 }, { width: 18 }, { width: 26 }, { width: 10 }, { width: 12 }, { width: 10 }];

  return Buffer.from(await wb.xlsx.writeBuffer());
}
