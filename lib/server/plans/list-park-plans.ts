import "server-only";
import { getDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Actor, can } from "@/lib/domain/permissions";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { parkPlansQuerySchema } from "@/lib/validation/year-plans";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { notFound, parseOrThrow } from "@/lib/server/errors";

export interface ParkPlanRow {
  projectId: number;
  code: string;
  name: string;
  enterpriseName: string;
  stage: Stage;
  status: ProjectStatus;
  signedDate: string;
  actualStartDate: string | null;
  actualProductionDate: string | null;
  /** The plan for the year, or null when the project is not in it. */
  plan: { plannedInvestment: string; planStart: boolean; planProduction: boolean; note: string | null } | null;
  /** Investment completed in the year (its monthly reports), 万元. */
  completed: string;
}

export interface ParkPlanTotals {
  /** Projects in the year's plan (of those the reader sees). */
  planned: number;
  plannedInvestment: string;
  planStart: number;
  planProduction: number;
  completed: string;
}

export interface ParkPlanFilters {
  q?: string;
  only?: "planned" | "unplanned";
}

/**
 * The WHERE of a park's plan list for `year` over "Project" pr / "Enterprise" e / its
 * ProjectYearPlan yp: the projects the actor sees in the park that could be in that year's
 * plan (signed by the year's end and not terminated), and any project that has a plan for it.
 */
function planListWhere(actor: Actor, parkId: number, year: number, f: ParkPlanFilters): Prisma.Sql {
  const parts = [
    visibleProjectsSql(actor, "pr"),
    Prisma.sql`pr."parkId" = ${parkId}`,
    Prisma.sql`(yp.id IS NOT NULL OR (pr.status <> 'TERMINATED' AND pr."signedDate" <= make_date(${year}::int, 12, 31)))`,
  ];
  if (f.only === "planned") parts.push(Prisma.sql`yp.id IS NOT NULL`);
  if (f.only === "unplanned") parts.push(Prisma.sql`yp.id IS NULL`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(pr.name ILIKE ${like} OR pr.code ILIKE ${like} OR e.name ILIKE ${like})`);
  }
  return Prisma.join(parts, " AND ");
}

const FROM = (year: number) => Prisma.sql`
  FROM "Project" pr
  JOIN "Enterprise" e ON e.id = pr."enterpriseId"
  LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${year}::int`;

type RawRow = {
  projectId: number;
  code: string;
  name: string;
  enterpriseName: string;
  stage: Stage;
  status: ProjectStatus;
  signedDate: Date;
  actualStartDate: Date | null;
  actualProductionDate: Date | null;
  plannedInvestment: string | null;
  planStart: boolean | null;
  planProduction: boolean | null;
  note: string | null;
  completed: string;
  total: number;
};

/** One page of the rows (planned first, then by code); shared by the page, the API and the plan sheet export. */
export async function queryParkPlanRows(db: Db, actor: Actor, parkId: number, year: number, f: ParkPlanFilters, limit: number, offset: number): Promise<{ rows: ParkPlanRow[]; total: number }> {
  const raw = await db.$queryRaw<RawRow[]>(Prisma.sql`
    SELECT pr.id AS "projectId", pr.code, pr.name, e.name AS "enterpriseName", pr.stage::text AS stage, pr.status::text AS status,
           pr."signedDate", pr."actualStartDate", pr."actualProductionDate",
           yp."plannedInvestment"::text AS "plannedInvestment", yp."planStart", yp."planProduction", yp.note,
           COALESCE((SELECT sum(r."investmentCompleted") FROM "ProgressReport" r WHERE r."projectId" = pr.id AND r.year = ${year}::int), 0)::numeric(14,2)::text AS completed,
           count(*) OVER ()::int AS total
    ${FROM(year)}
    WHERE ${planListWhere(actor, parkId, year, f)}
    ORDER BY (yp.id IS NULL), pr.code, pr.id
    LIMIT ${limit} OFFSET ${offset}`);
  return {
    total: raw[0]?.total ?? 0,
    rows: raw.map((r) => ({
      projectId: r.projectId,
      code: r.code,
      name: r.name,
      enterpriseName: r.enterpriseName,
      stage: r.stage,
      status: r.status,
      signedDate: dateToIso(r.signedDate),
      actualStartDate: r.actualStartDate ? dateToIso(r.actualStartDate) : null,
      actualProductionDate: r.actualProductionDate ? dateToIso(r.actualProductionDate) : null,
      plan:
        r.plannedInvestment === null
          ? null
          : { plannedInvestment: r.plannedInvestment, planStart: r.planStart === true, planProduction: r.planProduction === true, note: r.note },
      completed: r.completed,
    })),
  };
}

/**
 * A park's annual plan for one year (default: this year), one page at a time, filtered and
 * paged in SQL: every project that could be in the plan with its plan (or none) and what it
 * completed that year, planned ones first; the totals of the year's plan; whether the reader
 * may edit (project.write). Needs project.read in the park (a liaison sees their own projects).
 */
export async function listParkPlans(actor: Actor, parkId: number, query: unknown = {}, today = todayInShanghai()) {
  const q = parseOrThrow(parkPlansQuerySchema, query);
  const year = q.year ?? Number(today.slice(0, 4));
  assertCan(actor, "project.read", parkId, "园区");
  const db = getDb();
  const park = await db.park.findUnique({ where: { id: parkId }, select: { id: true, name: true, archivedAt: true } });
  if (!park) throw notFound("园区");
  const filters: ParkPlanFilters = { q: q.q || undefined, only: q.only };
  const [page, [totals]] = await Promise.all([
    queryParkPlanRows(db, actor, parkId, year, filters, q.pageSize, (q.page - 1) * q.pageSize),
    db.$queryRaw<ParkPlanTotals[]>(Prisma.sql`
      SELECT count(*)::int AS planned,
             COALESCE(sum(yp."plannedInvestment"), 0)::numeric(14,2)::text AS "plannedInvestment",
             count(*) FILTER (WHERE yp."planStart")::int AS "planStart",
             count(*) FILTER (WHERE yp."planProduction")::int AS "planProduction",
             COALESCE((SELECT sum(r."investmentCompleted") FROM "ProgressReport" r
                        JOIN "ProjectYearPlan" y2 ON y2."projectId" = r."projectId" AND y2.year = ${year}::int
                        JOIN "Project" p2 ON p2.id = r."projectId"
                        WHERE r.year = ${year}::int AND p2."parkId" = ${parkId} AND ${visibleProjectsSql(actor, "p2")}), 0)::numeric(14,2)::text AS completed
      ${FROM(year)}
      WHERE ${planListWhere(actor, parkId, year, { only: "planned" })}`),
  ]);
  return {
    parkId,
    parkName: park.name,
    archived: park.archivedAt !== null,
    year,
    canEdit: can(actor, "project.write", parkId) && park.archivedAt === null,
    totals,
    rows: page.rows,
    total: page.total,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: Math.max(1, Math.ceil(page.total / q.pageSize)),
  };
}
