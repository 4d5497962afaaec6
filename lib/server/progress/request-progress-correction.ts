import "server-only";
// Asking to file or correct a month closed by a published bulletin (docs/bulletins.md#closing-a-period).
// The request carries the month's new figures and why; a park leader approves it
// (decide-progress-correction.ts), which writes the report, or rejects it.

import { getDb } from "@/lib/db/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { fileableMonthProblem, formatYearMonth } from "@/lib/domain/filing";
import { type Actor } from "@/lib/domain/permissions";
import { correctionOpenKey } from "@/lib/domain/published-bulletins";
import { correctionRequestSchema } from "@/lib/validation/published-bulletins";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, isUniqueViolation, notFound, parseOrThrow } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";
import { loadClosedMonths } from "./closed-months";

export interface CorrectionRequested {
  id: number;
  projectId: number;
  year: number;
  month: number;
}

const money = (v: { toFixed(n: number): string }) => v.toFixed(2);

/**
 * Asks to change month (year, month) of a started project where that month is closed by a
 * published bulletin: progress.file in the project's park (as for filing; a liaison for the
 * projects assigned to them). `version` is the report's version as loaded (none when the
 * month was never filed: a late filing). One pending request per project and month; the
 * park's leaders are notified. Audited.
 */
export async function requestProgressCorrection(actor: Actor, input: unknown, today = todayInShanghai()): Promise<CorrectionRequested> {
  const data = parseOrThrow(correctionRequestSchema, input);
  const db = getDb();
  const project = await db.project.findFirst({
    where: { AND: [{ id: data.projectId }, visibleProjectsWhere(actor)] },
    select: { id: true, parkId: true, name: true, stage: true, actualStartDate: true },
  });
  if (!project) throw notFound("项目");
  assertCan(actor, "progress.file", project.parkId, "项目");
  const ym = { year: data.year, month: data.month };
  const problem = fileableMonthProblem(ym, project.actualStartDate ? dateToIso(project.actualStartDate) : null, today);
  if (problem) throw new AppError("VALIDATION", problem, { month: [problem] });
  if (project.stage !== "STARTED" && project.stage !== "PRODUCING") {
    const message = "项目尚未开工，开工后才能按月填报";
    throw new AppError("VALIDATION", message, { month: [message] });
  }
  const closedBy = (await loadClosedMonths(db, [project.parkId])).closedBy(project.parkId, ym);
  if (!closedBy) {
    const message = `${formatYearMonth(ym)}尚未随通报定稿关闭，可直接填报或更正，无需申请`;
    throw new AppError("VALIDATION", message, { month: [message] });
  }

  const report = await db.progressReport.findUnique({
    where: { projectId_year_month: { projectId: project.id, year: data.year, month: data.month } },
    select: { version: true, investmentCompleted: true, fundsArrived: true, imageProgress: true, problems: true },
  });
  if (report && data.version !== report.version) {
    throw new AppError("CONFLICT", `${formatYearMonth(ym)}的月报已有更新（现为第 ${report.version} 版），请刷新后在最新数据上申请更正`);
  }
  if (!report && data.version !== undefined) throw new AppError("CONFLICT", `${formatYearMonth(ym)}的月报已不存在，请刷新后重试`);
  const before = report
    ? { investmentCompleted: money(report.investmentCompleted), fundsArrived: money(report.fundsArrived), imageProgress: report.imageProgress, problems: report.problems }
    : null;
  if (
    before &&
    Number(before.investmentCompleted) === Number(data.investmentCompleted) &&
    Number(before.fundsArrived) === Number(data.fundsArrived) &&
    before.imageProgress === data.imageProgress &&
    before.problems === data.problems
  ) {
    throw new AppError("VALIDATION", "更正后的内容与现有月报相同，无需申请更正", { _form: ["更正后的内容与现有月报相同，无需申请更正"] });
  }

  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.progressCorrection.create({
        data: {
          projectId: project.id,
          parkId: project.parkId,
          year: data.year,
          month: data.month,
          baseVersion: report?.version ?? null,
          before: before ?? undefined,
          investmentCompleted: data.investmentCompleted,
          fundsArrived: data.fundsArrived,
          imageProgress: data.imageProgress,
          problems: data.problems,
          reason: data.reason,
          openKey: correctionOpenKey(project.id, ym),
          requestedById: actor.userId,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "progress.correctionRequest",
        entityType: "ProgressCorrection",
        entityId: row.id,
        parkId: project.parkId,
        before: before ? { projectId: project.id, year: data.year, month: data.month, version: report?.version, ...before } : undefined,
        after: {
          projectId: project.id,
          year: data.year,
          month: data.month,
          investmentCompleted: data.investmentCompleted,
          fundsArrived: data.fundsArrived,
          imageProgress: data.imageProgress,
          problems: data.problems,
          reason: data.reason,
          closedBy: closedBy.id,
        },
      });
      const leaders = await tx.membership.findMany({ where: { parkId: project.parkId, role: "PARK_LEADER", user: { isActive: true } }, select: { userId: true } });
      await notify(tx, actor.userId, [
        {
          userIds: leaders.map((l) => l.userId),
          kind: "SYSTEM",
          title: `月报更正待审批：${project.name} ${formatYearMonth(ym)}`,
          body: `${actor.name}申请${before ? "更正" : "补报"}已定稿月份的月报，原因：${data.reason}`,
          link: `/progress/corrections?park=${project.parkId}&status=PENDING`,
        },
      ]);
      return { id: row.id, projectId: project.id, year: data.year, month: data.month };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `${project.name} ${formatYearMonth(ym)}已有一份待审批的更正申请，请等待园区领导审批后再提交`);
    throw e;
  }
}
