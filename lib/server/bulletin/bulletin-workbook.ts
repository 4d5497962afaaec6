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
import type { CorrectionNotes } from "./bulletin-corrections";
import type { PublishedMeta } from "./published-bulletin";

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
  ws.addRow([`统计期：${b.month.year}年1月至${b.month.month}月，数据截至 ${b.asOf}；签约批次：${b.month.year}年签约项目；对比：截至 ${b.previousAsOf}。生成时间：${b.generatedAt.slice(0, 16).replace("T", " ")} UTC`]);
  ws.addRow([]);
}

const rateOrNull = (x: number | null) => (x === null ? "—" : x);

/** "定稿（第 2 版）：张三 于 2026-11-05 10:00 发布；更正原因：…" (Beijing time). */
function publishedStamp(p: PublishedMeta): string {
  const at = new Date(p.publishedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  const parts = [`定稿（第 ${p.revision} 版）：${p.publishedBy.name} 于 ${at} 发布`];
  if (p.correctionReason) parts.push(`更正原因：${p.correctionReason}`);
  if (p.supersededBy) parts.push(`本版已被第 ${p.supersededBy.revision} 版取代`);
  return parts.join("；");
}

/**
 * The whole bulletin as an .xlsx file. `corrections` adds the 更正说明 sheet; `published`
 * (a published bulletin) stamps every sheet with its version, publisher and time.
 */
export async function bulletinWorkbook(b: Bulletin, extra: { corrections?: CorrectionNotes; published?: PublishedMeta } = {}): Promise<Buffer> {
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
  redSheet.addRow([`共 ${b.redProjects.total} 个${b.redProjects.total > b.redProjects.rows.length ? `，此处列出前 ${b.redProjects.rows.length} 个` : ""}（截至 ${b.asOf}）`]);
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

  if (b.points) {
    const pts = b.points;
    const sheet = wb.addWorksheet("积分考核");
    title(sheet, b, `积分考核（${pts.periodLabel}）`);
    header(sheet, ["排名", "园区", "合计", "加分", "减分", "包保责任人得分", "包保领导得分", "责任单位得分", "积分事项数"]);
    for (const r of pts.parks) sheet.addRow([r.rank, r.name, r.total, r.plus, r.minus, r.liaisonPoints, r.leaderPoints, r.unitPoints, r.events]);
    sheet.addRow([]);
    sheet.addRow([`包保责任人积分前 ${pts.liaisons.length} 名（共 ${pts.liaisonTotal} 人有积分）`]).font = { bold: true };
    header(sheet, ["排名", "包保责任人", "园区", "合计", "加分", "减分", "积分事项数"]);
    for (const r of pts.liaisons) sheet.addRow([r.rank, r.name, r.parkNames, r.total, r.plus, r.minus, r.events]);
    sheet.columns = [{ width: 8 }, { width: 22 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }];
  }

  if (extra.corrections) {
    const c = extra.corrections;
    const sheet = wb.addWorksheet("更正说明");
    title(sheet, b, "更正说明");
    sheet.addRow([
      c.total === 0 ? "本期无对已定稿月份月报的更正。" : `本期经园区领导批准、对已定稿月份月报的更正共 ${c.total} 项${c.total > c.items.length ? `，此处列出前 ${c.items.length} 项` : ""}。`,
    ]);
    header(sheet, ["项目编号", "项目名称", "园区", "更正月份", "原本月完成投资", "更正后", "原本月到位资金", "更正后", "更正原因", "申请人", "批准人", "批准时间"]);
    for (const n of c.items) {
      const row = sheet.addRow([
        n.projectCode,
        n.projectName,
        n.parkName,
        formatYearMonth(n),
        n.before ? Number(n.before.investmentCompleted) : "未填报",
        Number(n.after.investmentCompleted),
        n.before ? Number(n.before.fundsArrived) : "未填报",
        Number(n.after.fundsArrived),
        n.reason,
        n.requestedByName,
        n.decidedByName,
        // Excel has no time zones: the cell shows Beijing time.
        new Date(Date.parse(n.decidedAt) + 8 * 3_600_000),
      ]);
      for (const col of [5, 6, 7, 8]) row.getCell(col).numFmt = "#,##0.00";
      row.getCell(12).numFmt = "yyyy-mm-dd hh:mm";
    }
    sheet.columns = [{ width: 16 }, { width: 30 }, { width: 18 }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 40 }, { width: 10 }, { width: 10 }, { width: 18 }];
  }
  if (extra.published) {
    const stamp = publishedStamp(extra.published);
    for (const ws of wb.worksheets) ws.spliceRows(2, 0, [stamp]);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
