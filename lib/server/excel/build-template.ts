import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { KEY_LEVEL_LABELS, SOURCE_LABELS } from "@/lib/domain/labels";
import { IMPORT_COLUMNS, LEDGER_SHEET, STAGE_CHOICES, columnLetter } from "@/lib/domain/ledger-columns";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { forbidden } from "@/lib/server/errors";
import { MAX_IMPORT_ROWS } from "./parse-ledger-workbook";

const NUM_FMT: Record<string, string> = { money: "#,##0.00", area: "#,##0.00", date: "yyyy-mm-dd" };

/**
 * The empty ledger template: the 项目台账 sheet with the import's columns (required ones in
 * red), number and date formats and drop-down lists (the actor's writable parks, stages,
 * sources, levels), and a 填写说明 sheet listing every column's rule.
 */
export async function buildTemplate(actor: Actor): Promise<Buffer> {
  const writable = parksWith(actor, "project.write");
  if (writable.length === 0) throw forbidden("下载台账模板");
  const parks = await getDb().park.findMany({ where: { id: { in: writable } }, select: { name: true }, orderBy: { id: "asc" } });

  const wb = new ExcelJS.Workbook();
  wb.creator = actor.name;
  const ws = wb.addWorksheet(LEDGER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const lists = wb.addWorksheet("选项", { state: "hidden" });
  const help = wb.addWorksheet("填写说明");

  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {} }));
  const header = ws.getRow(1);
  header.height = 30;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? "FFC00000" : "FF1E293B" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.note = `${c.required ? "必填。" : ""}${c.hint}`;
  });

  // Drop-down choices live on a hidden sheet (a list longer than 255 characters cannot be inline).
  const choice: Record<string, string[]> = {
    park: parks.map((p) => p.name),
    industry: [...COMMON_INDUSTRIES],
    source: Object.values(SOURCE_LABELS),
    keyLevel: Object.values(KEY_LEVEL_LABELS),
    stage: STAGE_CHOICES,
    planStartThisYear: ["是", "否"],
    planProductionThisYear: ["是", "否"],
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
      formulae: [`选项!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`],
      showErrorMessage: true,
      errorStyle: key === "industry" ? "warning" : "stop",
      errorTitle: IMPORT_COLUMNS[index - 1].header,
      error: IMPORT_COLUMNS[index - 1].hint,
    });
  }

  help.columns = [
    { header: "列名", key: "header", width: 22 },
    { header: "是否必填", key: "required", width: 10 },
    { header: "填写要求", key: "hint", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of IMPORT_COLUMNS) help.addRow({ header: c.header, required: c.required ? "必填" : "", hint: c.hint });
  help.addRow([]);
  for (const line of [
    `数据填写在「${LEDGER_SHEET}」工作表。表头可以在前 20 行中的任一行（上方可以有标题），也可以是两行（合并的分组标题在上、列名在下）；列的顺序可以调整，不需要的列可以删除。`,
    "日期请填写为 Excel 日期或 2026-03-01 形式的文本；金额单位为万元，请填写数字，不要带单位（表头写明亿元的表会被拒绝，请先换算）。",
    "单元格不能是公式：请复制后“选择性粘贴为数值”。",
    "已有项目：填写「项目编号」，或「所属园区 + 项目名称 + 企业名称」与系统中一致，即更新该项目；表中有的列按表中内容更新，没有的列不改动。与系统中完全一致的行会被跳过，重复导入同一文件不会改动任何内容。",
    "已有项目的阶段只能向后推进（填写新到达阶段的日期，落地须有注册日期）；已到达阶段的日期、回退、暂缓和终止请在项目页操作。",
    "包保责任人、包保领导填写本园区人员的用户名，或本园区唯一的姓名（同名时写作「姓名（用户名）」）；更换后原包保结束，新包保从导入当日开始。",
    "期初累计完成投资 / 期初累计到位资金：开始在系统中按月填报之前的累计数；此后的累计数 = 期初 + 各月填报之和。",
    `一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString("zh-CN")} 行；全部行检查通过后才会一次性写入，任何一行有问题则不写入任何内容。`,
  ]) help.addRow([line]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
