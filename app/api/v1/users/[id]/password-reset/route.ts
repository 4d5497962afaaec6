import { pathId, withApi } from "@/lib/api/with-api";
import { resetPassword } from "@/lib/server/users/passwords";

/** POST /api/v1/users/{id}/password-reset — the temporary password comes back once. */
export const POST = withApi(
  async ({ actor, params }) => Response.json(await resetPassword(actor, pathId(params.id, "用户")), { headers: { "Cache-Control": "no-store" } }),
  { permission: "member.manage", sessionOnly: true },
);
