import "server-only";
import { getDb } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";

/**
 * Revokes a token: it stops working at the next request. Revoking twice keeps the first
 * time. Administrators only; audited in the same transaction.
 */
export async function revokeApiToken(actor: Actor, id: unknown): Promise<{ id: number; revokedAt: Date }> {
  assertCan(actor, "apiToken.manage");
  const tokenId = Number(id);
  if (!Number.isInteger(tokenId) || tokenId < 1 || tokenId > 2_147_483_647) throw notFound("令牌");
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { id: true, name: true, prefix: true, revokedAt: true } });
    if (!token) throw notFound("令牌");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const revokedAt = new Date();
    // Conditional update: of two simultaneous revocations only one writes (and audits).
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) {
      const again = await tx.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: { revokedAt: true } });
      return { id: token.id, revokedAt: again.revokedAt! };
    }
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { revokedAt },
    });
    return { id: token.id, revokedAt };
  });
}
