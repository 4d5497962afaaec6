import { parseQuery, pathId, withApi } from "@/lib/api/with-api";
import { listProgressReports } from "@/lib/server/progress/list-progress-reports";
import { pagingSchema } from "@/lib/validation/progress";

/** GET /api/v1/projects/{id}/progress — the project's monthly reports (newest first), their history and the totals. */
export const GET = withApi(async ({ actor, params, req }) => listProgressReports(actor, pathId(params.id, "项目"), parseQuery(req, pagingSchema)), {
  permission: "project.read",
});
