import { getActor } from "@/lib/auth/session";
import { errorResponse, toErrorResponse } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/with-api";
import { searchEnterprises } from "@/lib/server/enterprises/search-enterprises";
import { enterpriseSearchSchema } from "@/lib/validation/enterprises";
import { withRequestLog } from "@/lib/api/request-log";

export const dynamic = "force-dynamic";

/**
 * The enterprise pickers' search (components/ui/enterprise-combobox.tsx): the signed-in
 * session only, never an API token (the public API has GET /api/v1/enterprises). Answers
 * in the API's error shape so the picker reads one format.
 */
export const GET = withRequestLog(async function GET(req: Request) {
  try {
    const actor = await getActor();
    if (!actor) return errorResponse("UNAUTHENTICATED", "登录已过期，请重新登录");
    const result = await searchEnterprises(actor, parseQuery(req, enterpriseSearchSchema));
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return toErrorResponse(e, "GET /api/enterprises/search");
  }
});
