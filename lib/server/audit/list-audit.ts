import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, assertCan, parksWith } from "@/lib/server/actor";

/**
 * The audit trail, newest first. Administrators see everything (including sign-ins);
 * leaders see the rows of the parks they lead.
 */
export async function listAudit(actor: Actor, page: number, pageSize = 50) {
  assertCan(actor, "audit.read");
  const where: Prisma.AuditLogWhereInput = actor.isAdmin ? {} : { parkId: { in: parksWith(actor, "audit.read") } };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, ip: true, createdAt: true, actor: { select: { name: true, username: true } } },
    }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString() })), total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
