import "server-only";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { dateToIso } from "@/lib/domain/dates";
import type { ProjectFilters } from "@/lib/validation/project-filters";
import { drillDownWhere } from "@/lib/server/metrics/drill-down";

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  parkId: number;
  parkName: string;
  enterpriseName: string;
  industry: string;
  keyLevel: string;
  stage: string;
  status: string;
  stageDate: string;
  signedDate: string;
  totalInvestment: string;
  contractInvestment: string;
  liaisonName: string | null;
}

/**
 * The ledger list's WHERE for a filter: shared by the list, its Excel export and the API.
 * Async for a dashboard figure (`metric`): its as-of filter reads the projects whose status
 * changed after the period first (lib/server/metrics/drill-down.ts).
 */
export async function projectListWhere(actor: Actor, f: ProjectFilters): Promise<Prisma.ProjectWhereInput> {
  const and: Prisma.ProjectWhereInput[] = [visibleProjectsWhere(actor)];
  if (f.park) and.push({ parkId: f.park });
  if (f.region) and.push({ park: { regionId: f.region } });
  if (f.metric) and.push(await drillDownWhere(actor, { metric: f.metric, period: f.period, cohort: f.cohort }));
  if (f.stage) and.push({ stage: f.stage });
  if (f.status) and.push({ status: f.status });
  if (f.keyLevel) and.push({ keyLevel: f.keyLevel });
  if (f.industry) and.push({ industry: f.industry });
  if (f.year) and.push({ signedDate: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } });
  if (f.q) {
    and.push({
      OR: [
        { name: { contains: f.q, mode: "insensitive" } },
        { code: { contains: f.q, mode: "insensitive" } },
        { enterprise: { name: { contains: f.q, mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

/** One page of the projects the actor may read, filtered and counted in SQL. */
export async function listProjects(actor: Actor, filters: ProjectFilters) {
  const db = getDb();
  const where = await projectListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ signedDate: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: {
        id: true,
        code: true,
        name: true,
        parkId: true,
        industry: true,
        keyLevel: true,
        stage: true,
        status: true,
        stageDate: true,
        signedDate: true,
        totalInvestment: true,
        contractInvestment: true,
        park: { select: { name: true } },
        enterprise: { select: { name: true } },
        assignments: {
          where: { role: "LIAISON", endDate: null },
          select: { user: { select: { name: true } } },
          take: 1,
        },
      },
    }),
  ]);
  const items: ProjectListItem[] = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    parkId: r.parkId,
    parkName: r.park.name,
    enterpriseName: r.enterprise.name,
    industry: r.industry,
    keyLevel: r.keyLevel,
    stage: r.stage,
    status: r.status,
    stageDate: dateToIso(r.stageDate),
    signedDate: dateToIso(r.signedDate),
    totalInvestment: r.totalInvestment.toString(),
    contractInvestment: r.contractInvestment.toString(),
    liaisonName: r.assignments[0]?.user.name ?? null,
  }));
  return { items, total, page: filters.page, pageSize: filters.pageSize, pageCount: Math.max(1, Math.ceil(total / filters.pageSize)) };
}

/** Distinct industries among the projects the actor may read, for the filter. */
export async function listProjectIndustries(actor: Actor): Promise<string[]> {
  const rows = await getDb().project.findMany({
    where: visibleProjectsWhere(actor),
    distinct: ["industry"],
    select: { industry: true },
    orderBy: { industry: "asc" },
  });
  return rows.map((r) => r.industry);
}
