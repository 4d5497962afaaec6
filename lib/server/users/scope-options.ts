import "server-only";
import { getDb } from "@/lib/db/client";
import { DELEGABLE_ROLES, ROLES, type Role, type Actor } from "@/lib/domain/permissions";
import { assertAdministersPeople } from "./user-scope";

/** The roles, parks and regions the actor may hand out, for the people pages' pickers (archived ones left out). */
export async function listGrantOptions(actor: Actor): Promise<{ roles: Role[]; parks: { id: number; name: string }[]; regions: { id: number; name: string }[] }> {
  const scope = assertAdministersPeople(actor);
  const db = getDb();
  const [parks, regions] = await Promise.all([
    db.park.findMany({
      where: { archivedAt: null, ...(scope.isAdmin ? {} : { id: { in: [...scope.leaderParkIds] } }) },
      select: { id: true, name: true },
      orderBy: [{ regionId: "asc" }, { id: "asc" }],
    }),
    scope.isAdmin ? db.region.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { id: "asc" } }) : [],
  ]);
  return { roles: scope.isAdmin ? [...ROLES] : [...DELEGABLE_ROLES], parks, regions };
}
