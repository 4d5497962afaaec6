import { parseQuery, pathId, withApi } from "@/lib/api/with-api";
import { projectPlansJson } from "@/lib/api/plan-json";
import { listProjectPlans } from "@/lib/server/plans/list-project-plans";
import { projectPlansQuerySchema } from "@/lib/validation/year-plans";

/** GET /api/v1/projects/{id}/plans?year= — the project's annual plans (one year, or every year newest first). */
export const GET = withApi(
  async ({ actor, params, req }) => {
    const id = pathId(params.id, "项目");
    const list = await listProjectPlans(actor, id, parseQuery(req, projectPlansQuerySchema));
    return projectPlansJson(id, list.plans);
  },
  { permission: "project.read" },
);
