import { parkToJson } from "@/lib/api/admin-schemas";
import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { updatePark } from "@/lib/server/org/parks";

/** PATCH /api/v1/parks/{id} — edit, archive or restore a park. */
export const PATCH = withApi(async ({ actor, params, req }) => parkToJson(await updatePark(actor, pathId(params.id, "园区"), await readJsonObject(req))), {
  permission: "user.manage",
  sessionOnly: true,
});
