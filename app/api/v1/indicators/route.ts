import { parseQuery, withApi } from "@/lib/api/with-api";
import { getIndicators } from "@/lib/server/metrics/get-indicators";
import { indicatorScopeSchema, resolveIndicatorScope } from "@/lib/validation/indicator-scope";

/** GET /api/v1/indicators — the dashboard's figures for a scope (park, region or all) and period. */
export const GET = withApi(async ({ actor, req }) => getIndicators(actor, resolveIndicatorScope(parseQuery(req, indicatorScopeSchema))), {
  permission: "dashboard.read",
});
