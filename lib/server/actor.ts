import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, type Permission, type Role, GLOBAL_PERMISSIONS, can, projectReadScope } from "@/lib/domain/permissions";
import { forbidden, notFound } from "./errors";


/**
 * Loads an active user's memberships and expands them into park scope. Null if the user is
 * gone or disabled, or, for a browser session, if the session was issued before the user's
 * sessions were ended (password change or reset, disabling): `sessionVersion` is the one
 * the session carries.
 */
export async function loadActor(db: Db, userId: number, session?: { sessionVersion: number }): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      name: true,
      isActive: true,
      mustChangePassword: true,
      sessionVersion: true,
      locale: true,
      memberships: { select: { role: true, parkId: true, regionId: true } },
    },
  });
  if (!user || !user.isActive) return null;
  if (session && session.sessionVersion !== user.sessionVersion) return null;

  const isAdmin = user.memberships.some((m) => m.role === "ADMIN");
  const regionIds = user.memberships.filter((m) => m.role === "REGION_LEADER" && m.regionId).map((m) => m.regionId!);
  const expanded =
    isAdmin || regionIds.length > 0
      ? await db.park.findMany({
          where: isAdmin ? {} : { regionId: { in: regionIds } },
          select: { id: true, regionId: true },
        })
      : [];

  const parkRoles = new Map<number, Role[]>();
  const add = (parkId: number, role: Role) => {
    const list = parkRoles.get(parkId) ?? [];
    if (!list.includes(role)) list.push(role);
    parkRoles.set(parkId, list);
  };
  for (const m of user.memberships) if (m.parkId) add(m.parkId, m.role);
  for (const p of expanded) {
    if (isAdmin) add(p.id, "ADMIN");
    if (regionIds.includes(p.regionId)) add(p.id, "REGION_LEADER");
  }

  return {
    userId: user.id,
    username: user.username,
    name: user.name,
    isAdmin,
    roles: [...new Set(user.memberships.map((m) => m.role))],
    parkRoles,
    locale: user.locale,
    ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
  };
}


/**
 * Throws unless the actor holds `permission` in `parkId`. A park the actor has no role
 * in is reported as not found, so ids of other parks reveal nothing.
 */
export function assertCan(actor: Actor, permission: Permission, parkId?: number, what?: string): void {
  if (parkId !== undefined && !actor.parkRoles.has(parkId) && !GLOBAL_PERMISSIONS.includes(permission)) throw notFound(what);
  if (!can(actor, permission, parkId)) throw forbidden();
}


/** Prisma filter: the projects the actor may read. */
export function visibleProjectsWhere(actor: Actor): Prisma.ProjectWhereInput {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  const assigned: Prisma.ProjectWhereInput = {
    parkId: { in: assignedOnlyParks },
    assignments: { some: { userId: actor.userId, role: "LIAISON", endDate: null } },
  };
  if (assignedOnlyParks.length === 0) return { parkId: { in: fullParks } };
  if (fullParks.length === 0) return assigned;
  return { OR: [{ parkId: { in: fullParks } }, assigned] };
}

/**
 * The same filter as SQL for aggregates; `alias` is the Project table's alias in the query.
 * Branches that cannot match are left out: an OR with a never-true EXISTS misleads the
 * planner's estimates (and switches on JIT) for nothing.
 */
export function visibleProjectsSql(actor: Actor, alias: string): Prisma.Sql {
  const { fullParks, assignedOnlyParks } = projectReadScope(actor);
  const t = Prisma.raw(`"${alias.replace(/"/g, "")}"`);
  const full = Prisma.sql`${t}."parkId" = ANY(${fullParks}::int[])`;
  const assigned = Prisma.sql`(${t}."parkId" = ANY(${assignedOnlyParks}::int[]) AND EXISTS (
    SELECT 1 FROM "Assignment" a WHERE a."projectId" = ${t}.id AND a."userId" = ${actor.userId} AND a.role = 'LIAISON' AND a."endDate" IS NULL))`;
  if (assignedOnlyParks.length === 0) return full;
  if (fullParks.length === 0) return assigned;
  return Prisma.sql`(${full} OR ${assigned})`;
}
