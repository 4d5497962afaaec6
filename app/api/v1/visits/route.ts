import { parseQuery, withApi } from "@/lib/api/with-api";
import { listVisits } from "@/lib/server/visits/list-visits";
import { visitFiltersSchema } from "@/lib/validation/issues";

/** GET /api/v1/visits — the visits list's filters, paged. */
export const GET = withApi(async ({ actor, req }) => listVisits(actor, parseQuery(req, visitFiltersSchema)), { permission: "issue.read" });
