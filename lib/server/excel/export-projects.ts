import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { currentHolderNameSql } from "@/lib/server/assignments/holder-sql";
import { todayInShanghai } from "@/lib/domain/dates";
import { createTranslator } from "use-intl/core";
import { LEDGER_COLUMNS, type LedgerColumnType } from "@/lib/domain/ledger-columns";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import type { ProjectFilters } from "@/lib/validation/project-filters";
import { assertCan } from "@/lib/server/actor";
import { type Actor, parksWith, projectReadScope } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { drillDownIds, projectListWhere } from "@/lib/server/projects/list-projects";
import { LIGHT_COLUMNS, type LightRow, litCte, lightFromRow, loadLightSetup } from "@/lib/server/warnings/light-sql";
import { LEDGER_RECORD_SQL, YEAR_PLAN_SQL, yearPlanJoin } from "./ledger-analysis";
import { type ExportColumn, type ExportRow, streamWorkbook, exportedLineIn } from "./stream-workbook";

/** Rows read per query: the export pages through the filter by id. */
export const EXPORT_BATCH = 1_000;

const TYPE: Record<string, ExportColumn["type"]> = { money: "money", area: "area", date: "date" };

/** The export's words in one language (messages projects.ledgerExport; Chinese equal to LEDGER_COLUMNS, by test). */
function exportWords(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "projects.ledgerExport" });
  const e = createTranslator({ locale, messages: MESSAGES[locale], namespace: "common.enum" });
  const ENUM: Partial<Record<LedgerColumnType, "stage" | "source" | "keyLevel" | "status">> = { stage: "stage", source: "source", keyLevel: "keyLevel", status: "status" };
  return {
    t,
    columns: LEDGER_COLUMNS.map((c): ExportColumn => ({ header: t(`columns.${c.key}` as "columns.code"), type: TYPE[c.type] ?? "text", width: c.width })),
    /** A stored value as its ledger cell: choices as their labels, yes/no as 是/否 (Yes/No). */
    cell(type: LedgerColumnType, v: string | number | boolean | null): string | number | null {
      if (v === null) return null;
      if (typeof v === "boolean") return v ? t("yes") : t("no");
      const group = ENUM[type];
      if (group) return e.has(`${group}.${String(v)}` as "stage.SIGNED") ? e(`${group}.${String(v)}` as "stage.SIGNED") : String(v);
      return v;
    },
    light: (light: string) => e(`light.${light}` as "light.RED"),
    enumOf: (group: "stage" | "status" | "keyLevel", v: string) => (e.has(`${group}.${v}` as "stage.SIGNED") ? e(`${group}.${v}` as "stage.SIGNED") : v),
  };
}

/** The list filter in words, e.g. "园区：怀化高新区；阶段：开工" / "park: …; stage: Started". */
async function describeFilters(f: ProjectFilters, w: ReturnType<typeof exportWords>): Promise<string> {
  const { t } = w;
  const parts: string[] = [];
  const labels: Record<string, (v: unknown) => string | Promise<string>> = {
    park: async (v) => t("filter.park", { value: (await getDb().park.findUnique({ where: { id: Number(v) }, select: { name: true } }))?.name ?? String(v) }),
    stage: (v) => t("filter.stage", { value: w.enumOf("stage", String(v)) }),
    status: (v) => t("filter.status", { value: w.enumOf("status", String(v)) }),
    keyLevel: (v) => t("filter.keyLevel", { value: w.enumOf("keyLevel", String(v)) }),
    industry: (v) => t("filter.industry", { value: String(v) }),
    year: (v) => t("filter.year", { value: String(v) }),
    q: (v) => t("filter.q", { value: String(v) }),
  };
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || value === null || value === "" || key === "page" || key === "pageSize") continue;
    parts.push(labels[key] ? await labels[key](value) : t("filter.other", { key, value: String(value) }));
  }
  return parts.length > 0 ? parts.join(t("filter.separator")) : t("all");
}

type ExportedRow = Record<string, string | number | boolean | null>;

/**
 * The ledger list for a filter as an .xlsx, streamed: the same WHERE as /projects
 * (projectListWhere: the actor's scope plus the URL filters; a dashboard figure's projects
 * through drillDownIds), read 1,000 rows at a time by id, one row per project in every
 * ledger column: the record, the 包保 holders, this year's plan, opening balances, this
 * year's and cumulative investment and funds, and the light with its reasons
 * (lib/server/warnings: litCte and lightFromRow, the red list's own rules).
 * The importable columns are the template's, so the file imports again and changes nothing.
 * Checks scope before anything is written.
 */
export async function exportProjects(actor: Actor, filters: ProjectFilters, locale: Locale = "zh-CN"): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("项目");
  if (filters.park) assertCan(actor, "project.read", filters.park, "园区");
  const metric = filters.metric;
  const where = metric ? null : projectListWhere(actor, filters);
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const words = exportWords(locale);
  const title = words.t("title", { filters: await describeFilters(filters, words), year: String(year) });
  const fileName = words.t("file", { date: today });

  async function* batches(): AsyncIterable<ExportRow[]> {
    const db = getDb();
    const lightSetup = await loadLightSetup(db, parksWith(actor, "project.read"), today);
    let after = 0;
    for (;;) {
      // A dashboard figure's projects are read in SQL where its count is (drillDownIds).
      const ids = metric
        ? (await drillDownIds(actor, { ...filters, metric }, { order: "id", after, take: EXPORT_BATCH })).ids
        : (await db.project.findMany({ where: { AND: [where!, { id: { gt: after } }] }, orderBy: { id: "asc" }, take: EXPORT_BATCH, select: { id: true } })).map((p) => p.id);
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
        const values: ExportedRow = { ...r, light: light?.overall ? words.light(light.overall) : null, lightReasons: light && light.reasons.length > 0 ? light.reasons.join("；") : null };
        return LEDGER_COLUMNS.map((c) => words.cell(c.type, values[c.key] ?? null));
      });
    }
  }

  return {
    fileName,
    write: (out) =>
      streamWorkbook(
        out,
        {
          name: words.t("sheet"),
          title,
          actorName: actor.name,
          columns: words.columns,
          exportedLine: exportedLineIn(locale, actor.name, (a) => words.t("exported", a)),
        },
        batches(),
      ),
  };
}
