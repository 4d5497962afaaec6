import "server-only";
import { getDb } from "@/lib/db/client";
import { parkCreateSchema, parkUpdateSchema } from "@/lib/validation/org";
import { idField } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { rethrowDuplicate } from "./unique-error";
import type { Prisma } from "@/lib/db/generated/prisma/client";

const PARK_SELECT = { id: true, code: true, name: true, level: true, type: true, regionId: true, archivedAt: true } as const;

async function assertRegionOpen(tx: Prisma.TransactionClient, regionId: number) {
  const region = await tx.region.findUnique({ where: { id: regionId }, select: { archivedAt: true } });
  if (!region) throw new AppError("VALIDATION", "所属市州不存在", { regionId: ["所属市州不存在"] });
  if (region.archivedAt) throw new AppError("VALIDATION", "所属市州已归档，不能新增或移入园区", { regionId: ["所属市州已归档，不能新增或移入园区"] });
}

/** Every park with its region and record counts (administrators), archived ones last. */
export async function listParksForAdmin(actor: Actor) {
  assertCan(actor, "user.manage");
  const rows = await getDb().park.findMany({
    select: {
      ...PARK_SELECT,
      region: { select: { name: true } },
      _count: { select: { projects: true, enterprises: true, memberships: true } },
    },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { regionId: "asc" }, { id: "asc" }],
  });
  return rows.map(({ _count, ...p }) => ({ ...p, projectCount: _count.projects, enterpriseCount: _count.enterprises, memberCount: _count.memberships }));
}

export async function getParkForAdmin(actor: Actor, parkId: unknown) {
  assertCan(actor, "user.manage");
  const id = parseOrThrow(idField("园区"), parkId);
  const park = await getDb().park.findUnique({ where: { id }, select: PARK_SELECT });
  if (!park) throw notFound("园区");
  return park;
}

/** Creates a park in an open region; its thresholds start at the defaults (the park leader adjusts them in 设置). */
export async function createPark(actor: Actor, input: unknown) {
  assertCan(actor, "user.manage");
  const data = parseOrThrow(parkCreateSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      await assertRegionOpen(tx, data.regionId);
      const park = await tx.park.create({ data, select: PARK_SELECT });
      await writeAudit(tx, { actorId: actor.userId, action: "park.create", entityType: "Park", entityId: park.id, parkId: park.id, after: data });
      return park;
    });
  } catch (e) {
    rethrowDuplicate(e, "园区", data);
  }
}

/**
 * Edits, archives or restores a park. Parks are never deleted: an archived park keeps its
 * projects, history and figures, and takes no new work. Restoring needs its region open.
 */
export async function updatePark(actor: Actor, parkId: unknown, input: unknown) {
  assertCan(actor, "user.manage");
  const id = parseOrThrow(idField("园区"), parkId);
  const { archived, ...fields } = parseOrThrow(parkUpdateSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Park" WHERE id = ${id} FOR UPDATE`;
      const before = await tx.park.findUnique({ where: { id }, select: PARK_SELECT });
      if (!before) throw notFound("园区");
      if (fields.regionId !== undefined && fields.regionId !== before.regionId) await assertRegionOpen(tx, fields.regionId);
      const data: Prisma.ParkUncheckedUpdateInput = { ...fields };
      if (archived === true && !before.archivedAt) data.archivedAt = new Date();
      else if (archived === false && before.archivedAt) {
        await assertRegionOpen(tx, fields.regionId ?? before.regionId);
        data.archivedAt = null;
      }
      const park = await tx.park.update({ where: { id }, data, select: PARK_SELECT });
      const action = data.archivedAt ? "park.archive" : data.archivedAt === null ? "park.restore" : "park.update";
      await writeAudit(tx, { actorId: actor.userId, action, entityType: "Park", entityId: id, parkId: id, before, after: park });
      return park;
    });
  } catch (e) {
    rethrowDuplicate(e, "园区", fields);
  }
}
