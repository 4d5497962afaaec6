import "server-only";
import type { Db } from "@/lib/db/client";
import { writeAudit } from "@/lib/server/audit/write-audit";

/**
 * Signing out: the session cookie is a self-contained token valid for 12 hours, so clearing
 * it in this browser leaves any copy of it working. Bumping the person's sessionVersion
 * makes loadActor refuse every session issued before, this one and its copies included, at
 * their next request (the person's sessions on other devices end too). A session that is
 * already stale has nothing left to end: nothing is bumped or audited. Returns whether
 * sessions were ended.
 */
export async function endSessionsOnSignOut(db: Db, session: { userId: number; sessionVersion: number }, ip: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: session.userId, sessionVersion: session.sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (count === 0) return false;
    await writeAudit(tx, { actorId: session.userId, action: "auth.signOut", entityType: "User", entityId: session.userId, ip });
    return true;
  });
}
