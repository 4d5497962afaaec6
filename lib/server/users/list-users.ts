import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { managesAccount } from "@/lib/domain/user-admin";
import { idField } from "@/lib/validation/fields";
import { type Actor } from "@/lib/domain/permissions";
import { notFound, parseOrThrow } from "@/lib/server/errors";
import { assertAdministersPeople, visibleUsersWhere } from "./user-scope";
import { escapeLike } from "@/lib/server/sql";

export interface UserListFilters {
  q?: string;
  /** Only people with a role in this park. */
  park?: number;
  /** true: active only; false: disabled only. */
  active?: boolean;
  page: number;
  pageSize: number;
}

const MEMBERSHIP_SELECT = {
  id: true,
  role: true,
  parkId: true,
  regionId: true,
  park: { select: { name: true } },
  region: { select: { name: true } },
} as const;

// What the people pages and the account page show of a person.
const USER_SELECT = {
  id: true,
  username: true,
  name: true,
  unit: true,
  title: true,
  phone: true,
  mustChangePassword: true,
  lastLoginAt: true,
  memberships: { select: MEMBERSHIP_SELECT, orderBy: { id: "asc" } },
} as const;

/**
 * People with their roles, paginated in SQL: every account for administrators, the people
 * of their parks for park leaders. `manageable` says whether the actor manages the whole
 * account (profile, reset, disabling) or only their park's roles of it.
 */
export async function listUsers(actor: Actor, filters: UserListFilters) {
  const scope = assertAdministersPeople(actor);
  const db = getDb();
  const parts: Prisma.UserWhereInput[] = [visibleUsersWhere(scope)];
  if (filters.q) {
    parts.push({
      OR: [
        { username: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { name: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { unit: { contains: escapeLike(filters.q), mode: "insensitive" } },
        { phone: { contains: escapeLike(filters.q) } },
      ],
    });
  }
  if (filters.park) parts.push({ memberships: { some: { parkId: filters.park } } });
  if (filters.active !== undefined) parts.push({ isActive: filters.active });
  const where: Prisma.UserWhereInput = { AND: parts };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: { ...USER_SELECT, isActive: true },
    }),
  ]);
  return {
    users: users.map((u) => ({ ...u, manageable: managesAccount(scope, u.memberships) })),
    total,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
  };
}

/** One person as the people pages show them; someone outside the actor's parks is not found. */
export async function getUser(actor: Actor, userId: unknown) {
  const scope = assertAdministersPeople(actor);
  const id = parseOrThrow(idField("用户"), userId);
  const user = await getDb().user.findFirst({
    where: { AND: [{ id }, visibleUsersWhere(scope)] },
    select: { ...USER_SELECT, isActive: true, passwordChangedAt: true, createdAt: true },
  });
  if (!user) throw notFound("用户");
  return { ...user, manageable: managesAccount(scope, user.memberships), isSelf: user.id === actor.userId };
}

/** The signed-in person's own account, for the account page. */
export async function getOwnAccount(actor: Actor) {
  return getDb().user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { ...USER_SELECT, passwordChangedAt: true },
  });
}
