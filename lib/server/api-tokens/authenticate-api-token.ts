import "server-only";
import { getDb } from "@/lib/db/client";
import { API_TOKEN_GRANTS, API_TOKEN_ROLE, parseApiToken, shouldTouchLastUsed, tokenUnusable } from "@/lib/domain/api-tokens";
import type { Actor, Role } from "@/lib/domain/permissions";
import { hashApiToken } from "./token-secret";

export type TokenAuthResult = { ok: true; actor: Actor; tokenId: number } | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" | "creator-disabled" };

/**
 * The actor a bearer token acts as: its parks, each with the scope's role, cut down to the
 * scope's permissions (`grants`), so assertCan / visibleProjectsSql apply unchanged. Writes
 * are recorded under the administrator who created the token; a token stops working when
 * that administrator is disabled or loses the ADMIN role. One indexed lookup; lastUsedAt
 * is written at most once a minute.
 */
export async function authenticateApiToken(raw: string, now = new Date()): Promise<TokenAuthResult> {
  if (!parseApiToken(raw)) return { ok: false, reason: "malformed" };
  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(raw) },
    select: {
      id: true,
      name: true,
      scope: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { id: true, username: true, isActive: true, memberships: { where: { role: "ADMIN" }, select: { id: true }, take: 1 } } },
      parks: { select: { parkId: true } },
    },
  });
  if (!token) return { ok: false, reason: "unknown" };
  const unusable = tokenUnusable(token, now);
  if (unusable) return { ok: false, reason: unusable };
  // The token is the administrator's delegation: it ends when they are disabled or no longer an administrator.
  if (!token.createdBy.isActive || token.createdBy.memberships.length === 0) return { ok: false, reason: "creator-disabled" };

  if (shouldTouchLastUsed(token.lastUsedAt, now)) {
    const stale = new Date(now.getTime() - 60_000);
    await db.apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] }, data: { lastUsedAt: now } });
  }

  const role: Role = API_TOKEN_ROLE[token.scope];
  const parkRoles = new Map<number, Role[]>(token.parks.map((p) => [p.parkId, [role]]));
  const actor: Actor = {
    userId: token.createdBy.id,
    username: token.createdBy.username,
    name: `接口令牌「${token.name}」`,
    isAdmin: false,
    roles: [role],
    parkRoles,
    grants: API_TOKEN_GRANTS[token.scope],
  };
  return { ok: true, actor, tokenId: token.id };
}
