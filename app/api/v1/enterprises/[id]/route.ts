import { pathId, readJsonObject, withApi } from "@/lib/api/with-api";
import { getEnterprise } from "@/lib/server/enterprises/get-enterprise";
import { updateEnterprise } from "@/lib/server/enterprises/update-enterprise";

/** GET /api/v1/enterprises/{id} — the enterprise's file (一企一档). */
export const GET = withApi(async ({ actor, params }) => getEnterprise(actor, pathId(params.id, "企业")), { permission: "project.read" });

/** PATCH /api/v1/enterprises/{id} — the fields sent; the rest stay. */
export const PATCH = withApi(async ({ actor, params, req }) => updateEnterprise(actor, pathId(params.id, "企业"), await readJsonObject(req)), {
  permission: "project.write",
});
