import { pathId, withApi } from "@/lib/api/with-api";
import { getSupervision } from "@/lib/server/supervision/get-supervision";

/** GET /api/v1/supervisions/{id} — one 督办函 with its steps and what the caller may do now. */
export const GET = withApi(async ({ actor, params }) => getSupervision(actor, pathId(params.id, "督办事项")), { permission: "issue.read" });
