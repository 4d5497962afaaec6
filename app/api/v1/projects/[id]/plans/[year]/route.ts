import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { removeYearPlan, setYearPlan } from "@/lib/server/progress/set-year-plan";

/**
 * PUT /api/v1/projects/{id}/plans/{year} — sets the project's plan for that year (created
 * or replaced; a note left out is kept). The year is checked like any other field.
 */
export const PUT = withApi(
  async ({ actor, params, req }) => {
    const projectId = pathId(params.id, "项目");
    const saved = await setYearPlan(actor, { ...(await readJsonObject(req)), projectId, year: params.year }, "api");
    return { projectId, ...saved };
  },
  { permission: "project.write" },
);

/** DELETE /api/v1/projects/{id}/plans/{year} — takes the project out of that year's plan. */
export const DELETE = withApi(
  async ({ actor, params }) => {
    const projectId = pathId(params.id, "项目");
    return { projectId, ...(await removeYearPlan(actor, { projectId, year: params.year }, "api")) };
  },
  { permission: "project.write" },
);
