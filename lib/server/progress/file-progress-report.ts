import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { fileableMonthProblem, formatYearMonth, monthIndex } from "@/lib/domain/filing";
import { type ProgressReportData, progressReportSchema } from "@/lib/validation/progress";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { assertMonthOpen } from "./closed-months";

export interface FiledReport {
  id: number;
  projectId: number;
  year: number;
  month: number;
  version: number;
  created: boolean;
}

const REPORT_SELECT = {
  id: true,
  version: true,
  investmentCompleted: true,
  fundsArrived: true,
  imageProgress: true,
  problems: true,
  filedAt: true,
  filedBy: { select: { name: true } },
} as const;

type ReportRow = Prisma.ProgressReportGetPayload<{ select: typeof REPORT_SELECT }>;

function snapshot(r: { investmentCompleted: { toFixed(n: number): string } | string; fundsArrived: { toFixed(n: number): string } | string; imageProgress: string | null; problems: string | null }) {
  const money = (v: { toFixed(n: number): string } | string) => (typeof v === "string" ? v : v.toFixed(2));
  return { investmentCompleted: money(r.investmentCompleted), fundsArrived: money(r.fundsArrived), imageProgress: r.imageProgress, problems: r.problems };
}

function conflict(ym: { year: number; month: number }, row: ReportRow | null): AppError {
  const who = row ? `${row.filedBy.name}（${dateToIso(row.filedAt)}）` : "其他用户";
  return new AppError("CONFLICT", `${formatYearMonth(ym)}的月报已被 ${who} 填报或更正，请刷新后在最新数据上更正`);
}

/**
 * Why a project cannot file month `ym` (before the closed-month check, which needs the
 * transaction): the month is not over or before the start, or the project has not started.
 * Null when it may. Shared with the monthly figures import.
 */
export function filingProblem(project: { stage: string; actualStartDate: Date | null }, ym: { year: number; month: number }, today: string): string | null {
  const problem = fileableMonthProblem(ym, project.actualStartDate ? dateToIso(project.actualStartDate) : null, today);
  if (problem) return problem;
  if (project.stage !== "STARTED" && project.stage !== "PRODUCING") return "项目尚未开工，开工后才能按月填报";
  return null;
}

/**
 * Files one month's progress (月度填报) for a started project, or corrects a month filed
 * before. Only a month that is over and not before the project's start; progress.file in
 * the project's park (other parks, and for a liaison projects not assigned to them, are
 * NOT_FOUND). A correction must carry the version loaded: if someone filed or corrected
 * the month since, nothing is written and the answer is a CONFLICT. One transaction:
 * the report, the project's latest 形象进度/存在问题 when this is its newest month, and an
 * audit row with before and after (a correction keeps the earlier figures there).
 * Cumulative figures and lights are sums over the reports, so they follow at once.
 * A month closed by a published bulletin (closed-months.ts) is refused: it changes only
 * through a correction request a park leader approves (request-progress-correction.ts).
 */
export async function fileProgressReport(actor: Actor, input: unknown, today = todayInShanghai()): Promise<FiledReport> {
  const parsed = parseOrThrow(progressReportSchema, input);
  const data = parsed;
  const db = getDb();
  const project = await db.project.findFirst({
    where: { AND: [{ id: data.projectId }, visibleProjectsWhere(actor)] },
    select: { id: true, parkId: true, stage: true, actualStartDate: true },
  });
  if (!project) throw notFound("项目");
  assertCan(actor, "progress.file", project.parkId, "项目");
  const ym = { year: data.year, month: data.month };
  const problem = filingProblem(project, ym, today);
  if (problem) throw new AppError("VALIDATION", problem, { month: [problem] });

  const key = { projectId_year_month: { projectId: project.id, year: data.year, month: data.month } };
  try {
    return await db.$transaction((tx) => writeProgressReport(tx, actor, project, data));
  } catch (e) {
    // Two people filing the same new month at once: the unique key stops the second.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict(ym, await db.progressReport.findUnique({ where: key, select: REPORT_SELECT }));
    throw e;
  }
}

/**
 * The write of one month's filing inside `tx`, for a project the caller found in the actor's
 * scope with progress.file and checked (the month fileable, the project started): the
 * closed-month check (assertMonthOpen, under the park's filing lock), the report (new, or a
 * correction carrying the version loaded: CONFLICT otherwise), the project's latest
 * 形象进度/存在问题 when this is its newest month, and the audit row. Shared by
 * fileProgressReport and the monthly figures import, which writes each of its rows with it
 * inside its one transaction.
 */
export async function writeProgressReport(tx: Prisma.TransactionClient, actor: Actor, project: { id: number; parkId: number }, data: ProgressReportData): Promise<FiledReport> {
  const ym = { year: data.year, month: data.month };
  const key = { projectId_year_month: { projectId: project.id, year: data.year, month: data.month } };
  const values = { investmentCompleted: data.investmentCompleted, fundsArrived: data.fundsArrived, imageProgress: data.imageProgress, problems: data.problems };
  await assertMonthOpen(tx, project.parkId, ym);
  const existing = await tx.progressReport.findUnique({ where: key, select: REPORT_SELECT });
  let result: FiledReport;
  if (existing) {
    if (data.version === undefined || data.version !== existing.version) throw conflict(ym, existing);
    const { count } = await tx.progressReport.updateMany({
      where: { id: existing.id, version: data.version },
      data: { ...values, filedById: actor.userId, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(ym, await tx.progressReport.findUnique({ where: key, select: REPORT_SELECT }));
    result = { id: existing.id, projectId: project.id, year: data.year, month: data.month, version: existing.version + 1, created: false };
  } else {
    if (data.version !== undefined) throw conflict(ym, null);
    const row = await tx.progressReport.create({ data: { projectId: project.id, year: data.year, month: data.month, ...values, filedById: actor.userId }, select: { id: true } });
    result = { id: row.id, projectId: project.id, year: data.year, month: data.month, version: 1, created: true };
  }
  // The ledger's 形象进度 / 存在问题 are the newest month's: a derived copy, so the project's version is not bumped.
  const newest = await tx.progressReport.findFirst({ where: { projectId: project.id }, orderBy: [{ year: "desc" }, { month: "desc" }], select: { year: true, month: true } });
  if (newest && monthIndex(newest) === monthIndex(ym)) {
    await tx.project.update({ where: { id: project.id }, data: { imageProgress: data.imageProgress, problems: data.problems } });
  }
  await writeAudit(tx, {
    actorId: actor.userId,
    action: existing ? "progress.correct" : "progress.file",
    entityType: "ProgressReport",
    entityId: result.id,
    parkId: project.parkId,
    before: existing ? { projectId: project.id, year: data.year, month: data.month, version: existing.version, ...snapshot(existing) } : undefined,
    after: { projectId: project.id, year: data.year, month: data.month, version: result.version, ...snapshot(values) },
  });
  return result;
}
