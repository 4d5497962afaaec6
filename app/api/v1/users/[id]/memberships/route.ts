import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { addMembership } from "@/lib/server/users/memberships";

/** POST /api/v1/users/{id}/memberships — grant a role. */
export const POST = withApi(async ({ actor, params, req }) => addMembership(actor, pathId(params.id, "用户"), await readJsonObject(req)), {
  permission: "member.manage",
  sessionOnly: true,
  status: 201,
});
