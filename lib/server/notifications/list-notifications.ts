import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { NotificationKind } from "@/lib/domain/issues";
import { type Actor } from "@/lib/domain/permissions";
import type { NotificationFilters } from "@/lib/validation/issues";

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  issueId: number | null;
  /** ISO timestamps. */
  createdAt: string;
  readAt: string | null;
}

/** One page of the actor's own notifications, newest first, with the unread count. */
export async function listNotifications(actor: Actor, f: NotificationFilters) {
  const db = getDb();
  const where: Prisma.NotificationWhereInput = { userId: actor.userId, ...(f.unread ? { readAt: null } : {}) };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { userId: actor.userId, readAt: null } }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: { id: true, kind: true, title: true, body: true, link: true, issueId: true, createdAt: true, readAt: true },
    }),
  ]);
  const items: NotificationItem[] = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null }));
  return { items, total, unread, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}
