import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { ApiTokenScope } from "@/lib/domain/api-tokens";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import type { ApiTokenListFilters } from "@/lib/validation/api-tokens";

export interface ApiTokenListItem {
  id: number;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  parks: { id: number; name: string }[];
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Tokens, newest first, paginated in SQL; never their hashes. Administrators only. */
export async function listApiTokens(actor: Actor, filters: ApiTokenListFilters, now = new Date()) {
  assertCan(actor, "apiToken.manage");
  const db = getDb();
  const where: Prisma.ApiTokenWhereInput = filters.active ? { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } : {};
  const [total, rows] = await Promise.all([
    db.apiToken.count({ where }),
    db.apiToken.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: {
        id: true,
        name: true,
        prefix: true,
        scope: true,
        createdAt: true,
        lastUsedAt: true,
        expiresAt: true,
        revokedAt: true,
        createdBy: { select: { name: true } },
        parks: { select: { park: { select: { id: true, name: true } } }, orderBy: { parkId: "asc" } },
      },
    }),
  ]);
  const items: ApiTokenListItem[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    parks: r.parks.map((p) => p.park),
    createdByName: r.createdBy.name,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
  }));
  return { items, total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) };
}
