import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor, parksWith } from "@/lib/domain/permissions";

/**
 * The parks the actor may read, for pickers and filters. Archived parks are left out
 * unless asked for: they take no new work, and their records stay reachable from the
 * figures and the lists of all parks.
 */
export async function listVisibleParks(actor: Actor, opts: { includeArchived?: boolean } = {}) {
  return getDb().park.findMany({
    where: { id: { in: parksWith(actor, "park.read") }, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: { id: true, name: true, code: true, archivedAt: true, region: { select: { name: true } } },
    orderBy: [{ regionId: "asc" }, { id: "asc" }],
  });
}
