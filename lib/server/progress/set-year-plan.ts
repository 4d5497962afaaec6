import "server-only";
import { getDb } from "@/lib/db/client";
import { apiYearPlanSchema } from "@/lib/validation/year-plans";
import { type Actor } from "@/lib/domain/permissions";
import { parseOrThrow } from "@/lib/server/errors";
import { type PlanVia, writeYearPlan } from "@/lib/server/plans/write-year-plan";

/**
 * Sets a project's annual plan for one year (本年计划投资, plan to start, plan to produce),
 * any year from the signing year to five years ahead: the API's PUT. 本年计划投资 is
 * required here (0 allowed), a flag is true/false ("on"/"1"/"是" from a form), and a note
 * left out keeps the plan's note; removing a plan is removeYearPlan / DELETE. The rules,
 * the version bump of the current year and the audit row are writeYearPlan's.
 */
export async function setYearPlan(
  actor: Actor,
  input: unknown,
  via: PlanVia = "api",
): Promise<{ year: number; plannedInvestment: string; planStart: boolean; planProduction: boolean; note: string | null }> {
  const parsed = parseOrThrow(apiYearPlanSchema, input);
  const result = await getDb().$transaction((tx) => writeYearPlan(tx, actor, parsed, { via }));
  const plan = result.after!;
  return { year: result.year, plannedInvestment: plan.plannedInvestment, planStart: plan.planStart, planProduction: plan.planProduction, note: plan.note };
}

/** Takes a project out of a year's plan (DELETE). Removing a plan that does not exist is not an error. */
export async function removeYearPlan(actor: Actor, input: { projectId: unknown; year: unknown }, via: PlanVia = "api"): Promise<{ year: number; removed: boolean }> {
  const result = await getDb().$transaction((tx) =>
    writeYearPlan(tx, actor, { projectId: input.projectId, year: input.year, plannedInvestment: null, planStart: false, planProduction: false }, { via }),
  );
  return { year: result.year, removed: result.outcome === "removed" };
}
