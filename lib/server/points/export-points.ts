import "server-only";
import type { Writable } from "node:stream";
import { createTranslator } from "use-intl/core";
import { todayInShanghai } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import { MANUAL_KIND, type Period, periodLabel } from "@/lib/domain/points";
import { formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { translateMessage } from "@/lib/i18n/server-messages";
import { type ExportColumn, type ExportRow, streamWorkbook, exportedLineIn } from "@/lib/server/excel/stream-workbook";
import { getLeaderboard } from "./get-leaderboard";
import { listPointEvents } from "./list-point-events";

/**
 * The sheets' columns, in order. `header` is the Chinese the export has always written; the
 * words come from messages points.export.{boardColumns,parkColumns,eventColumns} (the Chinese
 * held equal to these by a test).
 */
export const POINTS_BOARD_COLUMNS = [
  { key: "rank", header: "名次", type: "int", width: 6 },
  { key: "name", header: "名称", type: "text", width: 24 },
  { key: "park", header: "园区", type: "text", width: 24 },
  { key: "plus", header: "加分", type: "int", width: 8 },
  { key: "minus", header: "减分", type: "int", width: 8 },
  { key: "total", header: "合计", type: "int", width: 8 },
  { key: "events", header: "事项数", type: "int", width: 8 },
] as const satisfies readonly (ExportColumn & { key: string })[];
export const POINTS_PARK_COLUMNS = [
  { key: "rank", header: "名次", type: "int", width: 6 },
  { key: "park", header: "园区", type: "text", width: 24 },
  { key: "liaisonPoints", header: "包保责任人积分", type: "int", width: 14 },
  { key: "leaderPoints", header: "包保领导积分", type: "int", width: 14 },
  { key: "unitPoints", header: "责任单位积分", type: "int", width: 14 },
  { key: "plus", header: "加分", type: "int", width: 8 },
  { key: "minus", header: "减分", type: "int", width: 8 },
  { key: "total", header: "合计", type: "int", width: 8 },
] as const satisfies readonly (ExportColumn & { key: string })[];
export const POINTS_EVENT_COLUMNS = [
  { key: "date", header: "日期", type: "date", width: 12 },
  { key: "kind", header: "积分事项", type: "text", width: 18 },
  { key: "points", header: "分值", type: "int", width: 6 },
  { key: "earner", header: "得分对象", type: "text", width: 10 },
  { key: "who", header: "人员/责任单位", type: "text", width: 16 },
  { key: "park", header: "园区", type: "text", width: 18 },
  { key: "project", header: "项目", type: "text", width: 26 },
  { key: "enterprise", header: "企业", type: "text", width: 26 },
  { key: "issue", header: "诉求编号", type: "text", width: 16 },
  { key: "basis", header: "依据", type: "text", width: 44 },
] as const satisfies readonly (ExportColumn & { key: string })[];

/** A period as the points pages write it: the domain's "2026年第一季度" in Chinese, "Q1 2026" / "Oct 2026" / "2026" in English. */
function periodText(locale: Locale, p: Period): string {
  if (locale === "zh-CN") return periodLabel(p);
  if (p.type === "month") return formatYearMonthIn(locale, { year: p.year, month: p.n });
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points.period" });
  return p.type === "year" ? t("year", { year: String(p.year) }) : t("quarter", { year: String(p.year), n: String(p.n) });
}

/** The scope's name: a park's or region's own, or the server's words for several parks (全部可见园区, 本人所在园区) in the language. */
function scopeText(locale: Locale, name: string): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points.scope" });
  if (name === "全部可见园区") return t("allVisible");
  if (name === "本人所在园区") return t("own");
  return name;
}

async function* once(rows: ExportRow[]): AsyncIterable<ExportRow[]> {
  yield rows;
}

/**
 * The leaderboard (view "board") or the events behind it (view "events") for the same URL, as one .xlsx sheet.
 * In Chinese, or in `locale` (sheet, title, headers, ranking type, points item and earner, the
 * exported line); names, dates and points are the same cells in either.
 */
export async function exportPoints(
  actor: Actor,
  raw: Record<string, unknown>,
  today = todayInShanghai(),
  locale: Locale = "zh-CN",
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { view, ...query } = raw;
  const p = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points" });
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points.export" });
  const exportedLine = exportedLineIn(locale, actor.name, (a) => t("exported", a));
  const kind = (k: string) => (p.has(`kind.${k}` as "kind.MANUAL") ? p(`kind.${k}` as "kind.MANUAL") : k);
  if (view === "events") {
    const list = await listPointEvents(actor, query, { all: true }, today);
    const rows: ExportRow[] = list.rows.map((r) => [
      r.eventDate,
      kind(r.kind),
      r.points,
      p(`earner.${r.earner}`),
      r.userName ?? r.unit,
      r.parkName,
      r.projectName,
      r.enterpriseName,
      r.issueCode,
      r.kind === MANUAL_KIND ? t("manual", { detail: r.detail, name: r.adjustedByName ?? "" }) : translateMessage(r.detail, locale),
    ]);
    const period = periodText(locale, list.scope.period);
    const title = t("eventsTitle", { scope: scopeText(locale, list.scope.scopeName), period, sum: String(list.sum) });
    return {
      fileName: t("eventsFile", { period }),
      write: (out) =>
        streamWorkbook(
          out,
          { name: t("eventsSheet"), title, actorName: actor.name, columns: POINTS_EVENT_COLUMNS.map((c): ExportColumn => ({ header: t(`eventColumns.${c.key}`), type: c.type, width: c.width })), exportedLine },
          once(rows),
        ),
    };
  }
  const board = await getLeaderboard(actor, query, { all: true }, today);
  const park = board.tab === "park";
  const rows: ExportRow[] = board.rows.map((r) =>
    park ? [r.rank, r.name, r.liaisonPoints, r.leaderPoints, r.unitPoints, r.plus, r.minus, r.total] : [r.rank, r.name, r.parkNames, r.plus, r.minus, r.total, r.events],
  );
  const tab = p(`tab.${board.tab}`);
  const period = periodText(locale, board.scope.period);
  const title = t("boardTitle", { tab, scope: scopeText(locale, board.scope.scopeName), period });
  const columns: ExportColumn[] = park
    ? POINTS_PARK_COLUMNS.map((c) => ({ header: t(`parkColumns.${c.key}`), type: c.type, width: c.width }))
    : POINTS_BOARD_COLUMNS.map((c) => ({ header: t(`boardColumns.${c.key}`), type: c.type, width: c.width }));
  return {
    fileName: t("boardFile", { tab, period }),
    write: (out) => streamWorkbook(out, { name: t("boardSheet"), title, actorName: actor.name, columns, exportedLine }, once(rows)),
  };
}
