import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { ProgressExportFilters } from "@/lib/validation/excel-export";
import { assertCan, visibleProjectsSql, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor, projectReadScope } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { PROGRESS_COLUMNS } from "@/lib/domain/ledger-columns";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { EXPORT_BATCH } from "./export-projects";
import { type ExportColumn, type ExportRow, streamWorkbook, exportedLineIn } from "./stream-workbook";

const TYPE: Record<string, ExportColumn["type"]> = { money: "money", date: "date", int: "int" };

/**
 * The export's words in one language (messages progress.export). The columns are the import's
 * table (PROGRESS_COLUMNS) and the Chinese headers equal its headers (by test), so an export of
 * monthly filings in Chinese imports again and changes nothing.
 */
function exportWords(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "progress.export" });
  return {
    t,
    columns: PROGRESS_COLUMNS.map((c): ExportColumn => ({ header: t(`columns.${c.key}` as "columns.code"), type: TYPE[c.type] ?? "text", width: c.width })),
  };
}

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
 * and month and paged by that key; cumulative figures include the opening balances. In
 * Chinese, or in `locale` (sheet, title, headers, the exported line; the same cells).
 */
export async function exportProgress(actor: Actor, f: ProgressExportFilters, locale: Locale = "zh-CN"): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("项目");
  const db = getDb();
  const words = exportWords(locale);
  const { t } = words;
  const parts: string[] = [];
  if (f.park) {
    assertCan(actor, "project.read", f.park, "园区");
    parts.push(t("filter.park", { value: String((await db.park.findUnique({ where: { id: f.park }, select: { name: true } }))?.name) }));
  }
  if (f.project) {
    const project = await db.project.findFirst({ where: { AND: [{ id: f.project }, visibleProjectsWhere(actor)] }, select: { name: true, code: true } });
    if (!project) throw notFound("项目");
    parts.push(t("filter.project", { name: project.name, code: project.code }));
  }
  if (f.year) parts.push(t("filter.year", { value: String(f.year) }));
  const title = t("title", { filters: parts.length > 0 ? parts.join(t("filter.separator")) : t("all") });

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
    fileName: t("file", { year: f.year ? String(f.year) : t("allYears"), date: todayInShanghai() }),
    write: (out) =>
      streamWorkbook(
        out,
        {
          name: t("sheet"),
          title,
          actorName: actor.name,
          columns: words.columns,
          exportedLine: exportedLineIn(locale, actor.name, (a) => t("exported", a)),
        },
        batches(),
      ),
  };
}
