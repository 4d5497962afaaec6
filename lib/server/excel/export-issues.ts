import "server-only";
import type { Writable } from "node:stream";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUS_LABELS, SATISFACTION_LABELS, type IssueCategory, type IssueStatus, type Satisfaction } from "@/lib/domain/issues";
import type { IssueFilters } from "@/lib/validation/issues";
import { type Actor } from "@/lib/domain/permissions";
import { type IssueFilterSet, assertIssueScope, issueWhereSql, overdueSql } from "@/lib/server/issues/issue-filter-sql";
import { EXPORT_BATCH } from "./export-projects";
import { type ExportColumn, type ExportRow, streamWorkbook } from "./stream-workbook";

const COLUMNS: ExportColumn[] = [
  { header: "问题编号", type: "text", width: 18 },
  { header: "问题", type: "text", width: 30 },
  { header: "类别", type: "text", width: 10 },
  { header: "状态", type: "text", width: 8 },
  { header: "协调层级", type: "text", width: 20 },
  { header: "所属园区", type: "text", width: 14 },
  { header: "企业", type: "text", width: 26 },
  { header: "项目", type: "text", width: 26 },
  { header: "提出日期", type: "date", width: 12 },
  { header: "答复期限", type: "date", width: 12 },
  { header: "办结期限", type: "date", width: 12 },
  { header: "答复日期", type: "date", width: 12 },
  { header: "销号日期", type: "date", width: 12 },
  { header: "超期天数（天）", type: "int", width: 10 },
  { header: "满意度", type: "text", width: 10 },
  { header: "责任单位", type: "text", width: 16 },
  { header: "负责人", type: "text", width: 10 },
  { header: "包保责任人", type: "text", width: 10 },
  { header: "问题描述", type: "text", width: 40 },
];

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

const FLAG_LABELS: Record<string, string> = { overdue: "只看超期", open: "只看未销号", mine: "我的待办" };

async function describe(f: IssueFilterSet): Promise<string> {
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
  for (const [key, v] of Object.entries(f)) {
    if (v === undefined || key === "page" || key === "pageSize") continue;
    if (key === "park") parts.push(`园区：${await name("park", Number(v))}`);
    else if (key === "category") parts.push(`类别：${ISSUE_CATEGORY_LABELS[v as IssueCategory]}`);
    else if (key === "status") parts.push(`状态：${ISSUE_STATUS_LABELS[v as IssueStatus]}`);
    else if (key === "level") parts.push(`层级：${ISSUE_LEVEL_LABELS[Number(v)]}`);
    else if (key === "satisfaction") parts.push(`满意度：${SATISFACTION_LABELS[v as Satisfaction]}`);
    else if (key === "liaison") parts.push(`包保责任人：${await name("user", Number(v))}`);
    else if (key === "responsible") parts.push(`负责人：${await name("user", Number(v))}`);
    else if (key === "enterprise") parts.push(`企业：${await name("enterprise", Number(v))}`);
    else if (key === "project") parts.push(`项目：${await name("project", Number(v))}`);
    else if (key === "raisedFrom") parts.push(`提出日期起：${v}`);
    else if (key === "raisedTo") parts.push(`提出日期止：${v}`);
    else if (key === "closedFrom") parts.push(`销号日期起：${v}`);
    else if (key === "closedTo") parts.push(`销号日期止：${v}`);
    else if (key === "q") parts.push(`搜索：${v}`);
    else if (FLAG_LABELS[key]) parts.push(FLAG_LABELS[key]);
    else parts.push(`${key}：${String(v)}`);
  }
  return parts.length > 0 ? parts.join("；") : "全部（您可查看的问题）";
}

const d = (col: string) => Prisma.raw(`to_char(i."${col}", 'YYYY-MM-DD') AS "${col}"`);

/**
 * The problems list for a filter as an .xlsx, streamed: the same WHERE as /issues
 * (issueWhereSql: scope plus URL filters), 1,000 rows per query by id.
 */
export async function exportIssues(actor: Actor, filters: IssueFilters, today = todayInShanghai()): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  assertIssueScope(actor, filters);
  const where = issueWhereSql(actor, filters, today);
  const overdue = overdueSql(today);
  const title = `企业诉求（筛选：${await describe(filters)}）`;

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
        ISSUE_CATEGORY_LABELS[r.category],
        ISSUE_STATUS_LABELS[r.status],
        ISSUE_LEVEL_LABELS[r.level] ?? String(r.level),
        r.parkName,
        r.enterpriseName,
        r.projectName,
        r.raisedDate,
        r.answerDeadline,
        r.resolveDeadline,
        r.answeredDate,
        r.closedDate,
        Number(r.overdueDays),
        r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : null,
        r.responsibleUnit,
        r.responsibleName,
        r.liaisonName,
        r.description,
      ]);
    }
  }

  return {
    fileName: `企业诉求-${today}.xlsx`,
    write: (out) => streamWorkbook(out, { name: "企业诉求", title, actorName: actor.name, columns: COLUMNS }, batches()),
  };
}
