import { pathId, withApi } from "@/lib/api/with-api";
import { removeMembership } from "@/lib/server/users/memberships";

/** DELETE /api/v1/users/{id}/memberships/{membershipId} — take a role back. */
export const DELETE = withApi(async ({ actor, params }) => removeMembership(actor, pathId(params.id, "用户"), pathId(params.membershipId, "角色")), {
  permission: "member.manage",
  sessionOnly: true,
});
