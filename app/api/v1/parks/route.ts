import { parkToJson } from "@/lib/api/admin-schemas";
import { readJsonObject, withApi } from "@/lib/api/with-api";
import { createPark } from "@/lib/server/org/parks";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";

/** GET /api/v1/parks — the parks the token (or user) may read. */
export const GET = withApi(
  async ({ actor }) => {
    const parks = await listVisibleParks(actor);
    return { items: parks.map((p) => ({ id: p.id, code: p.code, name: p.name, regionName: p.region.name })) };
  },
  { permission: "park.read" },
);

/** POST /api/v1/parks — a new park (administrators' sessions, for provisioning scripts). */
export const POST = withApi(async ({ actor, req }) => parkToJson(await createPark(actor, await readJsonObject(req))), {
  permission: "user.manage",
  sessionOnly: true,
  status: 201,
});
