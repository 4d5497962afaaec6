import { pathId, withApi } from "@/lib/api/with-api";
import { acceptHandoff } from "@/lib/server/first-contact/accept-handoff";

/** POST /api/v1/problems/{id}/handoff/accept — 接收: the responsible person takes over a 首问 hand-off (no body). */
export const POST = withApi(async ({ actor, params }) => acceptHandoff(actor, { issueId: pathId(params.id, "问题") }), { permission: "issue.write" });
