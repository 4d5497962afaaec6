// One row of an imported sheet of monthly figures (月度填报): which month it is, and its
// figures checked by the filing form's own schema (progressReportSchema, same messages).
// Pure; which project, whether the month may be filed and whether it is closed are the
// server's (the filing service's rules).

import { PROGRESS_COLUMNS } from "@/lib/domain/ledger-columns";
import type { YearMonth } from "@/lib/domain/filing";
import type { LedgerTexts, RowIssue } from "./ledger-import";
import { progressReportSchema } from "./progress";

const HEADER_OF: Record<string, string> = Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c.key, c.header]));
export const progressHeaderOf = (key: string) => HEADER_OF[key] ?? key;

/** The figures of one month as the filing service takes them. */
export interface MonthFigures {
  investmentCompleted: string;
  fundsArrived: string;
  imageProgress: string;
  problems: string | null;
}

/**
 * The month a row names: 年份 and 月份 (1–12), or 月份 alone as 2026-03, 2026/3, 2026年3月 or
 * an Excel date in that month. Null with a problem when it names none.
 */
export function monthOfRow(texts: LedgerTexts): { ym: YearMonth } | { problem: string; column: string } {
  const yearText = texts.year ?? null;
  const monthText = texts.month ?? null;
  if (monthText === null) return { problem: "请填写月份", column: progressHeaderOf("month") };
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*\d{1,2}\s*日?)?$/.exec(monthText);
  let ym: YearMonth;
  if (full) {
    ym = { year: Number(full[1]), month: Number(full[2]) };
    if (yearText !== null && Number(yearText) !== ym.year) return { problem: `月份（${monthText}）与年份（${yearText}）不一致`, column: progressHeaderOf("month") };
  } else {
    const m = /^(\d{1,2})\s*月?$/.exec(monthText);
    if (!m) return { problem: "月份须为 1–12，或写作 2026-03", column: progressHeaderOf("month") };
    if (yearText === null) return { problem: "请填写年份（或把月份写作 2026-03）", column: progressHeaderOf("year") };
    if (!/^\d{4}$/.test(yearText)) return { problem: "年份须为四位数字，如 2026", column: progressHeaderOf("year") };
    ym = { year: Number(yearText), month: Number(m[1]) };
  }
  if (ym.month < 1 || ym.month > 12) return { problem: "月份须在 1–12 之间", column: progressHeaderOf("month") };
  if (ym.year < 2000 || ym.year > 2100) return { problem: "年份须在 2000–2100 之间", column: progressHeaderOf(full ? "month" : "year") };
  return { ym };
}

/** The row's figures by the filing form's rules (progressReportSchema), each problem on its column. */
export function validateMonthFigures(row: number, texts: LedgerTexts): { figures: MonthFigures | null; issues: RowIssue[] } {
  const parsed = progressReportSchema.safeParse({
    projectId: 1,
    year: 2000,
    month: 1,
    investmentCompleted: texts.investmentCompleted ?? null,
    fundsArrived: texts.fundsArrived ?? null,
    imageProgress: texts.imageProgress ?? null,
    problems: texts.problems ?? null,
  });
  if (parsed.success) {
    const d = parsed.data;
    return { figures: { investmentCompleted: d.investmentCompleted, fundsArrived: d.fundsArrived, imageProgress: d.imageProgress!, problems: d.problems }, issues: [] };
  }
  const issues: RowIssue[] = [];
  for (const issue of parsed.error.issues) {
    const column = progressHeaderOf(String(issue.path[0] ?? ""));
    if (!issues.some((i) => i.column === column && i.message === issue.message)) issues.push({ row, column, message: issue.message });
  }
  return { figures: null, issues };
}
