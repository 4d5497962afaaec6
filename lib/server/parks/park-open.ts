import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { AppError } from "@/lib/server/errors";

type Reader = Pick<Prisma.TransactionClient, "park">;

/**
 * Refuses new work (projects, enterprises, visits, roles) in an archived park: archived
 * parks keep their history and figures but take nothing new. `field` names the input.
 */
export async function assertParkOpen(db: Reader, parkId: number, field = "parkId"): Promise<void> {
  const park = await db.park.findUnique({ where: { id: parkId }, select: { name: true, archivedAt: true } });
  if (park?.archivedAt) {
    const message = `${park.name}已归档，不能再新增记录`;
    throw new AppError("VALIDATION", message, { [field]: [message] });
  }
}
