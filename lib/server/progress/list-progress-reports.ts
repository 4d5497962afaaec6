import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { pagingSchema } from "@/lib/validation/progress";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound, parseOrThrow } from "@/lib/server/errors";

export interface ProgressReportRow {
  id: number;
  year: number;
  month: number;
  investmentCompleted: string;
  fundsArrived: string;
  imageProgress: string | null;
  problems: string | null;
  version: number;
  filedByName: string;
  filedAt: string; // ISO timestamp of the latest filing or correction
}

export interface ReportChange {
  reportId: number;
  action: "progress.file" | "progress.correct";
  at: string;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * A project's monthly reports, newest first and paged, with every filing and correction
 * of the reports on the page (from the audit log, so earlier figures stay visible), and
 * the cumulative figures (opening balances plus all reports; this year's) summed in SQL.
 */
export async function listProgressReports(actor: Actor, projectId: number, paging: unknown = {}, today = todayInShanghai()) {
  const p = parseOrThrow(pagingSchema, paging);
  const { page, pageSize } = p;
  const db = getDb();
  const project = await db.project.findFirst({
    where: { AND: [{ id: projectId }, visibleProjectsWhere(actor)] },
    select: { id: true, parkId: true, investmentCompletedBefore: true, fundsArrivedBefore: true },
  });
  if (!project) throw notFound("项目");
  const year = Number(today.slice(0, 4));
  const [total, reports, sums] = await Promise.all([
    db.progressReport.count({ where: { projectId } }),
    db.progressReport.findMany({
      where: { projectId },
      orderBy: [{ year: "desc" }, { month: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        year: true,
        month: true,
        investmentCompleted: true,
        fundsArrived: true,
        imageProgress: true,
        problems: true,
        version: true,
        updatedAt: true,
        filedBy: { select: { name: true } },
      },
    }),
    db.$queryRaw<{ investmentTotal: string; fundsTotal: string; investmentYear: string; fundsYear: string }[]>(Prisma.sql`
      SELECT (${project.investmentCompletedBefore}::numeric + COALESCE(sum(r."investmentCompleted"), 0))::text AS "investmentTotal",
             (${project.fundsArrivedBefore}::numeric + COALESCE(sum(r."fundsArrived"), 0))::text AS "fundsTotal",
             COALESCE(sum(r."investmentCompleted") FILTER (WHERE r.year = ${year}::int), 0)::text AS "investmentYear",
             COALESCE(sum(r."fundsArrived") FILTER (WHERE r.year = ${year}::int), 0)::text AS "fundsYear"
      FROM "ProgressReport" r WHERE r."projectId" = ${projectId}`),
  ]);
  const audits = reports.length
    ? await db.auditLog.findMany({
        where: { entityType: "ProgressReport", entityId: { in: reports.map((r) => String(r.id)) } },
        orderBy: { id: "desc" },
        select: { entityId: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
      })
    : [];
  const rows: ProgressReportRow[] = reports.map((r) => ({
    id: r.id,
    year: r.year,
    month: r.month,
    investmentCompleted: r.investmentCompleted.toFixed(2),
    fundsArrived: r.fundsArrived.toFixed(2),
    imageProgress: r.imageProgress,
    problems: r.problems,
    version: r.version,
    filedByName: r.filedBy.name,
    filedAt: r.updatedAt.toISOString(),
  }));
  const history: ReportChange[] = audits.map((a) => ({
    reportId: Number(a.entityId),
    action: a.action as ReportChange["action"],
    at: a.createdAt.toISOString(),
    actorName: a.actor?.name ?? null,
    before: (a.before as Record<string, unknown> | null) ?? null,
    after: (a.after as Record<string, unknown> | null) ?? null,
  }));
  return { rows, history, totals: sums[0], total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
