import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { type AdminScope, membershipGrantProblem, membershipShapeProblem } from "@/lib/domain/user-admin";
import type { MembershipData } from "@/lib/validation/users";
import { AppError } from "@/lib/server/errors";

type Tx = Prisma.TransactionClient;

/**
 * Checks one membership to be granted: its shape for the role, the actor's right to grant
 * it, and that its park or region exists and is not archived. `field` prefixes the error
 * keys (e.g. "memberships.0.").
 */
export async function checkGrant(tx: Tx, scope: AdminScope, m: MembershipData, field = ""): Promise<void> {
  const shape = membershipShapeProblem(m);
  if (shape) throw new AppError("VALIDATION", shape.message, { [`${field}${shape.field}`]: [shape.message] });
  const grant = membershipGrantProblem(scope, m);
  if (grant) throw new AppError("FORBIDDEN", grant, { [`${field}role`]: [grant] });
  if (m.parkId !== null) {
    const park = await tx.park.findUnique({ where: { id: m.parkId }, select: { archivedAt: true } });
    if (!park) throw new AppError("VALIDATION", "所选园区不存在", { [`${field}parkId`]: ["所选园区不存在"] });
    if (park.archivedAt) throw new AppError("VALIDATION", "所选园区已归档，不能再分配角色", { [`${field}parkId`]: ["所选园区已归档，不能再分配角色"] });
  }
  if (m.regionId !== null) {
    const region = await tx.region.findUnique({ where: { id: m.regionId }, select: { archivedAt: true } });
    if (!region) throw new AppError("VALIDATION", "所选市州不存在", { [`${field}regionId`]: ["所选市州不存在"] });
    if (region.archivedAt) throw new AppError("VALIDATION", "所选市州已归档，不能再分配角色", { [`${field}regionId`]: ["所选市州已归档，不能再分配角色"] });
  }
}
