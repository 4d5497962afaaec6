import "server-only";
import { getDb } from "@/lib/db/client";
import { yearPlanSchema } from "@/lib/validation/progress";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound, parseOrThrow } from "@/lib/server/errors";

/**
 * Sets a project's annual plan for one year (本年计划投资, plan to start, plan to produce).
 * project.write in the project's park. The plan is part of the ledger record, so the
 * project's version is bumped: a ledger form loaded before this change then conflicts
 * instead of writing an older plan back. Audited with before and after.
 */
export async function setYearPlan(actor: Actor, input: unknown): Promise<{ year: number; plannedInvestment: string; planStart: boolean; planProduction: boolean; note: string | null }> {
  const parsed = parseOrThrow(yearPlanSchema, input);
  const { projectId, year, ...plan } = parsed;
  const db = getDb();
  const project = await db.project.findFirst({ where: { AND: [{ id: projectId }, visibleProjectsWhere(actor)] }, select: { id: true, parkId: true } });
  if (!project) throw notFound("项目");
  assertCan(actor, "project.write", project.parkId, "项目");
  return db.$transaction(async (tx) => {
    const key = { projectId_year: { projectId, year } };
    const before = await tx.projectYearPlan.findUnique({ where: key, select: { plannedInvestment: true, planStart: true, planProduction: true, note: true } });
    await tx.projectYearPlan.upsert({ where: key, create: { projectId, year, ...plan }, update: plan });
    await tx.project.update({ where: { id: projectId }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "project.yearPlan",
      entityType: "Project",
      entityId: projectId,
      parkId: project.parkId,
      before: before ? { year, plannedInvestmentThisYear: before.plannedInvestment.toFixed(2), planStartThisYear: before.planStart, planProductionThisYear: before.planProduction } : { year },
      after: { year, plannedInvestmentThisYear: plan.plannedInvestment, planStartThisYear: plan.planStart, planProductionThisYear: plan.planProduction },
    });
    return { year, ...plan };
  });
}
