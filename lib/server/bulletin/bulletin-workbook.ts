import "server-only";
// The monthly bulletin as an .xlsx: the same content as the printed page, one sheet per
// part. Small by nature (one row per indicator, per park, and at most BULLETIN_LIST_LIMIT
// red projects and overdue problems), so it is built in memory, unlike the ledger exports.

import ExcelJS from "exceljs";
import { createTranslator } from "use-intl/core";
import { type YearMonth, formatYearMonth } from "@/lib/domain/filing";
import { INDICATOR_DEFS, type IndicatorKey } from "@/lib/domain/indicators";
import { ISSUE_CATEGORY_LABELS, type IssueCategory } from "@/lib/domain/issues";
import { LIGHT_LABELS } from "@/lib/domain/warnings";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { formatDateTimeIn, formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { translateMessage } from "@/lib/i18n/server-messages";
import type { Bulletin } from "./get-bulletin";
import type { CorrectionNotes } from "./bulletin-corrections";
import type { PublishedMeta } from "./published-bulletin";
import { scopeNameIn } from "@/lib/domain/published-bulletins";

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

/**
 * The workbook's words in one language: messages bulletin.workbook, the indicators' names,
 * conventions and formulas from dashboard.indicator, the choices from common.enum. In Chinese the
 * words are the ones the workbook always wrote (a published bulletin's frozen indicator texts,
 * the domain's labels); numbers are passed as text, so no grouping is added to them.
 */
function workbookWords(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "bulletin.workbook" });
  const dash = createTranslator({ locale, messages: MESSAGES[locale], namespace: "dashboard" });
  const e = createTranslator({ locale, messages: MESSAGES[locale], namespace: "common.enum" });
  const zh = locale === "zh-CN";
  const enumOr = (key: string, v: string) => (e.has(key as "stage.SIGNED") ? e(key as "stage.SIGNED") : v);
  const indicatorDef = (key: IndicatorKey) => INDICATOR_DEFS.find((d) => d.key === key);
  return {
    t,
    zh,
    month: (ym: YearMonth) => formatYearMonthIn(locale, ym),
    /** An indicator's name, convention or formula: the given (frozen) Chinese, or the dashboard's words. */
    indicator(key: IndicatorKey, part: "label" | "convention" | "formula", chinese: string): string {
      if (zh || !dash.has(`indicator.${key}.${part}`)) return chinese;
      return dash(`indicator.${key}.${part}`);
    },
    indicatorDef,
    change(points: number | null): string {
      if (points === null) return "—";
      if (points === 0) return t("summary.changeLevel");
      return t(points > 0 ? "summary.changeUp" : "summary.changeDown", { points: Math.abs(points).toFixed(1) });
    },
    stage: (s: string) => (zh ? (STAGE_LABELS[s as Stage] ?? s) : enumOr(`stage.${s}`, s)),
    light: (l: string) => (zh ? LIGHT_LABELS[l as keyof typeof LIGHT_LABELS] : enumOr(`light.${l}`, l)),
    /** A problem category the bulletin holds as its Chinese label. */
    category(label: string): string {
      if (zh) return label;
      const key = (Object.entries(ISSUE_CATEGORY_LABELS) as [IssueCategory, string][]).find(([, v]) => v === label)?.[0];
      return key ? e(`issueCategory.${key}`) : label;
    },
    /** The scope's name: a park's or regions' own, or 全部园区 in the language. */
    scope: (name: string) => scopeNameIn(name, t("allParks")),
  };
}

type Words = ReturnType<typeof workbookWords>;

function title(ws: ExcelJS.Worksheet, b: Bulletin, w: Words, text: string) {
  ws.addRow([w.t("title", { scope: w.scope(b.scopeName), month: w.month(b.month), text })]).font = { bold: true, size: 14 };
  ws.addRow([
    w.t("period", { year: String(b.month.year), month: String(b.month.month), asOf: b.asOf, previousAsOf: b.previousAsOf, generated: b.generatedAt.slice(0, 16).replace("T", " ") }),
  ]);
  ws.addRow([]);
}

const rateOrNull = (x: number | null) => (x === null ? "—" : x);

/** "定稿（第 2 版）：张三 于 2026-11-05 10:00 发布；更正原因：…" (Beijing time). */
function publishedStamp(p: PublishedMeta, w: Words, locale: Locale): string {
  const at = w.zh ? new Date(p.publishedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : formatDateTimeIn(locale, new Date(p.publishedAt));
  const parts = [w.t("stamp", { revision: String(p.revision), name: p.publishedBy.name, at })];
  if (p.correctionReason) parts.push(w.t("stampReason", { reason: p.correctionReason }));
  if (p.supersededBy) parts.push(w.t("stampSuperseded", { revision: String(p.supersededBy.revision) }));
  return parts.join(w.t("separator"));
}

/** The download's name: 月度通报-怀化高新区-2026-10.xlsx (…-定稿第2版.xlsx when published) / monthly-bulletin-…. */
export function bulletinFileName(locale: Locale, scopeName: string, month: string, revision?: number): string {
  const w = workbookWords(locale);
  const scope = w.scope(scopeName);
  return revision === undefined ? w.t("file", { scope, month }) : w.t("publishedFile", { scope, month, revision: String(revision) });
}

/**
 * The whole bulletin as an .xlsx file. `corrections` adds the 更正说明 sheet; `published`
 * (a published bulletin) stamps every sheet with its version, publisher and time. In Chinese, or
 * in `locale` (sheet names, titles, headers, labels, choices and light reasons); the numbers,
 * dates, names and money in 万元 are the same cells in either.
 */
export async function bulletinWorkbook(b: Bulletin, extra: { corrections?: CorrectionNotes; published?: PublishedMeta; locale?: Locale } = {}): Promise<Buffer> {
  const locale = extra.locale ?? "zh-CN";
  const w = workbookWords(locale);
  const { t } = w;
  const wb = new ExcelJS.Workbook();
  wb.creator = t("creator");
  wb.created = new Date(b.generatedAt);

  const summary = wb.addWorksheet(t("summary.sheet"));
  title(summary, b, w, t("summary.title"));
  header(summary, [
    t("summary.indicator"),
    t("summary.convention"),
    t("summary.asOf", { month: w.month(b.month) }),
    t("summary.asOf", { month: w.month(b.previous) }),
    t("summary.change"),
    t("summary.numerator"),
    t("summary.denominator"),
    t("summary.unit"),
    t("summary.formula"),
  ]);
  for (const i of b.indicators) {
    const row = summary.addRow([
      w.indicator(i.key, "label", i.label),
      w.indicator(i.key, "convention", i.convention),
      rateOrNull(i.current),
      rateOrNull(i.previous),
      w.change(i.changePoints),
      Number(i.numerator),
      Number(i.denominator),
      i.unit === "money" ? t("summary.unitMoney") : t("summary.unitCount"),
      w.indicator(i.key, "formula", i.formula),
    ]);
    row.getCell(3).numFmt = PERCENT;
    row.getCell(4).numFmt = PERCENT;
    if (i.unit === "money") for (const c of [6, 7]) row.getCell(c).numFmt = "#,##0.00";
  }
  summary.addRow([]);
  summary.addRow([t("summary.timeProgress"), "", b.timeProgress]).getCell(3).numFmt = PERCENT;
  summary.addRow([t("summary.signed"), "", b.counts.signed, b.previousCounts.signed]);
  summary.addRow([t("summary.contractInvestment"), "", Number(b.counts.contractInvestment), Number(b.previousCounts.contractInvestment)]);
  summary.addRow([t("summary.dueNotStarted"), "", b.counts.dueNotStarted, b.previousCounts.dueNotStarted]);
  summary.columns = [{ width: 16 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 8 }, { width: 60 }];

  const rankSheet = wb.addWorksheet(t("ranking.sheet"));
  const rankDef = w.indicatorDef(b.rankKey);
  const rankLabel = rankDef ? w.indicator(rankDef.key, "label", rankDef.label) : b.rankKey;
  title(rankSheet, b, w, t("ranking.title", { rank: rankLabel }));
  header(rankSheet, [
    t("ranking.rank"),
    t("ranking.previousRank"),
    t("ranking.list"),
    t("ranking.park"),
    t("ranking.region"),
    ...INDICATOR_DEFS.map((d) => t("ranking.indicatorColumn", { label: w.indicator(d.key, "label", d.label), convention: w.indicator(d.key, "convention", d.convention) })),
  ]);
  const redIds = new Set(b.red.map((r) => r.row.parkId));
  const blackIds = new Set(b.black.map((r) => r.row.parkId));
  for (const r of b.ranking) {
    const list = redIds.has(r.row.parkId) ? t("ranking.red") : blackIds.has(r.row.parkId) ? t("ranking.black") : "";
    const rates = INDICATOR_DEFS.map((d) => rateOrNull(r.row.indicators.find((i) => i.key === d.key)?.rate ?? null));
    const row = rankSheet.addRow([r.rank ?? "—", r.previousRank ?? "—", list, r.row.parkName, r.row.regionName, ...rates]);
    for (let c = 6; c < 6 + rates.length; c++) row.getCell(c).numFmt = PERCENT;
  }
  rankSheet.columns = [{ width: 8 }, { width: 10 }, { width: 8 }, { width: 22 }, { width: 12 }, ...INDICATOR_DEFS.map(() => ({ width: 14 }))];

  const redSheet = wb.addWorksheet(t("red.sheet"));
  title(redSheet, b, w, t("red.title"));
  const redMore = b.redProjects.total > b.redProjects.rows.length ? t("red.more", { shown: String(b.redProjects.rows.length) }) : "";
  redSheet.addRow([t("red.total", { total: String(b.redProjects.total), more: redMore, asOf: b.asOf })]);
  header(redSheet, (["code", "name", "park", "enterprise", "stage", "plannedStart", "liaison", "leader", "light", "reason"] as const).map((k) => t(`red.${k}`)));
  for (const p of b.redProjects.rows) {
    const row = redSheet.addRow([
      p.code,
      p.name,
      p.parkName,
      p.enterpriseName,
      w.stage(p.stage),
      p.plannedStartDate ? new Date(`${p.plannedStartDate}T00:00:00Z`) : null,
      p.liaisonName ?? "",
      p.leaderName ?? "",
      p.light.overall ? w.light(p.light.overall) : "",
      p.light.reasons.map((r) => translateMessage(r, locale)).join(t("separator")),
    ]);
    row.getCell(6).numFmt = "yyyy-mm-dd";
  }
  redSheet.columns = [{ width: 16 }, { width: 30 }, { width: 18 }, { width: 26 }, { width: 8 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 8 }, { width: 60 }];

  const overdueSheet = wb.addWorksheet(t("overdue.sheet"));
  title(overdueSheet, b, w, t("overdue.title"));
  const overdueMore = b.overdue.total > b.overdue.items.length ? t("overdue.more", { shown: String(b.overdue.items.length) }) : "";
  overdueSheet.addRow([t("overdue.total", { total: String(b.overdue.total), more: overdueMore })]);
  header(overdueSheet, (["code", "problem", "category", "park", "enterprise", "level", "deadline", "days"] as const).map((k) => t(`overdue.${k}`)));
  for (const i of b.overdue.items) {
    const row = overdueSheet.addRow([
      i.code,
      i.title,
      w.category(i.category),
      i.parkName,
      i.enterpriseName,
      t("overdue.levelValue", { level: String(i.level) }),
      new Date(`${i.resolveDeadline}T00:00:00Z`),
      i.overdueDays,
    ]);
    row.getCell(7).numFmt = "yyyy-mm-dd";
  }
  overdueSheet.addRow([]);
  header(overdueSheet, [t("overdue.park"), t("overdue.count")]);
  for (const p of b.overdue.byPark) overdueSheet.addRow([p.parkName, p.overdue]);
  overdueSheet.columns = [{ width: 16 }, { width: 36 }, { width: 12 }, { width: 18 }, { width: 26 }, { width: 10 }, { width: 12 }, { width: 10 }];

  if (b.points) {
    const pts = b.points;
    const sheet = wb.addWorksheet(t("points.sheet"));
    // The points are the bulletin's month's: its label as frozen in Chinese, the month in English.
    title(sheet, b, w, t("points.title", { period: w.zh ? pts.periodLabel : w.month(b.month) }));
    header(sheet, (["rank", "park", "total", "plus", "minus", "liaisonPoints", "leaderPoints", "unitPoints", "events"] as const).map((k) => t(`points.${k}`)));
    for (const r of pts.parks) sheet.addRow([r.rank, r.name, r.total, r.plus, r.minus, r.liaisonPoints, r.leaderPoints, r.unitPoints, r.events]);
    sheet.addRow([]);
    sheet.addRow([t("points.liaisons", { shown: String(pts.liaisons.length), total: String(pts.liaisonTotal) })]).font = { bold: true };
    header(sheet, (["rank", "liaison", "park", "total", "plus", "minus", "events"] as const).map((k) => t(`points.${k}`)));
    for (const r of pts.liaisons) sheet.addRow([r.rank, r.name, r.parkNames, r.total, r.plus, r.minus, r.events]);
    sheet.columns = [{ width: 8 }, { width: 22 }, { width: 18 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 12 }];
  }

  if (extra.corrections) {
    const c = extra.corrections;
    const sheet = wb.addWorksheet(t("corrections.sheet"));
    title(sheet, b, w, t("corrections.title"));
    const more = c.total > c.items.length ? t("corrections.more", { shown: String(c.items.length) }) : "";
    sheet.addRow([c.total === 0 ? t("corrections.none") : t("corrections.total", { total: String(c.total), more })]);
    header(
      sheet,
      (["code", "name", "park", "month", "investmentBefore", "investmentAfter", "fundsBefore", "fundsAfter", "reason", "requestedBy", "decidedBy", "decidedAt"] as const).map((k) => t(`corrections.${k}`)),
    );
    for (const n of c.items) {
      const row = sheet.addRow([
        n.projectCode,
        n.projectName,
        n.parkName,
        w.zh ? formatYearMonth(n) : w.month(n),
        n.before ? Number(n.before.investmentCompleted) : t("corrections.notFiled"),
        Number(n.after.investmentCompleted),
        n.before ? Number(n.before.fundsArrived) : t("corrections.notFiled"),
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
    const stamp = publishedStamp(extra.published, w, locale);
    for (const ws of wb.worksheets) ws.spliceRows(2, 0, [stamp]);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
