import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { parseOrThrow } from "@/lib/server/errors";
import { notificationIdsSchema } from "@/lib/validation/issues";

/** Marks some of the actor's own notifications read (ids of others' are ignored). Returns how many changed. */
export async function markRead(actor: Actor, ids: unknown): Promise<{ count: number }> {
  const parsed = parseOrThrow(notificationIdsSchema, ids, "ids");
  return getDb().notification.updateMany({ where: { id: { in: parsed }, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
