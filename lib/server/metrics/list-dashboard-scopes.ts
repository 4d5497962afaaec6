import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { type Actor, parksWith } from "@/lib/domain/permissions";

export interface DashboardScopes {
  parks: { id: number; name: string; regionId: number }[];
  regions: { id: number; name: string }[];
}

/** The parks and regions whose dashboard the actor may read, for the scope picker (once per request: React cache). */
export const listDashboardScopes = cache(listDashboardScopesOnce);

async function listDashboardScopesOnce(actor: Actor): Promise<DashboardScopes> {
  const parks = await getDb().park.findMany({
    where: { id: { in: parksWith(actor, "dashboard.read") } },
    select: { id: true, name: true, regionId: true, region: { select: { name: true } } },
    orderBy: [{ regionId: "asc" }, { code: "asc" }],
  });
  const regions = new Map<number, string>();
  for (const p of parks) regions.set(p.regionId, p.region.name);
  return { parks: parks.map((p) => ({ id: p.id, name: p.name, regionId: p.regionId })), regions: [...regions].map(([id, name]) => ({ id, name })) };
}
