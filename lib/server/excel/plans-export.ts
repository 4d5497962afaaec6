import "server-only";
// The park's annual plan for one year as a sheet (年度计划表): the file park staff fill in
// and import back with plans-import.ts. Kept apart from the ledger import/export files. In
// Chinese, or in English on request (messages plans.sheet: the import reads both).

import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { createTranslator } from "use-intl/core";
import { type ProjectStatus, STAGE_LABELS, STATUS_LABELS, type Stage } from "@/lib/domain/stages";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { type Actor } from "@/lib/domain/permissions";
import { plansSheetQuerySchema } from "@/lib/validation/year-plans";
import { assertCan } from "@/lib/server/actor";
import { notFound, parseOrThrow } from "@/lib/server/errors";
import { queryParkPlanRows } from "@/lib/server/plans/list-park-plans";
import { type ExportColumn, type ExportRow, exportedLineIn, streamWorkbook } from "./stream-workbook";

/** The sheet's words in one language (messages plans.sheet): name, title, columns, 是/否. */
export function planSheetWords(locale: Locale) {
  const m = MESSAGES[locale].plans.sheet;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "plans.sheet" });
  return {
    t,
    sheet: m.sheet,
    columns: m.columns,
    yes: m.yes,
    no: m.no,
    /** The sheet's title: the import checks the year in it against the year chosen. */
    title: (park: string, year: number) => t("title", { park, year: String(year) }),
  };
}

export const PLAN_SHEET = MESSAGES["zh-CN"].plans.sheet.sheet;

/** The sheet's columns (Chinese); the import reads 项目编号 and the four plan columns, the rest are for reading. */
export const PLAN_SHEET_COLUMNS = MESSAGES["zh-CN"].plans.sheet.columns;

type PlanColumnKey = keyof typeof PLAN_SHEET_COLUMNS;
const LAYOUT: { key: PlanColumnKey; type: ExportColumn["type"]; width: number }[] = [
  { key: "code", type: "text", width: 18 },
  { key: "name", type: "text", width: 30 },
  { key: "enterprise", type: "text", width: 26 },
  { key: "stage", type: "text", width: 9 },
  { key: "status", type: "text", width: 9 },
  { key: "plannedInvestment", type: "money", width: 16 },
  { key: "planStart", type: "text", width: 12 },
  { key: "planProduction", type: "text", width: 12 },
  { key: "note", type: "text", width: 24 },
  { key: "completed", type: "money", width: 16 },
];

/** The sheet's title in Chinese (the import checks the year in it against the year chosen). */
export function planSheetTitle(parkName: string, year: number): string {
  return planSheetWords("zh-CN").title(parkName, year);
}

const BATCH = 500;

/**
 * The park's projects that could be in `year`'s plan, with their plan, as an .xlsx streamed
 * in pages of 500 (the grid's own query: planned first, by code). project.read in the park
 * (a liaison gets their own projects); importing it back needs project.write.
 */
export async function exportPlans(actor: Actor, query: unknown, locale: Locale = "zh-CN"): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { park: parkId, year } = parseOrThrow(plansSheetQuerySchema, query);
  assertCan(actor, "project.read", parkId, "园区");
  const db = getDb();
  const park = await db.park.findUnique({ where: { id: parkId }, select: { name: true } });
  if (!park) throw notFound("园区");
  const words = planSheetWords(locale);
  const enumWords = MESSAGES[locale].common.enum;
  const stage = (v: Stage) => (locale === "zh-CN" ? STAGE_LABELS[v] : enumWords.stage[v]);
  const status = (v: ProjectStatus) => (locale === "zh-CN" ? STATUS_LABELS[v] : enumWords.status[v]);
  async function* batches(): AsyncGenerator<ExportRow[]> {
    for (let offset = 0; ; offset += BATCH) {
      const { rows } = await queryParkPlanRows(db, actor, parkId, year, {}, BATCH, offset);
      yield rows.map((r) => [
        r.code,
        r.name,
        r.enterpriseName,
        stage(r.stage),
        status(r.status),
        r.plan?.plannedInvestment ?? null,
        r.plan ? (r.plan.planStart ? words.yes : words.no) : null,
        r.plan ? (r.plan.planProduction ? words.yes : words.no) : null,
        r.plan?.note ?? null,
        r.completed,
      ]);
      if (rows.length < BATCH) return;
    }
  }
  return {
    fileName: words.t("file", { park: park.name, year: String(year) }),
    write: (out) =>
      streamWorkbook(
        out,
        {
          name: words.sheet,
          title: words.title(park.name, year),
          actorName: actor.name,
          columns: LAYOUT.map((c) => ({ header: words.columns[c.key], type: c.type, width: c.width })),
          exportedLine: exportedLineIn(locale, actor.name, (a) => words.t("exported", a)),
        },
        batches(),
      ),
  };
}
