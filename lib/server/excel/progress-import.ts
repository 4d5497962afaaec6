import "server-only";
// The monthly figures import (月度填报导入): one sheet, one row per project and month, with
// 本月完成投资, 本月到位资金, 形象进度 and 存在问题. Every row goes through the filing service:
// the same checks (filingProblem: the month is over and not before the start, the project has
// started; progress.file in the project's park, a liaison only for the projects assigned to
// them; the closed-month check of published bulletins) and the same write
// (writeProgressReport: a first filing, or a correction of the month with its version, each
// audited). Previewed by a trial run that is rolled back, committed all or nothing in one
// transaction; the same file again changes nothing.

import { createHash } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type YearMonth, formatYearMonth, monthIndex } from "@/lib/domain/filing";
import { PROGRESS_COLUMNS, PROGRESS_SHEET } from "@/lib/domain/ledger-columns";
import { formatWan } from "@/lib/domain/money";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { type RowIssue, naturalKey } from "@/lib/validation/ledger-import";
import { type MonthFigures, monthOfRow, progressHeaderOf, validateMonthFigures } from "@/lib/validation/progress-import";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, forbidden, isAppError } from "@/lib/server/errors";
import { loadClosedMonths } from "@/lib/server/progress/closed-months";
import { filingProblem, writeProgressReport } from "@/lib/server/progress/file-progress-report";
import { IMPORT_TIMEOUT_MS, TRIAL_UPDATES_MAX, isTransactionTimeout } from "./commit-import";
import { issuesSummary, type FieldChange } from "./ledger-analysis";
import { PROGRESS_ENGLISH_NAMES, isEnglishProgressSheet } from "./ledger-english";
import { type ParsedLedger, type SheetSpec, asWritten, loadWorkbook, parseSheet } from "./parse-ledger-workbook";

type Tx = Prisma.TransactionClient;

export const PROGRESS_SPEC: SheetSpec = {
  sheet: PROGRESS_SHEET,
  columns: PROGRESS_COLUMNS,
  anchor: "name",
  templateName: "月度填报模板（或从项目页、月度填报导出的文件）",
  // The columns it lacks by the names of the file's language (an English header: "Month").
  identifies: (present, name) => {
    const unidentified = !present.has("code") && !(present.has("park") && present.has("enterpriseName"));
    const keys = [...(unidentified ? ["code", "park", "enterpriseName"] : []), "month", "investmentCompleted", "fundsArrived", "imageProgress"].filter((k) => !present.has(k));
    if (keys.length === 0) return null;
    const lacks = `缺少${keys.map((k) => `「${name(k)}」`).join("、")}列`;
    return unidentified ? `${lacks}；找项目要用「${name("code")}」，或「${name("park")}」与「${name("enterpriseName")}」` : lacks;
  },
  // The English progress export and template (?lang=en) import too: their sheet and headers
  // (messages progress.export), per column; a problem names an English column as the file does.
  otherNames: PROGRESS_ENGLISH_NAMES,
  otherSheet: isEnglishProgressSheet,
};

/** Problems naming the columns as the file heads them (an English header so). */
const asFileWrites = (parsed: ParsedLedger, issues: RowIssue[]) => asWritten(parsed, issues, PROGRESS_COLUMNS);

/** The refusals of a monthly import (nothing was written). */
export class ProgressImportRejectedError extends AppError {
  constructor(readonly issues: RowIssue[]) {
    super("VALIDATION", issuesSummary(issues));
  }
}

interface PlannedMonth {
  row: number;
  project: { id: number; parkId: number; code: string; name: string; parkName: string };
  ym: YearMonth;
  figures: MonthFigures;
  /** The stored report's version: a correction; null: a first filing. */
  version: number | null;
  changes: FieldChange[];
}

interface ProgressAnalysis {
  rowCount: number;
  planned: PlannedMonth[];
  unchanged: number;
  issues: RowIssue[];
  /** "projectId-year-month" -> stored version (0: none), as the preview saw it. */
  versions: Map<string, number>;
}

const FIGURE_LABELS: [keyof MonthFigures, string][] = [
  ["investmentCompleted", progressHeaderOf("investmentCompleted")],
  ["fundsArrived", progressHeaderOf("fundsArrived")],
  ["imageProgress", progressHeaderOf("imageProgress")],
  ["problems", progressHeaderOf("problems")],
];

const show = (key: keyof MonthFigures, v: string | null) => (v === null ? null : key === "investmentCompleted" || key === "fundsArrived" ? formatWan(v) : v);

async function analyseProgress(tx: Tx, actor: Actor, parsed: ParsedLedger, today: string): Promise<ProgressAnalysis> {
  const fileable = parksWith(actor, "progress.file");
  const codes = [...new Set(parsed.rows.map((r) => r.texts.code).filter((c): c is string => !!c))];
  const names = [...new Set(parsed.rows.map((r) => r.texts.name).filter((n): n is string => !!n))];
  const projects = await tx.project.findMany({
    where: {
      AND: [
        visibleProjectsWhere(actor),
        { parkId: { in: fileable } },
        { OR: [{ code: { in: codes } }, { name: { in: names, mode: "insensitive" } }] },
      ],
    },
    select: { id: true, code: true, name: true, parkId: true, stage: true, actualStartDate: true, park: { select: { name: true } }, enterprise: { select: { name: true } } },
  });
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const byKey = new Map(projects.map((p) => [naturalKey(p.parkId, p.name, p.enterprise.name), p]));
  const parkByName = new Map(projects.map((p) => [p.park.name, p.parkId]));
  const reports = await tx.progressReport.findMany({
    where: { projectId: { in: projects.map((p) => p.id) } },
    select: { projectId: true, year: true, month: true, version: true, investmentCompleted: true, fundsArrived: true, imageProgress: true, problems: true },
  });
  const reportOf = new Map(reports.map((r) => [`${r.projectId}-${r.year}-${r.month}`, r]));
  const closed = await loadClosedMonths(tx, [...new Set(projects.map((p) => p.parkId))]);

  const issues: RowIssue[] = [];
  const planned: PlannedMonth[] = [];
  const versions = new Map<string, number>();
  const firstRow = new Map<string, number>();
  let unchanged = 0;
  for (const r of parsed.rows) {
    if (r.issues.length > 0) {
      issues.push(...r.issues);
      continue;
    }
    const t = r.texts;
    const parkId = t.park ? parkByName.get(t.park) : undefined;
    const project = (t.code ? byCode.get(t.code) : undefined) ?? (parkId && t.name && t.enterpriseName ? byKey.get(naturalKey(parkId, t.name, t.enterpriseName)) : undefined);
    const rowIssues: RowIssue[] = [];
    if (!project) {
      const which = t.code ? `编号为「${t.code}」的项目` : `「${t.park ?? "（未填园区）"}」的「${t.name ?? ""}」（${t.enterpriseName ?? "未填企业名称"}）`;
      issues.push({ row: r.row, column: progressHeaderOf(t.code ? "code" : "name"), message: `找不到${which}，或您无权填报该项目的月报` });
      continue;
    }
    const month = monthOfRow(t);
    if ("problem" in month) rowIssues.push({ row: r.row, column: month.column, message: month.problem });
    const { figures, issues: figureIssues } = validateMonthFigures(r.row, t);
    rowIssues.push(...figureIssues);
    if ("ym" in month) {
      const problem = filingProblem(project, month.ym, today) ?? closed.problem(project.parkId, month.ym);
      if (problem) rowIssues.push({ row: r.row, column: progressHeaderOf("month"), message: problem });
      const key = `${project.id}-${month.ym.year}-${month.ym.month}`;
      const first = firstRow.get(key);
      if (first !== undefined) rowIssues.push({ row: r.row, column: progressHeaderOf("month"), message: `与第 ${first} 行是同一项目的同一月份（${formatYearMonth(month.ym)}）` });
      else firstRow.set(key, r.row);
      versions.set(key, reportOf.get(key)?.version ?? 0);
    }
    if (rowIssues.length > 0 || !figures || !("ym" in month)) {
      issues.push(...rowIssues);
      continue;
    }
    const stored = reportOf.get(`${project.id}-${month.ym.year}-${month.ym.month}`);
    const before: Record<keyof MonthFigures, string | null> | null = stored
      ? { investmentCompleted: stored.investmentCompleted.toFixed(2), fundsArrived: stored.fundsArrived.toFixed(2), imageProgress: stored.imageProgress, problems: stored.problems }
      : null;
    const changes: FieldChange[] = FIGURE_LABELS.filter(([k]) => (before?.[k] ?? null) !== figures[k] || !before).map(([k, column]) => ({
      field: k,
      column,
      before: before ? show(k, before[k]) : null,
      after: show(k, figures[k]),
    }));
    if (before && changes.length === 0) {
      unchanged++;
      continue;
    }
    planned.push({
      row: r.row,
      project: { id: project.id, parkId: project.parkId, code: project.code, name: project.name, parkName: project.park.name },
      ym: month.ym,
      figures,
      version: stored?.version ?? null,
      changes: changes.filter((c) => c.before !== c.after),
    });
  }
  issues.sort((a, b) => a.row - b.row);
  planned.sort((a, b) => a.project.id - b.project.id || monthIndex(a.ym) - monthIndex(b.ym));
  return { rowCount: parsed.rows.length, planned, unchanged, issues, versions };
}

export interface ProgressImportResult {
  filed: number;
  corrected: number;
  unchanged: number;
  message: string;
}

export interface ProgressImportPreview {
  rows: number;
  toFile: number;
  toCorrect: number;
  unchanged: number;
  errors: RowIssue[];
  ignoredColumns: string[];
  headerRows: [number, number];
  /** The months that would be filed or corrected (the first 500), each with its figures before → after. */
  months: { row: number; projectId: number; code: string; name: string; parkName: string; month: string; kind: "file" | "correct"; changes: FieldChange[] }[];
  /** The stored reports' versions the preview saw: sent back with the commit. */
  expected: string;
}

class TrialRun extends Error {
  constructor(readonly outcome: { analysis: ProgressAnalysis; issues: RowIssue[]; result: ProgressImportResult | null }) {
    super("trial run");
  }
}

const token = (versions: Map<string, number>) => [...versions].sort().map(([k, v]) => `${k}:${v}`).join(",");

async function runProgressImport(actor: Actor, parsed: ParsedLedger, opts: { trial: boolean; fileName: string; sha256: string; expected?: string }) {
  const db = getDb();
  const today = todayInShanghai();
  try {
    return await db.$transaction(
      async (tx) => {
        const analysis = await analyseProgress(tx, actor, parsed, today);
        const issues = [...analysis.issues];
        if (opts.expected !== undefined) {
          const seen = new Map(opts.expected.split(",").filter(Boolean).map((p) => [p.slice(0, p.lastIndexOf(":")), Number(p.slice(p.lastIndexOf(":") + 1))]));
          for (const [key, version] of analysis.versions) {
            if (seen.get(key) !== version) {
              const row = analysis.planned.find((m) => `${m.project.id}-${m.ym.year}-${m.ym.month}` === key)?.row ?? 0;
              issues.push({ row, column: progressHeaderOf("month"), message: "检查之后该月的月报已被他人填报或更正，请重新上传检查后再确认" });
            }
          }
        }
        if (issues.length > 0) {
          if (opts.trial) return { analysis, issues: asFileWrites(parsed, issues), result: null };
          throw new ProgressImportRejectedError(asFileWrites(parsed, issues));
        }
        const filed = analysis.planned.filter((m) => m.version === null).length;
        const corrected = analysis.planned.length - filed;
        if (analysis.planned.length === 0) {
          return { analysis, issues, result: { filed: 0, corrected: 0, unchanged: analysis.unchanged, message: `没有需要更新的内容：${analysis.unchanged} 行与已填报的月报一致` } };
        }
        // A very large file is previewed from the checks alone; the writes' refusals are then named by row when confirming.
        if (opts.trial && analysis.planned.length > TRIAL_UPDATES_MAX) return { analysis, issues, result: null };
        const writeIssues: RowIssue[] = [];
        for (const m of analysis.planned) {
          try {
            await writeProgressReport(tx, actor, m.project, { projectId: m.project.id, year: m.ym.year, month: m.ym.month, ...m.figures, version: m.version ?? undefined });
          } catch (e) {
            if (isAppError(e) && (e.code === "VALIDATION" || e.code === "CONFLICT")) writeIssues.push({ row: m.row, column: progressHeaderOf("month"), message: e.message });
            else throw e;
          }
        }
        if (writeIssues.length > 0) {
          if (opts.trial) throw new TrialRun({ analysis, issues: asFileWrites(parsed, writeIssues), result: null });
          throw new ProgressImportRejectedError(asFileWrites(parsed, writeIssues));
        }
        const parkIds = [...new Set(analysis.planned.map((m) => m.project.parkId))];
        await writeAudit(tx, {
          actorId: actor.userId,
          action: "progress.import",
          entityType: "Import",
          entityId: opts.sha256.slice(0, 16),
          parkId: parkIds.length === 1 ? parkIds[0] : null,
          after: { fileName: opts.fileName, sha256: opts.sha256, rows: analysis.rowCount, filed, corrected, unchanged: analysis.unchanged },
        });
        const parts = [filed > 0 ? `新填报 ${filed} 个月报` : null, corrected > 0 ? `更正 ${corrected} 个月报` : null].filter(Boolean).join("，");
        const tail = analysis.unchanged > 0 ? `；${analysis.unchanged} 行与已填报的月报一致，未改动` : "";
        const outcome = { analysis, issues: [] as RowIssue[], result: { filed, corrected, unchanged: analysis.unchanged, message: `已导入：${parts}${tail}` } };
        if (opts.trial) throw new TrialRun(outcome);
        return outcome;
      },
      { timeout: IMPORT_TIMEOUT_MS, maxWait: 15_000 },
    );
  } catch (e) {
    if (e instanceof TrialRun) return e.outcome;
    if (isTransactionTimeout(e)) throw new AppError("VALIDATION", "文件太大，未能在时限内处理完，没有导入任何内容；请拆分为多个文件分批导入");
    // Two people filing the same new month at once: the report's unique key stops this import.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw new AppError("CONFLICT", "导入时有他人同时填报了其中的月份，没有导入任何内容；请重新上传检查");
    throw e;
  }
}

function ensureCanFile(actor: Actor): void {
  if (parksWith(actor, "progress.file").length === 0) throw forbidden("月报导入");
}

async function parseProgress(bytes: Uint8Array): Promise<ParsedLedger> {
  return parseSheet(await loadWorkbook(bytes), PROGRESS_SPEC);
}

/** What importing the sheet would do, found by running it in a transaction that is rolled back. */
export async function previewProgressImport(actor: Actor, bytes: Uint8Array): Promise<ProgressImportPreview> {
  ensureCanFile(actor);
  const parsed = await parseProgress(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const { analysis, issues } = await runProgressImport(actor, parsed, { trial: true, fileName: "", sha256 });
  return {
    rows: analysis.rowCount,
    toFile: analysis.planned.filter((m) => m.version === null).length,
    toCorrect: analysis.planned.filter((m) => m.version !== null).length,
    unchanged: analysis.unchanged,
    errors: issues,
    ignoredColumns: parsed.ignoredColumns,
    headerRows: parsed.headerRows,
    months: analysis.planned.slice(0, 500).map((m) => ({
      row: m.row,
      projectId: m.project.id,
      code: m.project.code,
      name: m.project.name,
      parkName: m.project.parkName,
      month: formatYearMonth(m.ym),
      kind: m.version === null ? "file" : "correct",
      // A column the file heads in English is named so, as its problems are.
      changes: m.changes.map((c) => ({ ...c, column: parsed.english.get(c.field) ?? c.column })),
    })),
    expected: token(analysis.versions),
  };
}

/** Files and corrects every month of the sheet in one transaction, or nothing (ProgressImportRejectedError with every problem). */
export async function commitProgressImport(actor: Actor, bytes: Uint8Array, fileName = "月度填报.xlsx", expected?: string): Promise<ProgressImportResult> {
  ensureCanFile(actor);
  const parsed = await parseProgress(bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return (await runProgressImport(actor, parsed, { trial: false, fileName, sha256, expected })).result!;
}
