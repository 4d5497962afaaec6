import "server-only";
import { getDb } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";

/**
 * One project with what its page shows. A project outside the actor's scope is reported
 * as not found, exactly like an id that does not exist.
 */
export async function getProject(actor: Actor, id: number) {
  const project = await getDb().project.findFirst({
    where: { AND: [{ id }, visibleProjectsWhere(actor)] },
    include: {
      park: { select: { id: true, name: true, region: { select: { name: true } } } },
      enterprise: true,
      yearPlans: { orderBy: { year: "desc" } },
      progressReports: { orderBy: [{ year: "desc" }, { month: "desc" }], take: 24 },
    },
  });
  if (!project) throw notFound("项目");
  return project;
}
