import "server-only";
import { getDb } from "@/lib/db/client";
import { expiryInstant } from "@/lib/domain/api-tokens";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { generateApiToken } from "./token-secret";

export interface CreatedApiToken {
  id: number;
  name: string;
  prefix: string;
  /** The whole token: shown once, never stored (only its hash is). */
  token: string;
}

/**
 * Creates an API token scoped to some parks, read-only or read-write, with an optional
 * last day. Administrators only ("apiToken.manage"); audited (without the secret) in the
 * same transaction.
 */
export async function createApiToken(actor: Actor, input: unknown): Promise<CreatedApiToken> {
  assertCan(actor, "apiToken.manage");
  const parsed = parseOrThrow(createApiTokenSchema, input);
  const data = parsed;
  const db = getDb();

  const parks = await db.park.findMany({ where: { id: { in: data.parkIds } }, select: { id: true } });
  if (parks.length !== data.parkIds.length) {
    throw new AppError("VALIDATION", "所选园区不存在", { parkIds: ["所选园区不存在，请刷新页面后重选"] });
  }
  const { raw, prefix, hash } = generateApiToken();
  const expiresAt = data.expiresOn ? expiryInstant(data.expiresOn) : null;

  const created = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        name: data.name,
        prefix,
        tokenHash: hash,
        scope: data.scope,
        createdById: actor.userId,
        expiresAt,
        parks: { create: data.parkIds.map((parkId) => ({ parkId })) },
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: token.id,
      after: { name: data.name, prefix, scope: data.scope, parkIds: data.parkIds, expiresOn: data.expiresOn },
    });
    return token;
  });
  return { id: created.id, name: data.name, prefix, token: raw };
}
