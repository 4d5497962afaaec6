import { parseQuery, readJsonObject, withApi } from "@/lib/api/with-api";
import { createVisit } from "@/lib/server/visits/create-visit";
import { listVisits } from "@/lib/server/visits/list-visits";
import { visitFiltersSchema } from "@/lib/validation/issues";

/** GET /api/v1/visits — the visits list's filters, paged. */
export const GET = withApi(async ({ actor, req }) => listVisits(actor, parseQuery(req, visitFiltersSchema)), { permission: "issue.read" });

/** POST /api/v1/visits — log a visit and the problems raised on the spot (same checks as the form). */
export const POST = withApi(async ({ actor, req }) => createVisit(actor, await readJsonObject(req)), { permission: "issue.write", status: 201 });
