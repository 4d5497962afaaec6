import "server-only";
// The park's annual plan for one year as a sheet (年度计划表): the file park staff fill in
// and import back with plans-import.ts. Kept apart from the ledger import/export files.

import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import { type Actor } from "@/lib/domain/permissions";
import { plansSheetQuerySchema } from "@/lib/validation/year-plans";
import { assertCan } from "@/lib/server/actor";
import { notFound, parseOrThrow } from "@/lib/server/errors";
import { queryParkPlanRows } from "@/lib/server/plans/list-park-plans";
import { type ExportColumn, type ExportRow, streamWorkbook } from "./stream-workbook";

export const PLAN_SHEET = "年度计划";

/** The sheet's columns; the import reads 项目编号 and the four plan columns, the rest are for reading. */
export const PLAN_SHEET_COLUMNS = {
  code: "项目编号",
  name: "项目名称",
  enterprise: "企业名称",
  stage: "当前阶段",
  status: "状态",
  plannedInvestment: "本年计划投资（万元）",
  planStart: "计划本年开工",
  planProduction: "计划本年投产",
  note: "备注",
  completed: "当年已完成投资（万元）",
} as const;

const COLUMNS: ExportColumn[] = [
  { header: PLAN_SHEET_COLUMNS.code, type: "text", width: 18 },
  { header: PLAN_SHEET_COLUMNS.name, type: "text", width: 30 },
  { header: PLAN_SHEET_COLUMNS.enterprise, type: "text", width: 26 },
  { header: PLAN_SHEET_COLUMNS.stage, type: "text", width: 9 },
  { header: PLAN_SHEET_COLUMNS.status, type: "text", width: 9 },
  { header: PLAN_SHEET_COLUMNS.plannedInvestment, type: "money", width: 16 },
  { header: PLAN_SHEET_COLUMNS.planStart, type: "text", width: 12 },
  { header: PLAN_SHEET_COLUMNS.planProduction, type: "text", width: 12 },
  { header: PLAN_SHEET_COLUMNS.note, type: "text", width: 24 },
  { header: PLAN_SHEET_COLUMNS.completed, type: "money", width: 16 },
];

/** The sheet's title: the import checks the year in it against the year chosen. */
export function planSheetTitle(parkName: string, year: number): string {
  return `${parkName} ${year} 年度计划表（本年计划投资填万元；计划本年开工、投产填“是”或“否”；三项都不填表示不列入该年计划）`;
}

const BATCH = 500;

/**
 * The park's projects that could be in `year`'s plan, with their plan, as an .xlsx streamed
 * in pages of 500 (the grid's own query: planned first, by code). project.read in the park
 * (a liaison gets their own projects); importing it back needs project.write.
 */
export async function exportPlans(actor: Actor, query: unknown): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { park: parkId, year } = parseOrThrow(plansSheetQuerySchema, query);
  assertCan(actor, "project.read", parkId, "园区");
  const db = getDb();
  const park = await db.park.findUnique({ where: { id: parkId }, select: { name: true } });
  if (!park) throw notFound("园区");
  async function* batches(): AsyncGenerator<ExportRow[]> {
    for (let offset = 0; ; offset += BATCH) {
      const { rows } = await queryParkPlanRows(db, actor, parkId, year, {}, BATCH, offset);
      yield rows.map((r) => [
        r.code,
        r.name,
        r.enterpriseName,
        STAGE_LABELS[r.stage],
        STATUS_LABELS[r.status],
        r.plan?.plannedInvestment ?? null,
        r.plan ? (r.plan.planStart ? "是" : "否") : null,
        r.plan ? (r.plan.planProduction ? "是" : "否") : null,
        r.plan?.note ?? null,
        r.completed,
      ]);
      if (rows.length < BATCH) return;
    }
  }
  return {
    fileName: `${park.name}-${year}年度计划.xlsx`,
    write: (out) => streamWorkbook(out, { name: PLAN_SHEET, title: planSheetTitle(park.name, year), actorName: actor.name, columns: COLUMNS }, batches()),
  };
}
