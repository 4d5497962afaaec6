import { withApi } from "@/lib/api/with-api";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";

/** GET /api/v1/parks — the parks the token (or user) may read. */
export const GET = withApi(
  async ({ actor }) => {
    const parks = await listVisibleParks(actor);
    return { items: parks.map((p) => ({ id: p.id, code: p.code, name: p.name, regionName: p.region.name })) };
  },
  { permission: "park.read" },
);
