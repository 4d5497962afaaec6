import { parseQuery, pathId, withApi } from "@/lib/api/with-api";
import { parkPlansJson } from "@/lib/api/plan-json";
import { listParkPlans } from "@/lib/server/plans/list-park-plans";
import { parkPlansQuerySchema } from "@/lib/validation/year-plans";

/** GET /api/v1/parks/{id}/plans?year=&page=&pageSize=&q=&only= — the park's annual plan for a year, paged. */
export const GET = withApi(
  async ({ actor, params, req }) => parkPlansJson(await listParkPlans(actor, pathId(params.id, "园区"), parseQuery(req, parkPlansQuerySchema))),
  { permission: "project.read" },
);
