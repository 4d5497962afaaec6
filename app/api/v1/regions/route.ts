import { regionToJson } from "@/lib/api/admin-schemas";
import { readJsonObject, withApi } from "@/lib/api/with-api";
import { createRegion, listRegions } from "@/lib/server/org/regions";

/** GET /api/v1/regions — every region (administrators' sessions). */
export const GET = withApi(async ({ actor }) => ({ items: (await listRegions(actor)).map(regionToJson) }), { permission: "user.manage", sessionOnly: true });

/** POST /api/v1/regions */
export const POST = withApi(async ({ actor, req }) => regionToJson(await createRegion(actor, await readJsonObject(req))), {
  permission: "user.manage",
  sessionOnly: true,
  status: 201,
});
