import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { issueReadScope } from "@/lib/server/issues/issue-scope";

export interface VisitTarget {
  id: number;
  name: string;
  parkName: string;
  projects: { id: number; name: string }[];
}

const LIMIT = 300;

/**
 * Enterprises (with their live projects) the actor may log a visit or a problem for: every
 * enterprise of the parks where they write problems in full, and in parks where they are
 * only a liaison, the enterprises they cover (directly or through a project). Bounded.
 */
export async function listVisitTargets(actor: Actor, opts: { enterpriseId?: number; q?: string } = {}): Promise<VisitTarget[]> {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor, "issue.write");
  const covered: Prisma.EnterpriseWhereInput = {
    parkId: { in: assignedOnlyParks },
    OR: [
      { assignments: { some: { userId: actor.userId, role: "LIAISON", endDate: null } } },
      { projects: { some: { assignments: { some: { userId: actor.userId, role: "LIAISON", endDate: null } } } } },
    ],
  };
  const where: Prisma.EnterpriseWhereInput = {
    AND: [
      { OR: [{ parkId: { in: fullParks } }, covered] },
      ...(opts.enterpriseId ? [{ id: opts.enterpriseId }] : []),
      ...(opts.q ? [{ name: { contains: opts.q, mode: "insensitive" as const } }] : []),
    ],
  };
  const rows = await getDb().enterprise.findMany({
    where,
    orderBy: [{ parkId: "asc" }, { name: "asc" }],
    take: LIMIT,
    select: {
      id: true,
      name: true,
      park: { select: { name: true } },
      projects: { where: { status: { not: "TERMINATED" } }, select: { id: true, name: true }, orderBy: { signedDate: "desc" }, take: 20 },
    },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, parkName: r.park.name, projects: r.projects }));
}
