import { getDb } from "@/lib/db/client";
import { type Actor, parksWith } from "@/lib/server/actor";

/** The parks the actor may read, for pickers and filters. */
export async function listVisibleParks(actor: Actor) {
  return getDb().park.findMany({
    where: { id: { in: parksWith(actor, "park.read") } },
    select: { id: true, name: true, code: true, region: { select: { name: true } } },
    orderBy: [{ regionId: "asc" }, { id: "asc" }],
  });
}
