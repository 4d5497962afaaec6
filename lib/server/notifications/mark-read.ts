import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { notificationIdsSchema } from "@/lib/validation/issues";

/** Marks some of the actor's own notifications read (ids of others' are ignored). Returns how many changed. */
export async function markRead(actor: Actor, ids: unknown): Promise<{ count: number }> {
  const parsed = notificationIdsSchema.safeParse(ids);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues[0].message, { ids: [parsed.error.issues[0].message] });
  return getDb().notification.updateMany({ where: { id: { in: parsed.data }, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
