import "server-only";
// The one rule that writes a project's annual plan (年度计划) for a year: the project page,
// the park's plan grid, the plan sheet import, the year-end carry-over, the API and the
// ledger import (per row, inside its own transaction) all call writeYearPlan.

import type { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { type PlanValues, type PlanVia, describePlan, planFlagProblems, planFromCells, planYearProblem, samePlan } from "@/lib/domain/year-plans";
import { writeYearPlanSchema } from "@/lib/validation/year-plans";
import { fieldErrors } from "@/lib/validation/field-errors";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan, visibleProjectsWhere } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";

type Tx = Prisma.TransactionClient;

export type { PlanVia };

export interface StoredPlan extends PlanValues {
  note: string | null;
}

export interface YearPlanWriteResult {
  projectId: number;
  parkId: number;
  year: number;
  /** "set": created or changed; "removed": the project left the year's plan; "unchanged": nothing written. */
  outcome: "set" | "removed" | "unchanged";
  before: StoredPlan | null;
  after: StoredPlan | null;
}

export interface WriteYearPlanOptions {
  via?: PlanVia;
  /** Prefix of the field keys in errors (e.g. "rows.3" for the grid's fourth row). */
  field?: string;
  /** Extra audit fields (e.g. { fromYear } for a carry-over). */
  audit?: Record<string, unknown>;
  today?: string;
}

function planOf(row: { plannedInvestment: { toFixed(n: number): string }; planStart: boolean; planProduction: boolean; note: string | null } | null): StoredPlan | null {
  return row ? { plannedInvestment: row.plannedInvestment.toFixed(2), planStart: row.planStart, planProduction: row.planProduction, note: row.note } : null;
}

function auditSide(year: number, plan: StoredPlan | null): Record<string, unknown> {
  return plan ? { year, plannedInvestment: plan.plannedInvestment, planStart: plan.planStart, planProduction: plan.planProduction, note: plan.note } : { year };
}

/**
 * Sets, changes or removes one project's plan for one year in the caller's transaction.
 * - `project.write` in the project's park (a project the actor cannot see is not found), the
 *   park not archived;
 * - the year not before the project was signed nor more than five years ahead, no new plan
 *   for a year after a terminated project ended, no plan to start (produce) in a year after
 *   the project started (produced);
 * - a blank 本年计划投资 with neither flag removes the plan (the project leaves that year's
 *   plan convention); `note` left out keeps the plan's note;
 * - `expected` given (the plan the person loaded) and the stored plan is different: CONFLICT,
 *   nothing written; the project row is locked first, so two writers are serialised;
 * - the same values again write nothing (outcome "unchanged": importing a file twice, or
 *   saving a grid with rows untouched, leaves no audit row);
 * - a change to the current year's plan bumps the project's version (the ledger form edits
 *   that year's plan, so a form loaded before conflicts instead of writing the old plan back);
 * - one audit row `project.yearPlan` (or `project.yearPlanRemove`) with before and after.
 * Errors are AppErrors whose field keys start with the prefix opts.field when given.
 */
export async function writeYearPlan(tx: Tx, actor: Actor, input: unknown, opts: WriteYearPlanOptions = {}): Promise<YearPlanWriteResult> {
  const key = (f: string) => (opts.field ? `${opts.field}.${f}` : f);
  const parsed = writeYearPlanSchema.safeParse(input);
  if (!parsed.success) {
    const errors = Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [key(k === "_form" ? "projectId" : k), v]));
    const all = [...new Set(Object.values(errors).flat())];
    throw new AppError("VALIDATION", all.length === 1 ? all[0] : "请检查标红的字段", errors);
  }
  const { projectId, year, note, expected } = parsed.data;
  const refuse = (field: string, message: string) => new AppError("VALIDATION", message, { [key(field)]: [message] });

  const project = await tx.project.findFirst({
    where: { AND: [{ id: projectId }, visibleProjectsWhere(actor)] },
    select: {
      id: true,
      code: true,
      name: true,
      parkId: true,
      signedDate: true,
      stage: true,
      status: true,
      statusDate: true,
      actualStartDate: true,
      actualProductionDate: true,
      park: { select: { name: true, archivedAt: true } },
    },
  });
  if (!project) throw new AppError("NOT_FOUND", "项目不存在或无权查看", opts.field ? { [key("projectId")]: ["项目不存在或无权查看"] } : undefined);
  assertCan(actor, "project.write", project.parkId, "项目");
  if (project.park.archivedAt) throw refuse("projectId", `${project.park.name}已归档，不能再修改年度计划`);

  const wanted = planFromCells(parsed.data);
  const today = opts.today ?? todayInShanghai();
  const currentYear = Number(today.slice(0, 4));
  if (wanted) {
    const problem = planYearProblem(year, Number(dateToIso(project.signedDate).slice(0, 4)), currentYear);
    if (problem) throw refuse("year", `${project.name}：${problem}`);
    if (project.status === "TERMINATED") {
      const endedYear = project.statusDate ? Number(dateToIso(project.statusDate).slice(0, 4)) : currentYear;
      if (year > endedYear) throw refuse("projectId", `${project.name}已于 ${endedYear} 年终止，不能列入 ${year} 年计划`);
    }
    const facts = {
      stage: project.stage,
      status: project.status,
      actualStartDate: project.actualStartDate ? dateToIso(project.actualStartDate) : null,
      actualProductionDate: project.actualProductionDate ? dateToIso(project.actualProductionDate) : null,
    };
    const flags = planFlagProblems(wanted, facts, year);
    if (flags.length > 0) {
      const errors = Object.fromEntries(flags.map((f) => [key(f.field), [`${project.name}${f.message}`]]));
      throw new AppError("VALIDATION", flags.length === 1 ? `${project.name}${flags[0].message}` : "请检查标红的字段", errors);
    }
  }

  // One writer per project at a time: the check below and the write see the same plan.
  await tx.$executeRaw`SELECT 1 FROM "Project" WHERE id = ${projectId} FOR UPDATE`;
  const where = { projectId_year: { projectId, year } };
  const before = planOf(await tx.projectYearPlan.findUnique({ where, select: { plannedInvestment: true, planStart: true, planProduction: true, note: true } }));
  if (expected !== undefined && !samePlan(before, expected === null ? null : planFromCells(expected))) {
    throw new AppError(
      "CONFLICT",
      `${project.code} ${project.name}的 ${year} 年计划已被他人修改（现为：${describePlan(before)}），您的修改未保存，请刷新后重新填写`,
      { [key("projectId")]: [`已被他人修改（现为：${describePlan(before)}）`] },
    );
  }
  const after: StoredPlan | null = wanted ? { ...wanted, note: note === undefined ? (before?.note ?? null) : note } : null;
  const result = { projectId, parkId: project.parkId, year, before, after };
  if (samePlan(before, after) && (before?.note ?? null) === (after?.note ?? null)) return { ...result, outcome: "unchanged" };

  if (after) {
    const data = { plannedInvestment: after.plannedInvestment, planStart: after.planStart, planProduction: after.planProduction, note: after.note };
    await tx.projectYearPlan.upsert({ where, create: { projectId, year, ...data }, update: data });
  } else {
    await tx.projectYearPlan.delete({ where });
  }
  if (year === currentYear) await tx.project.update({ where: { id: projectId }, data: { version: { increment: 1 } } });
  await writeAudit(tx, {
    actorId: actor.userId,
    action: after ? "project.yearPlan" : "project.yearPlanRemove",
    entityType: "Project",
    entityId: projectId,
    parkId: project.parkId,
    before: auditSide(year, before),
    after: { ...auditSide(year, after), ...(opts.via ? { via: opts.via } : {}), ...opts.audit },
  });
  return { ...result, outcome: after ? "set" : "removed" };
}

