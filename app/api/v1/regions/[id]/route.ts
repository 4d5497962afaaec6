import { regionToJson } from "@/lib/api/admin-schemas";
import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { updateRegion } from "@/lib/server/org/regions";

/** PATCH /api/v1/regions/{id} — rename, recode, archive or restore. */
export const PATCH = withApi(async ({ actor, params, req }) => regionToJson(await updateRegion(actor, pathId(params.id, "市州"), await readJsonObject(req))), {
  permission: "user.manage",
  sessionOnly: true,
});
