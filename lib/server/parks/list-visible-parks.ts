import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor, type Permission, parksWith } from "@/lib/domain/permissions";

/**
 * The parks where the actor holds `permission` (default: may read them), for pickers and
 * filters. Archived parks are left out unless asked for: they take no new work, and their
 * records stay reachable from the figures and the lists of all parks.
 */
export async function listVisibleParks(actor: Actor, opts: { includeArchived?: boolean; permission?: Permission } = {}) {
  return getDb().park.findMany({
    where: { id: { in: parksWith(actor, opts.permission ?? "park.read") }, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: { id: true, name: true, code: true, archivedAt: true, region: { select: { name: true } } },
    orderBy: [{ regionId: "asc" }, { id: "asc" }],
  });
}
