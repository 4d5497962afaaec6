import "server-only";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import type { Actor } from "@/lib/domain/permissions";
import { pointAdjustmentSchema } from "@/lib/validation/points";
import { assertCan } from "@/lib/server/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { assertParkOpen } from "@/lib/server/parks/park-open";

/**
 * 人工加分/减分 by a park leader, with the reason: for a person who works in the park (a role
 * or an assignment there) or for a 责任单位. Shown on the leaderboard and the person's list as
 * 人工加减分 with who made it and why. Audited.
 */
export async function createPointAdjustment(actor: Actor, raw: unknown) {
  const input = parseOrThrow(pointAdjustmentSchema, raw);
  assertCan(actor, "points.adjust", input.parkId, "园区");
  const db = getDb();
  await assertParkOpen(db, input.parkId);
  const userId = input.earner === "UNIT" ? null : input.userId!;
  if (userId) {
    const works = await db.user.findFirst({
      where: { id: userId, OR: [{ memberships: { some: { parkId: input.parkId } } }, { assignments: { some: { parkId: input.parkId } } }] },
      select: { id: true },
    });
    if (!works) throw new AppError("VALIDATION", "所选人员不在本园区工作", { userId: ["所选人员不在本园区工作"] });
  }
  return db.$transaction(async (tx) => {
    const row = await tx.pointAdjustment.create({
      data: {
        parkId: input.parkId,
        earner: input.earner,
        userId,
        unit: input.earner === "UNIT" ? input.unit : null,
        date: isoToDate(input.date),
        points: input.points,
        reason: input.reason,
        createdById: actor.userId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "points.adjust",
      entityType: "PointAdjustment",
      entityId: row.id,
      parkId: input.parkId,
      after: { earner: input.earner, userId, unit: row.unit, date: dateToIso(row.date), points: input.points, reason: input.reason },
    });
    return { id: row.id };
  });
}

export interface AdjustmentRow {
  id: number;
  earner: string;
  userName: string | null;
  unit: string | null;
  date: string;
  points: number;
  reason: string;
  createdByName: string;
  createdAt: Date;
}

/** A park's adjustments, newest first, paged. */
export async function listPointAdjustments(actor: Actor, parkId: number, page = 1, pageSize = 50): Promise<{ rows: AdjustmentRow[]; total: number }> {
  assertCan(actor, "dashboard.read", parkId, "园区");
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.pointAdjustment.findMany({
      where: { parkId },
      include: { user: { select: { name: true } }, createdBy: { select: { name: true } } },
      orderBy: [{ date: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.pointAdjustment.count({ where: { parkId } }),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      earner: r.earner,
      userName: r.user?.name ?? null,
      unit: r.unit,
      date: dateToIso(r.date),
      points: r.points,
      reason: r.reason,
      createdByName: r.createdBy.name,
      createdAt: r.createdAt,
    })),
    total,
  };
}

/** People a park leader may credit in the park: a role there or an assignment there, active accounts, by name. */
export async function listAdjustablePeople(actor: Actor, parkId: number): Promise<{ id: number; name: string; unit: string | null }[]> {
  assertCan(actor, "points.adjust", parkId, "园区");
  return getDb().user.findMany({
    where: { isActive: true, OR: [{ memberships: { some: { parkId } } }, { assignments: { some: { parkId, endDate: null } } }] },
    select: { id: true, name: true, unit: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
}
