import "server-only";
// Shared by the enterprise write paths (create, edit, merge): the record's columns, the
// per-park uniqueness of name and credit code as field errors, and the archived-park rule.

import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type EnterpriseRecord } from "@/lib/domain/enterprises";
import { AppError, validationError } from "@/lib/server/errors";

type Reader = Pick<Prisma.TransactionClient, "enterprise" | "park">;

export const ENTERPRISE_RECORD_SELECT = {
  id: true,
  parkId: true,
  name: true,
  creditCode: true,
  legalPerson: true,
  contactName: true,
  contactPhone: true,
  address: true,
  industry: true,
} as const satisfies Prisma.EnterpriseSelect;

export type EnterpriseRecordRow = Prisma.EnterpriseGetPayload<{ select: typeof ENTERPRISE_RECORD_SELECT }>;

/** The editable fields of a row, as the pure rules take them. */
export function recordOf(row: EnterpriseRecordRow): EnterpriseRecord {
  const { id: _i, parkId: _p, ...record } = row;
  return record;
}

/**
 * Refuses a name or credit code another enterprise of the park already has (the unique
 * keys of the table), as errors on those fields naming the holder. `excludeId` is the
 * enterprise being edited.
 */
export async function assertUniqueInPark(
  db: Reader,
  parkId: number,
  wanted: { name?: string; creditCode?: string | null },
  excludeId: number | null,
): Promise<void> {
  const or: Prisma.EnterpriseWhereInput[] = [];
  if (wanted.name !== undefined) or.push({ name: wanted.name });
  if (wanted.creditCode) or.push({ creditCode: wanted.creditCode });
  if (or.length === 0) return;
  const taken = await db.enterprise.findMany({
    where: { parkId, OR: or, ...(excludeId !== null ? { id: { not: excludeId } } : {}) },
    select: { id: true, name: true, creditCode: true },
    take: 2,
  });
  const errors: Record<string, string[]> = {};
  if (wanted.name !== undefined && taken.some((t) => t.name === wanted.name)) errors.name = ["本园区已有同名企业，请勿重复建档（可在企业档案中搜索后修改）"];
  const holder = wanted.creditCode ? taken.find((t) => t.creditCode === wanted.creditCode) : undefined;
  if (holder) errors.creditCode = [`统一社会信用代码已登记在本园区「${holder.name}」名下`];
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** Refuses new work in an archived park: the message sits on `field` (the park picker on a create form). */
export async function assertParkOpen(db: Reader, parkId: number, field = "parkId"): Promise<void> {
  const park = await db.park.findUnique({ where: { id: parkId }, select: { name: true, archivedAt: true } });
  if (!park) throw new AppError("VALIDATION", "所选园区不存在", { [field]: ["所选园区不存在，请刷新页面后重选"] });
  if (park.archivedAt) {
    const message = `「${park.name}」已归档，不能再新增或修改其企业档案`;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
}
