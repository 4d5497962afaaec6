import "server-only";
import { getDb } from "@/lib/db/client";
import { regionCreateSchema, regionUpdateSchema } from "@/lib/validation/org";
import { idField } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { assertCan } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/server/errors";
import { rethrowDuplicate } from "./unique-error";

const REGION_SELECT = { id: true, code: true, name: true, archivedAt: true } as const;

/** Every region with its park counts (administrators). */
export async function listRegions(actor: Actor) {
  assertCan(actor, "user.manage");
  const rows = await getDb().region.findMany({
    select: { ...REGION_SELECT, createdAt: true, _count: { select: { parks: true } } },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
  });
  return rows.map(({ _count, ...r }) => ({ ...r, parkCount: _count.parks }));
}

export async function createRegion(actor: Actor, input: unknown) {
  assertCan(actor, "user.manage");
  const data = parseOrThrow(regionCreateSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const region = await tx.region.create({ data, select: REGION_SELECT });
      await writeAudit(tx, { actorId: actor.userId, action: "region.create", entityType: "Region", entityId: region.id, after: data });
      return region;
    });
  } catch (e) {
    rethrowDuplicate(e, "市州", data);
  }
}

/**
 * Renames, recodes, archives or restores a region. Regions are never deleted: an archived
 * one keeps its parks' history and figures. A region with parks still open cannot be
 * archived (archive those first), so no open park hangs under an archived region.
 */
export async function updateRegion(actor: Actor, regionId: unknown, input: unknown) {
  assertCan(actor, "user.manage");
  const id = parseOrThrow(idField("市州"), regionId);
  const { archived, ...fields } = parseOrThrow(regionUpdateSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Region" WHERE id = ${id} FOR UPDATE`;
      const before = await tx.region.findUnique({ where: { id }, select: REGION_SELECT });
      if (!before) throw notFound("市州");
      const data: { name?: string; code?: string; archivedAt?: Date | null } = { ...fields };
      if (archived === true && !before.archivedAt) {
        const open = await tx.park.count({ where: { regionId: id, archivedAt: null } });
        if (open > 0) throw new AppError("VALIDATION", `该市州还有 ${open} 个未归档的园区，请先归档这些园区`, { archived: [`该市州还有 ${open} 个未归档的园区，请先归档这些园区`] });
        data.archivedAt = new Date();
      } else if (archived === false && before.archivedAt) data.archivedAt = null;
      const region = await tx.region.update({ where: { id }, data, select: REGION_SELECT });
      const action = data.archivedAt ? "region.archive" : data.archivedAt === null ? "region.restore" : "region.update";
      await writeAudit(tx, { actorId: actor.userId, action, entityType: "Region", entityId: id, before, after: region });
      return region;
    });
  } catch (e) {
    rethrowDuplicate(e, "市州", fields);
  }
}
