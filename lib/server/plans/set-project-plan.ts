import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { type YearPlanWriteResult, writeYearPlan } from "./write-year-plan";

/**
 * The project page's plan form for any year: sets, changes or (blank 本年计划投资, neither
 * flag) removes the plan, refusing a plan someone changed since the form was loaded
 * (`expected`). One transaction; the rules and the audit row are writeYearPlan's.
 */
export async function setProjectPlan(actor: Actor, input: unknown): Promise<YearPlanWriteResult> {
  return getDb().$transaction((tx) => writeYearPlan(tx, actor, input, { via: "page" }));
}
