import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { todayInShanghai } from "@/lib/domain/dates";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { LEDGER_COLUMNS, LEDGER_SHEET, enumLabel, flagLabel } from "@/lib/domain/ledger-columns";
import { LIGHT_LABELS } from "@/lib/domain/warnings";
import { STAGE_LABELS, STATUS_LABELS, type Stage, type ProjectStatus } from "@/lib/domain/stages";
import type { ProjectFilters } from "@/lib/validation/project-filters";
import { assertCan } from "@/lib/server/actor";
import { type Actor, parksWith, projectReadScope } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { projectListWhere } from "@/lib/server/projects/list-projects";
import { LIGHT_COLUMNS, type LightRow, litCte, lightFromRow, loadLightSetup } from "@/lib/server/warnings/light-sql";
import { LEDGER_RECORD_SQL, YEAR_PLAN_SQL, yearPlanJoin } from "./ledger-analysis";
import { type ExportColumn, type ExportRow, streamWorkbook } from "./stream-workbook";

/** Rows read per query: the export pages through the filter by id. */
export const EXPORT_BATCH = 1_000;

const TYPE: Record<string, ExportColumn["type"]> = { money: "money", area: "area", date: "date" };
const COLUMNS: ExportColumn[] = LEDGER_COLUMNS.map((c) => ({ header: c.header, type: TYPE[c.type] ?? "text", width: c.width }));

/** Chinese description of the list filter, e.g. "园区：怀化高新区；阶段：开工". */
async function describeFilters(f: ProjectFilters): Promise<string> {
  const parts: string[] = [];
  const labels: Record<string, (v: unknown) => string | Promise<string>> = {
    park: async (v) => `园区：${(await getDb().park.findUnique({ where: { id: Number(v) }, select: { name: true } }))?.name ?? v}`,
    stage: (v) => `阶段：${STAGE_LABELS[v as Stage] ?? v}`,
    status: (v) => `状态：${STATUS_LABELS[v as ProjectStatus] ?? v}`,
    keyLevel: (v) => `项目级别：${KEY_LEVEL_LABELS[String(v)] ?? v}`,
    industry: (v) => `产业链：${v}`,
    year: (v) => `签约年份：${v}`,
    q: (v) => `搜索：${v}`,
  };
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || value === null || value === "" || key === "page" || key === "pageSize") continue;
    parts.push(labels[key] ? await labels[key](value) : `${key}：${String(value)}`);
  }
  return parts.length > 0 ? parts.join("；") : "全部（您可查看的项目）";
}

type ExportedRow = Record<string, string | number | boolean | null>;

/** A stored value as its ledger cell: choices as their labels, yes/no as 是/否. */
function cellOf(type: string, v: string | number | boolean | null): string | number | null {
  if (v === null) return null;
  if (typeof v === "boolean") return flagLabel(v);
  if (type === "stage" || type === "source" || type === "keyLevel" || type === "status") return enumLabel(type, String(v));
  return v;
}

/**
 * The ledger list for a filter as an .xlsx, streamed: the same WHERE as /projects
 * (projectListWhere: the actor's scope plus the URL filters), read 1,000 rows at a time by
 * id, one row per project in every ledger column: the record, the 包保 holders, this year's
 * plan, opening balances, this year's and cumulative investment and funds, and the light
 * with its reasons (lib/server/warnings: litCte and lightFromRow, the red list's own rules).
 * The importable columns are the template's, so the file imports again and changes nothing.
 * Checks scope before anything is written.
 */
export async function exportProjects(actor: Actor, filters: ProjectFilters): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("项目");
  if (filters.park) assertCan(actor, "project.read", filters.park, "园区");
  const where = await projectListWhere(actor, filters);
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const title = `${LEDGER_SHEET}（筛选：${await describeFilters(filters)}；“本年”为 ${year} 年）`;
  const fileName = `项目台账-${today}.xlsx`;

  async function* batches(): AsyncIterable<ExportRow[]> {
    const db = getDb();
    const lightSetup = await loadLightSetup(db, parksWith(actor, "project.read"), today);
    let after = 0;
    for (;;) {
      const ids = (await db.project.findMany({ where: { AND: [where, { id: { gt: after } }] }, orderBy: { id: "asc" }, take: EXPORT_BATCH, select: { id: true } })).map((p) => p.id);
      if (ids.length === 0) return;
      after = ids[ids.length - 1];
      const [rows, lights] = await Promise.all([
        db.$queryRaw<ExportedRow[]>(Prisma.sql`
          SELECT p.id, p.code, pk.name AS park, ${LEDGER_RECORD_SQL}, p.status::text AS status, ${YEAR_PLAN_SQL},
                 ${currentHolderNameSql("p", "LIAISON")} AS liaison,
                 ${currentHolderNameSql("p", "LEADER")} AS leader,
                 COALESCE(pr.inv_year, 0)::text AS "investmentCompletedThisYear",
                 (p."investmentCompletedBefore" + COALESCE(pr.inv, 0))::text AS "investmentCompletedToDate",
                 COALESCE(pr.funds_year, 0)::text AS "fundsArrivedThisYear",
                 (p."fundsArrivedBefore" + COALESCE(pr.funds, 0))::text AS "fundsArrivedToDate"
          FROM "Project" p
          JOIN "Park" pk ON pk.id = p."parkId"
          JOIN "Enterprise" e ON e.id = p."enterpriseId"
          ${yearPlanJoin(year)}
          LEFT JOIN (SELECT "projectId", SUM("investmentCompleted") AS inv, SUM("fundsArrived") AS funds,
                            SUM("investmentCompleted") FILTER (WHERE year = ${year}::int) AS inv_year,
                            SUM("fundsArrived") FILTER (WHERE year = ${year}::int) AS funds_year
                     FROM "ProgressReport" WHERE "projectId" = ANY(${ids}::int[]) GROUP BY "projectId") pr ON pr."projectId" = p.id
          WHERE p.id = ANY(${ids}::int[])
          ORDER BY p.id`),
        db.$queryRaw<(LightRow & { id: number })[]>(Prisma.sql`
          WITH ${litCte(lightSetup, Prisma.sql`pr.id = ANY(${ids}::int[])`)}
          SELECT lights.id, ${LIGHT_COLUMNS} FROM lights`),
      ]);
      const lightOf = new Map(lights.map((l) => [l.id, lightFromRow(lightSetup, l)]));
      yield rows.map((r) => {
        const light = lightOf.get(Number(r.id));
        const values: ExportedRow = { ...r, light: light?.overall ? LIGHT_LABELS[light.overall] : null, lightReasons: light && light.reasons.length > 0 ? light.reasons.join("；") : null };
        return LEDGER_COLUMNS.map((c) => cellOf(c.type, values[c.key] ?? null));
      });
    }
  }

  return {
    fileName,
    write: (out) => streamWorkbook(out, { name: LEDGER_SHEET, title, actorName: actor.name, columns: COLUMNS }, batches()),
  };
}
