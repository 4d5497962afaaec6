import { pathId, withApi } from "@/lib/api/with-api";
import { getIssue } from "@/lib/server/issues/get-issue";

/** GET /api/v1/problems/{id} — the problem with its events, extensions and the actions allowed now. */
export const GET = withApi(async ({ actor, params }) => getIssue(actor, pathId(params.id, "问题")), { permission: "issue.read" });
