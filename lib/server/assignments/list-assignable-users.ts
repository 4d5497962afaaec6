import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { ASSIGNMENT_ROLES, type AssignmentRole } from "@/lib/domain/coverage";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { eligibleUserWhere } from "./eligibility";
import { escapeLike } from "@/lib/server/sql";

export interface AssignableUser {
  id: number;
  name: string;
  username: string;
  phone: string | null;
  unit: string | null;
  title: string | null;
  /** Their active assignments of this role in the park (the picker shows the load). */
  activeCount: number;
}

/** A park has tens of people; the picker filters by typing beyond this. */
export const ASSIGNABLE_LIMIT = 200;

/**
 * The people of a park who may take `role` there, for the assign and handover pickers:
 * active users with a LIAISON or PARK_STAFF role (包保责任人) or a PARK_LEADER role
 * (包保领导) in the park, with their current load, by name. "assignment.manage" in the park.
 */
export async function listAssignableUsers(actor: Actor, parkId: number, role: AssignmentRole, q?: string): Promise<AssignableUser[]> {
  assertCan(actor, "assignment.manage", parkId, "园区");
  if (!ASSIGNMENT_ROLES.includes(role)) throw new AppError("VALIDATION", "请选择包保角色（包保责任人或包保领导）");
  const text = q?.trim().slice(0, 50);
  const where: Prisma.UserWhereInput = {
    AND: [
      eligibleUserWhere(parkId, role),
      text
        ? {
            OR: [
              { name: { contains: escapeLike(text), mode: "insensitive" } },
              { username: { contains: escapeLike(text), mode: "insensitive" } },
              { unit: { contains: escapeLike(text), mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const users = await getDb().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: ASSIGNABLE_LIMIT,
    select: {
      id: true,
      name: true,
      username: true,
      phone: true,
      unit: true,
      title: true,
      _count: { select: { assignments: { where: { parkId, role, endDate: null } } } },
    },
  });
  return users.map(({ _count, ...u }) => ({ ...u, activeCount: _count.assignments }));
}
