import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import type { IssueCategory, IssueStatus, Satisfaction } from "@/lib/domain/issues";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import type { IssueFilters } from "@/lib/validation/issues";
import { type Actor } from "@/lib/domain/permissions";
import { type IssueFilterSet, assertIssueScope, issueWhereSql, overdueSql } from "@/lib/server/issues/issue-filter-sql";
import { EXPORT_BATCH } from "./export-projects";
import { type ExportColumn, type ExportRow, streamWorkbook, exportedLineIn } from "./stream-workbook";

/**
 * The problems sheet's columns, in order. `header` is the Chinese the export has always written;
 * the words come from messages issues.export.columns (the Chinese held equal to these by a test).
 */
export const ISSUE_EXPORT_COLUMNS = [
  { key: "code", header: "问题编号", type: "text", width: 18 },
  { key: "title", header: "问题", type: "text", width: 30 },
  { key: "category", header: "类别", type: "text", width: 10 },
  { key: "status", header: "状态", type: "text", width: 8 },
  { key: "level", header: "协调层级", type: "text", width: 20 },
  { key: "park", header: "所属园区", type: "text", width: 14 },
  { key: "enterprise", header: "企业", type: "text", width: 26 },
  { key: "project", header: "项目", type: "text", width: 26 },
  { key: "raisedDate", header: "提出日期", type: "date", width: 12 },
  { key: "answerDeadline", header: "答复期限", type: "date", width: 12 },
  { key: "resolveDeadline", header: "办结期限", type: "date", width: 12 },
  { key: "answeredDate", header: "答复日期", type: "date", width: 12 },
  { key: "closedDate", header: "销号日期", type: "date", width: 12 },
  { key: "overdueDays", header: "超期天数（天）", type: "int", width: 10 },
  { key: "satisfaction", header: "满意度", type: "text", width: 10 },
  { key: "responsibleUnit", header: "责任单位", type: "text", width: 16 },
  { key: "responsible", header: "负责人", type: "text", width: 10 },
  { key: "liaison", header: "包保责任人", type: "text", width: 10 },
  { key: "description", header: "问题描述", type: "text", width: 40 },
] as const satisfies readonly (ExportColumn & { key: string })[];

type FilterKey = keyof IssueFilterSet;

/** The export's words in one language (messages issues.export and common.enum). */
function exportWords(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "issues.export" });
  const e = createTranslator({ locale, messages: MESSAGES[locale], namespace: "common.enum" });
  const label = (key: string, v: string) => (e.has(key as "issueCategory.LAND") ? e(key as "issueCategory.LAND") : v);
  return {
    t,
    columns: ISSUE_EXPORT_COLUMNS.map((c): ExportColumn => ({ header: t(`columns.${c.key}`), type: c.type, width: c.width })),
    category: (v: string) => label(`issueCategory.${v}`, v),
    status: (v: string) => label(`issueStatus.${v}`, v),
    level: (v: number) => label(`issueLevel.L${v}`, String(v)),
    satisfaction: (v: string) => label(`satisfaction.${v}`, v),
  };
}

type Row = {
  id: number;
  code: string;
  title: string;
  category: IssueCategory;
  status: IssueStatus;
  level: number;
  parkName: string;
  enterpriseName: string;
  projectName: string | null;
  raisedDate: string;
  answerDeadline: string | null;
  resolveDeadline: string;
  answeredDate: string | null;
  closedDate: string | null;
  overdueDays: number;
  satisfaction: Satisfaction | null;
  responsibleUnit: string | null;
  responsibleName: string | null;
  liaisonName: string | null;
  description: string;
};

const FLAGS = new Set<FilterKey>(["overdue", "open", "mine"]);
const PLAIN = new Set<FilterKey>(["raisedFrom", "raisedTo", "closedFrom", "closedTo", "q"]);

/** The list filter in words, e.g. "园区：怀化高新区；类别：用地" / "park: …; category: Land". */
async function describe(f: IssueFilterSet, w: ReturnType<typeof exportWords>): Promise<string> {
  const { t } = w;
  const db = getDb();
  const name = async (kind: "park" | "user" | "enterprise" | "project", id: number) => {
    const row =
      kind === "park"
        ? await db.park.findUnique({ where: { id }, select: { name: true } })
        : kind === "user"
          ? await db.user.findUnique({ where: { id }, select: { name: true } })
          : kind === "enterprise"
            ? await db.enterprise.findUnique({ where: { id }, select: { name: true } })
            : await db.project.findUnique({ where: { id }, select: { name: true } });
    return row?.name ?? String(id);
  };
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    const key = k as FilterKey;
    if (v === undefined || k === "page" || k === "pageSize") continue;
    if (key === "park") parts.push(t("filter.park", { value: await name("park", Number(v)) }));
    else if (key === "category") parts.push(t("filter.category", { value: w.category(String(v)) }));
    else if (key === "status") parts.push(t("filter.status", { value: w.status(String(v)) }));
    else if (key === "level") parts.push(t("filter.level", { value: w.level(Number(v)) }));
    else if (key === "satisfaction") parts.push(t("filter.satisfaction", { value: w.satisfaction(String(v)) }));
    else if (key === "liaison" || key === "responsible") parts.push(t(`filter.${key}`, { value: await name("user", Number(v)) }));
    else if (key === "enterprise" || key === "project") parts.push(t(`filter.${key}`, { value: await name(key, Number(v)) }));
    else if (PLAIN.has(key)) parts.push(t(`filter.${key as "q"}`, { value: String(v) }));
    else if (FLAGS.has(key)) parts.push(t(`filter.${key as "overdue"}`));
    else parts.push(t("filter.other", { key: k, value: String(v) }));
  }
  return parts.length > 0 ? parts.join(t("filter.separator")) : t("all");
}

const d = (col: string) => Prisma.raw(`to_char(i."${col}", 'YYYY-MM-DD') AS "${col}"`);

/**
 * The problems list for a filter as an .xlsx, streamed: the same WHERE as /issues
 * (issueWhereSql: scope plus URL filters), 1,000 rows per query by id. In Chinese, or in
 * `locale` (sheet, title, headers, category/status/level/satisfaction cells, the exported line);
 * dates, numbers and the records' own text are the same cells in either.
 */
export async function exportIssues(
  actor: Actor,
  filters: IssueFilters,
  today = todayInShanghai(),
  locale: Locale = "zh-CN",
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  assertIssueScope(actor, filters);
  const where = issueWhereSql(actor, filters, today);
  const overdue = overdueSql(today);
  const words = exportWords(locale);
  const title = words.t("title", { filters: await describe(filters, words) });

  async function* batches(): AsyncIterable<ExportRow[]> {
    const db = getDb();
    let after = 0;
    for (;;) {
      const rows = await db.$queryRaw<Row[]>(Prisma.sql`
        SELECT i.id, i.code, i.title, i.category::text AS category, i.status::text AS status, i.level,
               pk.name AS "parkName", e.name AS "enterpriseName", pr.name AS "projectName",
               ${d("raisedDate")}, ${d("answerDeadline")}, ${d("resolveDeadline")}, ${d("answeredDate")}, ${d("closedDate")},
               CASE WHEN ${overdue} THEN (CAST(${today} AS date) - i."resolveDeadline") ELSE 0 END AS "overdueDays",
               i.satisfaction::text AS satisfaction, i."responsibleUnit", ru.name AS "responsibleName",
               (SELECT u.name FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
                 WHERE a.role = 'LIAISON' AND a."endDate" IS NULL AND (a."projectId" = i."projectId" OR a."enterpriseId" = i."enterpriseId")
                 ORDER BY (a."projectId" IS NULL), a."startDate" DESC, a.id DESC LIMIT 1) AS "liaisonName",
               i.description
        FROM "EnterpriseIssue" i
        JOIN "Park" pk ON pk.id = i."parkId"
        JOIN "Enterprise" e ON e.id = i."enterpriseId"
        LEFT JOIN "Project" pr ON pr.id = i."projectId"
        LEFT JOIN "User" ru ON ru.id = i."responsibleUserId"
        WHERE ${where} AND i.id > ${after}::int
        ORDER BY i.id
        LIMIT ${EXPORT_BATCH}::int`);
      if (rows.length === 0) return;
      after = rows[rows.length - 1].id;
      yield rows.map((r) => [
        r.code,
        r.title,
        words.category(r.category),
        words.status(r.status),
        words.level(r.level),
        r.parkName,
        r.enterpriseName,
        r.projectName,
        r.raisedDate,
        r.answerDeadline,
        r.resolveDeadline,
        r.answeredDate,
        r.closedDate,
        Number(r.overdueDays),
        r.satisfaction ? words.satisfaction(r.satisfaction) : null,
        r.responsibleUnit,
        r.responsibleName,
        r.liaisonName,
        r.description,
      ]);
    }
  }

  return {
    fileName: words.t("file", { date: today }),
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
