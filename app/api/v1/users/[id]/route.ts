import { userToJson } from "@/lib/api/admin-schemas";
import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { getUser } from "@/lib/server/users/list-users";
import { updateUser } from "@/lib/server/users/update-user";

/** GET /api/v1/users/{id} */
export const GET = withApi(async ({ actor, params }) => userToJson(await getUser(actor, pathId(params.id, "用户"))), { permission: "member.manage", sessionOnly: true });

/** PATCH /api/v1/users/{id} — profile fields and isActive. */
export const PATCH = withApi(async ({ actor, params, req }) => updateUser(actor, pathId(params.id, "用户"), await readJsonObject(req)), {
  permission: "member.manage",
  sessionOnly: true,
});
