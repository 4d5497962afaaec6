import "server-only";
import type { Db } from "@/lib/db/client";
import { type Actor, type Permission, type Role, can } from "@/lib/domain/permissions";
import { type MeetingScope, scopeKey } from "@/lib/domain/meetings";
import { forbidden, notFound } from "@/lib/server/errors";

type Reader = Pick<Db, "park" | "region">;

export interface ResolvedScope {
  scope: MeetingScope;
  key: string;
  name: string;
  /** The parks the meeting covers: the park, or the region's parks. */
  parkIds: number[];
  /** The region the park belongs to, or the region itself. */
  regionId: number;
}

/** Loads a park or region scope; not found when the actor has no role in it. */
export async function loadScope(db: Reader, actor: Actor, scope: MeetingScope): Promise<ResolvedScope> {
  if (scope.kind === "park") {
    const park = await db.park.findUnique({ where: { id: scope.id }, select: { id: true, name: true, regionId: true } });
    if (!park || !actor.parkRoles.has(park.id)) throw notFound("园区");
    return { scope, key: scopeKey(scope), name: park.name, parkIds: [park.id], regionId: park.regionId };
  }
  const region = await db.region.findUnique({ where: { id: scope.id }, select: { id: true, name: true, parks: { select: { id: true }, orderBy: { id: "asc" } } } });
  const parkIds = region?.parks.map((p) => p.id) ?? [];
  if (!region || parkIds.length === 0 || !parkIds.some((p) => actor.parkRoles.has(p))) throw notFound("市州");
  return { scope, key: scopeKey(scope), name: region.name, parkIds, regionId: region.id };
}

const REGION_ROLES: readonly Role[] = ["REGION_LEADER", "ADMIN"];

/**
 * Holds `permission` for the whole scope: in the park; for a region, as its region leader or
 * an administrator (a park's own roles never reach the region's meeting).
 */
export function holdsInScope(actor: Actor, s: ResolvedScope, permission: Permission): boolean {
  if (s.scope.kind === "park") return can(actor, permission, s.parkIds[0]);
  return s.parkIds.every((p) => can(actor, permission, p) && (actor.parkRoles.get(p) ?? []).some((r) => REGION_ROLES.includes(r)));
}

export function assertInScope(actor: Actor, s: ResolvedScope, permission: Permission): void {
  if (!holdsInScope(actor, s, permission)) throw forbidden(permission === "meeting.lead" ? "会商的组织和记录（园区领导、市州领导）" : "查看会商");
}

/** The scope of a stored meeting. */
export function meetingScopeOf(m: { parkId: number | null; regionId: number | null }): MeetingScope {
  return m.parkId ? { kind: "park", id: m.parkId } : { kind: "region", id: m.regionId! };
}

/** The scopes the actor may read meetings of: parks where they hold meeting.read, and the regions they lead. */
export async function readableScopes(db: Reader, actor: Actor): Promise<{ key: string; name: string }[]> {
  const parkIds = [...actor.parkRoles.keys()].filter((p) => can(actor, "meeting.read", p));
  if (parkIds.length === 0) return [];
  const parks = await db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, name: true, regionId: true, region: { select: { name: true } } }, orderBy: [{ regionId: "asc" }, { id: "asc" }] });
  const regions = new Map<number, string>();
  for (const p of parks) if ((actor.parkRoles.get(p.id) ?? []).some((r) => REGION_ROLES.includes(r))) regions.set(p.regionId, p.region.name);
  return [
    ...[...regions].map(([id, name]) => ({ key: `region:${id}`, name: `${name}（全市州）` })),
    ...parks.map((p) => ({ key: `park:${p.id}`, name: p.name })),
  ];
}
