import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";

/** The actor's unread notifications, for the bell. One indexed count. */
export async function unreadCount(actor: Actor): Promise<number> {
  return getDb().notification.count({ where: { userId: actor.userId, readAt: null } });
}
