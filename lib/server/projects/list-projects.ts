import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { visibleProjectsSql, visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { dateToIso } from "@/lib/domain/dates";
import type { Metric } from "@/lib/domain/indicators";
import type { ProjectFilters } from "@/lib/validation/project-filters";
import { drillDownSql } from "@/lib/server/metrics/drill-down";
import { escapeLike, likePattern } from "@/lib/server/sql";

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
 * The ledger list's WHERE for a filter without a dashboard figure: shared by the list, its
 * Excel export and the API. A figure's list (`metric`) is read in SQL where its count is
 * (drillDownIds), with the same filters written in SQL (projectListSql).
 */
export function projectListWhere(actor: Actor, f: ProjectFilters): Prisma.ProjectWhereInput {
  if (f.metric) throw new Error("A figure's projects are read with drillDownIds");
  const and: Prisma.ProjectWhereInput[] = [visibleProjectsWhere(actor)];
  if (f.park) and.push({ parkId: f.park });
  if (f.region) and.push({ park: { regionId: f.region } });
  if (f.stage) and.push({ stage: f.stage });
  if (f.status) and.push({ status: f.status });
  if (f.keyLevel) and.push({ keyLevel: f.keyLevel });
  if (f.industry) and.push({ industry: f.industry });
  if (f.year) and.push({ signedDate: { gte: new Date(Date.UTC(f.year, 0, 1)), lt: new Date(Date.UTC(f.year + 1, 0, 1)) } });
  if (f.q) {
    and.push({
      OR: [
        { name: { contains: escapeLike(f.q), mode: "insensitive" } },
        { code: { contains: escapeLike(f.q), mode: "insensitive" } },
        { enterprise: { name: { contains: escapeLike(f.q), mode: "insensitive" } } },
      ],
    });
  }
  return { AND: and };
}

/** projectListWhere's filters (without the figure) as SQL on the Project `pr`. */
export function projectListSql(actor: Actor, f: ProjectFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [visibleProjectsSql(actor, "pr")];
  if (f.park) parts.push(Prisma.sql`pr."parkId" = ${f.park}::int`);
  if (f.region) parts.push(Prisma.sql`pr."parkId" IN (SELECT rp.id FROM "Park" rp WHERE rp."regionId" = ${f.region}::int)`);
  if (f.stage) parts.push(Prisma.sql`pr.stage = CAST(${f.stage} AS "Stage")`);
  if (f.status) parts.push(Prisma.sql`pr.status = CAST(${f.status} AS "ProjectStatus")`);
  if (f.keyLevel) parts.push(Prisma.sql`pr."keyLevel" = CAST(${f.keyLevel} AS "KeyLevel")`);
  if (f.industry) parts.push(Prisma.sql`pr.industry = ${f.industry}`);
  if (f.year) parts.push(Prisma.sql`pr."signedDate" >= make_date(${f.year}::int, 1, 1) AND pr."signedDate" < make_date(${f.year + 1}::int, 1, 1)`);
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`(pr.name ILIKE ${p} OR pr.code ILIKE ${p} OR EXISTS (SELECT 1 FROM "Enterprise" qe WHERE qe.id = pr."enterpriseId" AND qe.name ILIKE ${p}))`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * A dashboard figure's projects (`metric`) with the list's other filters: one page of ids
 * and the total, in SQL, read where the figure's count is (drillDownSql: the scope's rows
 * of ProjectFigures under the figure's condition). In the ledger's order (signing date,
 * newest first) for the list, or by id after a cursor for the export.
 */
export async function drillDownIds(
  actor: Actor,
  f: ProjectFilters & { metric: Metric },
  page: { order: "ledger"; skip: number; take: number } | { order: "id"; after: number; take: number },
): Promise<{ ids: number[]; total: number }> {
  const db = getDb();
  const drill = drillDownSql(actor, { metric: f.metric, period: f.period, cohort: f.cohort });
  const where = Prisma.sql`${drill.where} AND ${projectListSql(actor, f)}`;
  if (page.order === "id") {
    const rows = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
      SELECT pr.id FROM ${drill.from} WHERE ${where} AND pr.id > ${page.after}::int ORDER BY pr.id LIMIT ${page.take}::int`);
    return { ids: rows.map((r) => r.id), total: rows.length };
  }
  const rows = await db.$queryRaw<{ id: number; total: number }[]>(Prisma.sql`
    SELECT pr.id, count(*) OVER ()::int AS total FROM ${drill.from} WHERE ${where}
    ORDER BY pr."signedDate" DESC, pr.id DESC LIMIT ${page.take}::int OFFSET ${page.skip}::int`);
  if (rows.length > 0 || page.skip === 0) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
  const [c] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM ${drill.from} WHERE ${where}`);
  return { ids: [], total: c.n };
}

/** One page of the projects the actor may read, filtered and counted in SQL. */
export async function listProjects(actor: Actor, filters: ProjectFilters) {
  const db = getDb();
  const skip = (filters.page - 1) * filters.pageSize;
  // A figure's list: the page of ids and the total in SQL first, then those rows' columns.
  const drilled = filters.metric ? await drillDownIds(actor, { ...filters, metric: filters.metric }, { order: "ledger", skip, take: filters.pageSize }) : null;
  const where = drilled ? { id: { in: drilled.ids } } : projectListWhere(actor, filters);
  const [total, rows] = await Promise.all([
    drilled ? drilled.total : db.project.count({ where }),
    db.project.findMany({
      where,
      orderBy: [{ signedDate: "desc" }, { id: "desc" }],
      skip: drilled ? 0 : skip,
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
