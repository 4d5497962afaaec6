import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { ProgressExportFilters } from "@/lib/validation/excel-export";
import { assertCan, visibleProjectsSql, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor, projectReadScope } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { PROGRESS_COLUMNS, PROGRESS_SHEET } from "@/lib/domain/ledger-columns";
import { EXPORT_BATCH } from "./export-projects";
import { type ExportColumn, type ExportRow, streamWorkbook } from "./stream-workbook";

const TYPE: Record<string, ExportColumn["type"]> = { money: "money", date: "date", int: "int" };
/** The import's table (PROGRESS_COLUMNS), so an export of monthly filings imports again and changes nothing. */
const COLUMNS: ExportColumn[] = PROGRESS_COLUMNS.map((c) => ({ header: c.header, type: TYPE[c.type] ?? "text", width: c.width }));

type Row = {
  projectId: number;
  year: number;
  month: number;
  code: string;
  name: string;
  parkName: string;
  enterpriseName: string;
  investmentCompleted: string;
  fundsArrived: string;
  investmentToDate: string;
  fundsToDate: string;
  imageProgress: string | null;
  problems: string | null;
  filedBy: string;
  filedOn: string;
};

/**
 * Monthly progress filings (月度填报) as an .xlsx, streamed: one row per project and month
 * in the actor's scope (optionally one park, one project, one year), ordered by project
 * and month and paged by that key; cumulative figures include the opening balances.
 */
export async function exportProgress(actor: Actor, f: ProgressExportFilters): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("项目");
  const db = getDb();
  const parts: string[] = [];
  if (f.park) {
    assertCan(actor, "project.read", f.park, "园区");
    parts.push(`园区：${(await db.park.findUnique({ where: { id: f.park }, select: { name: true } }))?.name}`);
  }
  if (f.project) {
    const project = await db.project.findFirst({ where: { AND: [{ id: f.project }, visibleProjectsWhere(actor)] }, select: { name: true, code: true } });
    if (!project) throw notFound("项目");
    parts.push(`项目：${project.name}（${project.code}）`);
  }
  if (f.year) parts.push(`年份：${f.year}`);
  const title = `月度填报（筛选：${parts.length > 0 ? parts.join("；") : "全部（您可查看的项目）"}）`;

  const conditions: Prisma.Sql[] = [visibleProjectsSql(actor, "p")];
  if (f.park) conditions.push(Prisma.sql`p."parkId" = ${f.park}::int`);
  if (f.project) conditions.push(Prisma.sql`p.id = ${f.project}::int`);
  if (f.year) conditions.push(Prisma.sql`r.year = ${f.year}::int`);
  const where = Prisma.join(conditions, " AND ");

  async function* batches(): AsyncIterable<ExportRow[]> {
    let cursor: [number, number, number] = [0, 0, 0];
    for (;;) {
      const rows = await db.$queryRaw<Row[]>(Prisma.sql`
        SELECT r."projectId", r.year, r.month, p.code, p.name, pk.name AS "parkName", e.name AS "enterpriseName",
               r."investmentCompleted"::text AS "investmentCompleted", r."fundsArrived"::text AS "fundsArrived",
               (p."investmentCompletedBefore" + (SELECT SUM(c."investmentCompleted") FROM "ProgressReport" c
                 WHERE c."projectId" = r."projectId" AND (c.year, c.month) <= (r.year, r.month)))::text AS "investmentToDate",
               (p."fundsArrivedBefore" + (SELECT SUM(c."fundsArrived") FROM "ProgressReport" c
                 WHERE c."projectId" = r."projectId" AND (c.year, c.month) <= (r.year, r.month)))::text AS "fundsToDate",
               r."imageProgress", r.problems, u.name AS "filedBy",
               to_char(r."filedAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "filedOn"
        FROM "ProgressReport" r
        JOIN "Project" p ON p.id = r."projectId"
        JOIN "Park" pk ON pk.id = p."parkId"
        JOIN "Enterprise" e ON e.id = p."enterpriseId"
        JOIN "User" u ON u.id = r."filedById"
        WHERE ${where} AND (r."projectId", r.year, r.month) > (${cursor[0]}::int, ${cursor[1]}::int, ${cursor[2]}::int)
        ORDER BY r."projectId", r.year, r.month
        LIMIT ${EXPORT_BATCH}::int`);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      cursor = [last.projectId, last.year, last.month];
      yield rows.map((r) => {
        const values: Record<string, string | number | null> = { ...r, park: r.parkName };
        return PROGRESS_COLUMNS.map((c) => values[c.key] ?? null);
      });
    }
  }

  return {
    fileName: `月度填报-${f.year ?? "全部"}-${todayInShanghai()}.xlsx`,
    write: (out) => streamWorkbook(out, { name: PROGRESS_SHEET, title, actorName: actor.name, columns: COLUMNS }, batches()),
  };
}
