import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";

/** Marks all of the actor's notifications read. Returns how many changed. */
export async function markAllRead(actor: Actor): Promise<{ count: number }> {
  return getDb().notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
