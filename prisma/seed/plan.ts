// Everything the seed will write for one park, generated in memory first.
import type { ParkPlan } from "./plan-types";
import { planAssignments, planIssues, planVisits } from "./liaison";
import { type GenContext, planProjects } from "./projects";

export function planPark(ctx: GenContext): ParkPlan {
  const { enterprises, projects, stageEvents, reports, yearPlans } = planProjects(ctx);
  const assignments = planAssignments(ctx, enterprises, projects);
  const visits = planVisits(ctx, enterprises, projects);
  const issues = planIssues(ctx, enterprises, projects, visits);
  return { enterprises, projects, stageEvents, yearPlans, reports, assignments, visits, issues };
}
