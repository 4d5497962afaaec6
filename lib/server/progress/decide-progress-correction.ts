import "server-only";
// A park leader's decision on a request to change a closed month (docs/bulletins.md#closing-a-period).
// Approving writes the month's report in the same transaction as the decision (the
// report's history shows it as a correction, with the request's id), so the next bulletin
// lists it in its 更正说明; rejecting keeps the report as it was. Both are audited and the
// person who asked is notified.

import { getDb } from "@/lib/db/client";
import { formatYearMonth, monthIndex } from "@/lib/domain/filing";
import { type Actor } from "@/lib/domain/permissions";
import { type CorrectionStatus, decisionRefusal } from "@/lib/domain/published-bulletins";
import { correctionDecisionSchema } from "@/lib/validation/published-bulletins";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { notify } from "@/lib/server/notifications/notify";

export interface CorrectionDecided {
  id: number;
  status: CorrectionStatus;
  projectId: number;
  /** The report written on approval, with its new version. */
  report: { id: number; version: number } | null;
}

const money = (v: { toFixed(n: number): string }) => v.toFixed(2);

/**
 * Approves or rejects a pending correction request: progress.approveCorrection in the
 * project's park (its park leaders), never one's own request. Approving needs the month's
 * report unchanged since the request (else CONFLICT: reject it and ask again on the new figures).
 */
export async function decideProgressCorrection(actor: Actor, input: unknown): Promise<CorrectionDecided> {
  const data = parseOrThrow(correctionDecisionSchema, input);
  const db = getDb();
  const request = await db.progressCorrection.findUnique({
    where: { id: data.id },
    select: {
      id: true,
      projectId: true,
      parkId: true,
      year: true,
      month: true,
      status: true,
      requestedById: true,
      baseVersion: true,
      investmentCompleted: true,
      fundsArrived: true,
      imageProgress: true,
      problems: true,
      reason: true,
      project: { select: { name: true } },
    },
  });
  if (!request) throw notFound("更正申请");
  const refusal = decisionRefusal(actor, request);
  if (refusal === "not-found") throw notFound("更正申请");
  if (refusal) throw new AppError(request.status !== "PENDING" ? "CONFLICT" : "FORBIDDEN", refusal);

  const ym = { year: request.year, month: request.month };
  const approve = data.decision === "APPROVE";
  const status: CorrectionStatus = approve ? "APPROVED" : "REJECTED";
  return db.$transaction(async (tx) => {
    const decidedAt = new Date();
    const { count } = await tx.progressCorrection.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status, decidedById: actor.userId, decidedAt, decisionNote: data.note, openKey: null },
    });
    if (count === 0) throw new AppError("CONFLICT", "该更正申请刚被他人审批，请刷新后查看");

    let report: CorrectionDecided["report"] = null;
    if (approve) {
      const key = { projectId_year_month: { projectId: request.projectId, year: request.year, month: request.month } };
      const existing = await tx.progressReport.findUnique({
        where: key,
        select: { id: true, version: true, investmentCompleted: true, fundsArrived: true, imageProgress: true, problems: true },
      });
      if ((existing?.version ?? null) !== request.baseVersion) {
        throw new AppError("CONFLICT", `${formatYearMonth(ym)}的月报在申请提交后已有变动，不能按原申请更正：请驳回本申请，由填报人在最新数据上重新申请`);
      }
      const values = {
        investmentCompleted: money(request.investmentCompleted),
        fundsArrived: money(request.fundsArrived),
        imageProgress: request.imageProgress,
        problems: request.problems,
      };
      if (existing) {
        const updated = await tx.progressReport.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...values, filedById: request.requestedById, version: { increment: 1 } },
        });
        if (updated.count === 0) throw new AppError("CONFLICT", `${formatYearMonth(ym)}的月报刚被更新，请刷新后重试`);
        report = { id: existing.id, version: existing.version + 1 };
      } else {
        const row = await tx.progressReport.create({ data: { projectId: request.projectId, year: request.year, month: request.month, ...values, filedById: request.requestedById }, select: { id: true } });
        report = { id: row.id, version: 1 };
      }
      // The ledger's 形象进度 / 存在问题 follow the newest month, as with any filing.
      const newest = await tx.progressReport.findFirst({ where: { projectId: request.projectId }, orderBy: [{ year: "desc" }, { month: "desc" }], select: { year: true, month: true } });
      if (newest && monthIndex(newest) === monthIndex(ym)) {
        await tx.project.update({ where: { id: request.projectId }, data: { imageProgress: values.imageProgress, problems: values.problems } });
      }
      const base = { projectId: request.projectId, year: request.year, month: request.month };
      await writeAudit(tx, {
        actorId: actor.userId,
        action: existing ? "progress.correct" : "progress.file",
        entityType: "ProgressReport",
        entityId: report.id,
        parkId: request.parkId,
        before: existing
          ? { ...base, version: existing.version, investmentCompleted: money(existing.investmentCompleted), fundsArrived: money(existing.fundsArrived), imageProgress: existing.imageProgress, problems: existing.problems }
          : undefined,
        after: { ...base, version: report.version, ...values, correctionId: request.id },
      });
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: approve ? "progress.correctionApprove" : "progress.correctionReject",
      entityType: "ProgressCorrection",
      entityId: request.id,
      parkId: request.parkId,
      before: { status: "PENDING" },
      after: { status, note: data.note, projectId: request.projectId, year: request.year, month: request.month, reportVersion: report?.version ?? null },
    });
    await notify(tx, actor.userId, [
      {
        userIds: [request.requestedById],
        kind: "SYSTEM",
        title: `月报更正${approve ? "已批准" : "被驳回"}：${request.project.name} ${formatYearMonth(ym)}`,
        body: approve ? `${actor.name}已批准，月报已按申请更正${data.note ? `。意见：${data.note}` : ""}` : `${actor.name}驳回了申请，理由：${data.note}`,
        link: `/progress/corrections?park=${request.parkId}`,
      },
    ]);
    return { id: request.id, status, projectId: request.projectId, report };
  });
}
