import "server-only";
// Creating in-app notifications inside the transaction of the change they announce, so a
// rolled-back change never leaves a notification behind.

import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { NotificationKind } from "@/lib/domain/issues";

type Tx = Pick<Prisma.TransactionClient, "notification">;

export interface NotificationDraft {
  userIds: Iterable<number | null | undefined>;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  issueId?: number | null;
  supervisionId?: number | null;
  link?: string | null;
}

/** Where a problem's notifications lead. */
export const issueLink = (issueId: number) => `/issues/${issueId}`;

/**
 * Writes one notification per recipient of each draft, leaving out the actor (nobody is
 * told about their own action), repeats and empty ids. One INSERT. Returns the count.
 */
export async function notify(tx: Tx, actorId: number | null, drafts: NotificationDraft[]): Promise<number> {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const d of drafts) {
    const seen = new Set<number>();
    for (const userId of d.userIds) {
      if (!userId || userId === actorId || seen.has(userId)) continue;
      seen.add(userId);
      rows.push({
        userId,
        kind: d.kind,
        title: d.title.length > 200 ? `${d.title.slice(0, 199)}…` : d.title,
        body: d.body ?? null,
        issueId: d.issueId ?? null,
        supervisionId: d.supervisionId ?? null,
        link: d.link ?? (d.issueId ? issueLink(d.issueId) : null),
      });
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: rows });
  return count;
}
