import "server-only";
// Importing a park's annual plan sheet (年度计划表, written by plans-export.ts or filled in
// by hand) for one year: each row names a project by 项目编号 and gives its 本年计划投资 and
// the two flags. The preview runs the very writes of the import in a transaction that is
// rolled back, so it reports exactly what the import would do, refusals included; the
// import writes every row or none. Kept apart from the ledger import files.

import ExcelJS from "exceljs";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor } from "@/lib/domain/permissions";
import { describePlan } from "@/lib/domain/year-plans";
import { type PlanSheetIssue, plansSheetQuerySchema } from "@/lib/validation/year-plans";
import { hasUnstorableChars } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";
import { type YearPlanWriteResult } from "@/lib/server/plans/write-year-plan";
import { dryRun, writePlansBatch } from "@/lib/server/plans/write-plans-batch";
import { PLAN_SHEET, PLAN_SHEET_COLUMNS, planSheetWords } from "./plans-export";
import { assertXlsxContainer } from "./xlsx-container";

/** Most data rows one plan sheet takes (a park has a few hundred projects). */
export const MAX_PLAN_ROWS = 3000;
const HEADER_SEARCH_ROWS = 10;

type Key = "code" | "plannedInvestment" | "planStart" | "planProduction" | "note";
const EN = planSheetWords("en");
/** Header names each column is found by: the Chinese sheet's, a few aliases, the English sheet's (messages plans.sheet). */
const HEADERS: Record<Key, string[]> = {
  code: [PLAN_SHEET_COLUMNS.code, EN.columns.code],
  plannedInvestment: [PLAN_SHEET_COLUMNS.plannedInvestment, "本年计划投资", "计划投资（万元）", "计划投资", EN.columns.plannedInvestment],
  planStart: [PLAN_SHEET_COLUMNS.planStart, "计划开工", "计划当年开工", EN.columns.planStart],
  planProduction: [PLAN_SHEET_COLUMNS.planProduction, "计划投产", "计划当年投产", EN.columns.planProduction],
  note: [PLAN_SHEET_COLUMNS.note, EN.columns.note],
};
const COLUMN_OF: Record<Key, string> = {
  code: PLAN_SHEET_COLUMNS.code,
  plannedInvestment: PLAN_SHEET_COLUMNS.plannedInvestment,
  planStart: PLAN_SHEET_COLUMNS.planStart,
  planProduction: PLAN_SHEET_COLUMNS.planProduction,
  note: PLAN_SHEET_COLUMNS.note,
};
/** A Chinese column name → the English sheet's, for naming an English file's columns in a problem as the file does. */
const ENGLISH_COLUMN = new Map(Object.entries(PLAN_SHEET_COLUMNS).map(([key, zh]) => [zh as string, EN.columns[key as keyof typeof PLAN_SHEET_COLUMNS]]));

const FLAG_WORDS = new Map<string, boolean>([
  ["是", true],
  ["√", true],
  ["✓", true],
  ["y", true],
  ["yes", true],
  ["true", true],
  ["1", true],
  ["否", false],
  ["×", false],
  ["n", false],
  ["no", false],
  ["false", false],
  ["0", false],
]);

interface SheetRow {
  row: number;
  cells: Record<Key, string | null>;
}

/** A header or title cell as comparable text: no marks of required columns, brackets full-width, no spaces, lower case (English headers in any case). */
const normalHeader = (text: string): string => text.trim().replace(/^\*|\*$/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/\s+/g, "").toLowerCase();
const headerText = (v: unknown): string => {
  const text = v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText) ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("") : v == null ? "" : String(v);
  return normalHeader(text);
};
/** A plan sheet's year in its title: "… 2026 年度计划表（…" or "… 2026 annual plan (…". */
const TITLE_YEAR = /((?:19|20)\d{2})(?:年度计划|annualplan)/;

/** A cell as text, or the reason it cannot be read. Formulas are refused: the import stores what the person sees, not a cached result. */
function cellText(value: ExcelJS.CellValue): { text: string | null } | { error: string } {
  if (value === null || value === undefined) return { text: null };
  if (typeof value === "number") return { text: String(value) };
  if (typeof value === "boolean") return { text: value ? "是" : "否" };
  if (typeof value === "string") return { text: value.trim() === "" ? null : value.trim() };
  if (value instanceof Date) return { error: "不能是日期" };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { error: "请勿使用公式，请复制后“粘贴为数值”" };
    if ("error" in value) return { error: `单元格为错误值 ${String((value as { error: unknown }).error)}` };
    if ("richText" in value) return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("").trim() || null };
    if ("text" in value) return { text: String((value as { text: unknown }).text).trim() || null };
  }
  return { error: "无法读取该单元格" };
}

/** Reads the sheet: header by names (with a few aliases), the title's year against `year`, data rows as texts. */
async function readPlanSheet(bytes: Uint8Array, year: number): Promise<{ rows: SheetRow[]; issues: PlanSheetIssue[]; hasNote: boolean; english: boolean }> {
  assertXlsxContainer(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError("VALIDATION", "文件已损坏或不是 Excel 工作簿（.xlsx），无法读取；请在 Excel 中打开后重新保存再上传");
  }
  const sheet =
    workbook.getWorksheet(PLAN_SHEET) ??
    workbook.worksheets.find((w) => normalHeader(w.name) === normalHeader(EN.sheet)) ??
    (workbook.worksheets.length === 1 ? workbook.worksheets[0] : undefined);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => `「${w.name}」`).join("、") || "（无）";
    throw new AppError("VALIDATION", `找不到名为「${PLAN_SHEET}」的工作表（本文件的工作表：${names}）；请先在年度计划页面导出计划表，在其中填写`);
  }
  let headerRow = 0;
  const columns = new Map<Key, number>();
  // An English sheet's problems name its columns as it does.
  let english = false;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && headerRow === 0; r++) {
    const row = sheet.getRow(r);
    const texts = new Map<string, number>();
    row.eachCell((cell, col) => {
      const t = headerText(cell.value);
      if (t && !texts.has(t)) texts.set(t, col);
    });
    if (HEADERS.code.some((n) => texts.has(normalHeader(n)))) {
      headerRow = r;
      english = texts.has(normalHeader(EN.columns.code));
      for (const [key, names] of Object.entries(HEADERS) as [Key, string[]][]) {
        const found = names.map((n) => texts.get(normalHeader(n))).find((c) => c !== undefined);
        if (found !== undefined) columns.set(key, found);
      }
    } else {
      // A title above the header naming another year: the wrong file for this import.
      row.eachCell((cell) => {
        const m = TITLE_YEAR.exec(headerText(cell.value));
        if (m && Number(m[1]) !== year) throw new AppError("VALIDATION", `这是 ${m[1]} 年的计划表，当前要导入的是 ${year} 年；请选择正确的年度或文件`);
      });
    }
  }
  if (headerRow === 0) throw new AppError("VALIDATION", `「${sheet.name}」工作表的前 ${HEADER_SEARCH_ROWS} 行中没有表头（找不到「${PLAN_SHEET_COLUMNS.code}」列）；请使用导出的年度计划表`);
  const missing = (["plannedInvestment", "planStart", "planProduction"] as Key[]).filter((k) => !columns.has(k)).map((k) => `「${english ? EN.columns[k] : COLUMN_OF[k]}」`);
  if (missing.length > 0) throw new AppError("VALIDATION", `表头缺少列：${missing.join("、")}；请使用导出的年度计划表`);

  const rows: SheetRow[] = [];
  const issues: PlanSheetIssue[] = [];
  let tooMany = false;
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber <= headerRow || tooMany) return;
    const cells = { code: null, plannedInvestment: null, planStart: null, planProduction: null, note: null } as Record<Key, string | null>;
    let any = false;
    for (const [key, col] of columns) {
      const read = cellText(row.getCell(col).value);
      if ("error" in read) {
        issues.push({ row: rowNumber, column: COLUMN_OF[key], message: `${COLUMN_OF[key]}${read.error}` });
        any = true;
      } else {
        cells[key] = read.text;
        if (read.text !== null && key === "code") any = true;
        if (read.text !== null && key !== "code") any = true;
      }
    }
    if (!any) return;
    if (rows.length >= MAX_PLAN_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  if (tooMany) throw new AppError("VALIDATION", `一次最多导入 ${MAX_PLAN_ROWS} 行，本文件超出；请拆分后分批导入`);
  if (rows.length === 0 && issues.length === 0) throw new AppError("VALIDATION", `「${sheet.name}」工作表在表头以下没有数据行`);
  return { rows, issues, hasNote: columns.has("note"), english };
}

export interface PlanImportChange {
  row: number;
  code: string;
  name: string;
  before: string;
  after: string;
}

export interface PlanImportPreview {
  parkId: number;
  parkName: string;
  year: number;
  rows: number;
  /** Plans created or changed. */
  set: number;
  /** Projects taken out of the year's plan (all three cells blank). */
  removed: number;
  unchanged: number;
  errors: PlanSheetIssue[];
  /** Up to 50 of the changes, in sheet order. */
  changes: PlanImportChange[];
}

/** A plan sheet refused as a whole: every problem by row and column. */
export class PlanImportRejected extends AppError {
  constructor(readonly issues: PlanSheetIssue[]) {
    super("VALIDATION", `计划表中有 ${issues.length} 个问题，未导入任何内容；请在 Excel 中修改后重新上传`);
  }
}

const FIELD_COLUMN: Record<string, string> = {
  projectId: PLAN_SHEET_COLUMNS.code,
  year: PLAN_SHEET_COLUMNS.code,
  plannedInvestment: PLAN_SHEET_COLUMNS.plannedInvestment,
  planStart: PLAN_SHEET_COLUMNS.planStart,
  planProduction: PLAN_SHEET_COLUMNS.planProduction,
  note: PLAN_SHEET_COLUMNS.note,
};

/** Runs the sheet's rows through writeYearPlan in `tx`: the outcome of each, and every problem by row and column. */
async function applySheet(actor: Actor, parkId: number, year: number, bytes: Uint8Array, tx: Prisma.TransactionClient) {
  const sheet = await readPlanSheet(bytes, year);
  const issues = [...sheet.issues];
  const codes = [...new Set(sheet.rows.map((r) => r.cells.code).filter((c): c is string => c !== null))];
  const projects = await tx.project.findMany({ where: { parkId, code: { in: codes } }, select: { id: true, code: true, name: true } });
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const seen = new Map<string, number>();
  const items: { row: SheetRow; project: { id: number; code: string; name: string }; input: Record<string, unknown> }[] = [];
  for (const r of sheet.rows) {
    const code = r.cells.code;
    if (code === null) {
      issues.push({ row: r.row, column: PLAN_SHEET_COLUMNS.code, message: "请填写项目编号" });
      continue;
    }
    if (hasUnstorableChars(code)) {
      issues.push({ row: r.row, column: PLAN_SHEET_COLUMNS.code, message: "项目编号含有无法保存的字符" });
      continue;
    }
    if (seen.has(code)) {
      issues.push({ row: r.row, column: PLAN_SHEET_COLUMNS.code, message: `项目编号 ${code} 与第 ${seen.get(code)} 行重复` });
      continue;
    }
    seen.set(code, r.row);
    const project = byCode.get(code);
    if (!project) {
      issues.push({ row: r.row, column: PLAN_SHEET_COLUMNS.code, message: `项目编号 ${code} 不存在或不属于本园区` });
      continue;
    }
    const flag = (key: "planStart" | "planProduction") => {
      const t = r.cells[key];
      if (t === null) return false;
      const v = FLAG_WORDS.get(t.toLowerCase());
      if (v === undefined) issues.push({ row: r.row, column: COLUMN_OF[key], message: `${COLUMN_OF[key]}请填“是”或“否”（或留空），不能是“${t.slice(0, 20)}”` });
      return v ?? false;
    };
    const planStart = flag("planStart");
    const planProduction = flag("planProduction");
    items.push({
      row: r,
      project,
      input: { projectId: project.id, year, plannedInvestment: r.cells.plannedInvestment, planStart, planProduction, ...(sheet.hasNote ? { note: r.cells.note } : {}) },
    });
  }
  const outcome = await writePlansBatch(
    tx,
    actor,
    items.map((it, i) => ({ input: it.input, opts: { via: "import" as const, field: `r${i}` } })),
  );
  outcome.errors.forEach((e, i) => {
    if (!e) return;
    const fields = Object.entries(e.fieldErrors ?? {});
    if (fields.length === 0) issues.push({ row: items[i].row.row, column: PLAN_SHEET_COLUMNS.code, message: e.message });
    for (const [k, messages] of fields) {
      const field = k.split(".").slice(1).join(".");
      for (const m of messages) issues.push({ row: items[i].row.row, column: FIELD_COLUMN[field] ?? PLAN_SHEET_COLUMNS.code, message: m });
    }
  });
  issues.sort((a, b) => a.row - b.row);
  if (sheet.english) for (const i of issues) i.column = ENGLISH_COLUMN.get(i.column) ?? i.column;
  const done = outcome.results.map((r, i) => ({ result: r, item: items[i] })).filter((x): x is { result: YearPlanWriteResult; item: (typeof items)[number] } => x.result !== null);
  return { rows: sheet.rows.length, issues, done };
}

async function scope(actor: Actor, query: unknown) {
  const { park: parkId, year } = parseOrThrow(plansSheetQuerySchema, query);
  assertCan(actor, "project.write", parkId, "园区");
  const db = getDb();
  const park = await db.park.findUnique({ where: { id: parkId }, select: { name: true } });
  if (!park) throw notFound("园区");
  await assertParkOpen(db, parkId, "park");
  return { db, parkId, parkName: park.name, year };
}

function summarise(s: { parkId: number; parkName: string; year: number }, applied: Awaited<ReturnType<typeof applySheet>>): PlanImportPreview {
  const count = (o: YearPlanWriteResult["outcome"]) => applied.done.filter((d) => d.result.outcome === o).length;
  return {
    parkId: s.parkId,
    parkName: s.parkName,
    year: s.year,
    rows: applied.rows,
    set: count("set"),
    removed: count("removed"),
    unchanged: count("unchanged"),
    errors: applied.issues,
    changes: applied.done
      .filter((d) => d.result.outcome !== "unchanged")
      .slice(0, 50)
      .map((d) => ({ row: d.item.row.row, code: d.item.project.code, name: d.item.project.name, before: describePlan(d.result.before), after: describePlan(d.result.after) })),
  };
}

/** What importing the sheet for (park, year) would do, exactly: the import's own writes, rolled back. project.write in the park. */
export async function previewPlanImport(actor: Actor, query: unknown, bytes: Uint8Array): Promise<PlanImportPreview> {
  const s = await scope(actor, query);
  return dryRun(s.db, async (tx) => summarise(s, await applySheet(actor, s.parkId, s.year, bytes, tx)));
}

/**
 * Imports the sheet for (park, year): every row through writeYearPlan (audited per project,
 * via "import") and one summary row `plan.import`, in one transaction; any problem and
 * nothing is written (PlanImportRejected with all of them). Importing the same file again
 * changes nothing.
 */
export async function commitPlanImport(actor: Actor, query: unknown, bytes: Uint8Array, fileName: string): Promise<PlanImportPreview & { message: string }> {
  const s = await scope(actor, query);
  return s.db.$transaction(
    async (tx) => {
      const applied = await applySheet(actor, s.parkId, s.year, bytes, tx);
      if (applied.issues.length > 0) throw new PlanImportRejected(applied.issues);
      const summary = summarise(s, applied);
      if (summary.set + summary.removed > 0) {
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "plan.import",
          entityType: "YearPlan",
          entityId: `${s.parkId}-${s.year}`,
          parkId: s.parkId,
          after: { year: s.year, fileName, rows: summary.rows, saved: summary.set, removed: summary.removed, unchanged: summary.unchanged },
        });
      }
      const message =
        summary.set + summary.removed === 0
          ? `计划表与系统中的 ${s.year} 年计划一致，没有需要导入的修改`
          : `已导入 ${s.parkName} ${s.year} 年计划：设置或修改 ${summary.set} 项，移出计划 ${summary.removed} 项，未变 ${summary.unchanged} 项`;
      return { ...summary, message };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
