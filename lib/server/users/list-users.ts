import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, assertCan } from "@/lib/server/actor";

export interface UserListFilters {
  q?: string;
  page: number;
  pageSize: number;
}

/** Users with their memberships, for administrators. Paginated in SQL. */
export async function listUsers(actor: Actor, filters: UserListFilters) {
  assertCan(actor, "user.manage");
  const db = getDb();
  const where: Prisma.UserWhereInput = filters.q
    ? {
        OR: [
          { username: { contains: filters.q, mode: "insensitive" } },
          { name: { contains: filters.q, mode: "insensitive" } },
          { unit: { contains: filters.q, mode: "insensitive" } },
        ],
      }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: { id: "asc" },
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: {
        id: true,
        username: true,
        name: true,
        unit: true,
        title: true,
        phone: true,
        isActive: true,
        lastLoginAt: true,
        memberships: { select: { role: true, park: { select: { name: true } }, region: { select: { name: true } } } },
      },
    }),
  ]);
  return { users, total, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) };
}
