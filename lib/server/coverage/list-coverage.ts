import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import type { AssignmentRole } from "@/lib/domain/coverage";
import type { CoverageFilters } from "@/lib/validation/assignments";
import { assertCan } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { type Actor } from "@/lib/domain/permissions";

/** A person on the public list: who to call. */
export interface CoveragePerson {
  userId: number;
  name: string;
  phone: string | null;
  unit: string | null;
  title: string | null;
  /** 责任单位 of the assignment (双轨包保). */
  department: string | null;
  /** YYYY-MM-DD the assignment started. */
  since: string;
  /** ENTERPRISE: assigned to the enterprise itself; PROJECT: taken from one of its projects (no enterprise-level assignment). */
  via: "ENTERPRISE" | "PROJECT";
}

export interface CoverageProject {
  id: number;
  code: string;
  name: string;
  stage: Stage;
  status: ProjectStatus;
  liaison: CoveragePerson | null;
  leader: CoveragePerson | null;
}

export interface CoverageRow {
  enterpriseId: number;
  enterpriseName: string;
  industry: string | null;
  liaison: CoveragePerson | null;
  leader: CoveragePerson | null;
  /** Projects not terminated, newest signed first, at most PROJECTS_PER_ENTERPRISE. */
  projects: CoverageProject[];
  /** All its projects not terminated (may exceed projects.length). */
  projectCount: number;
}

export interface CoverageSummary {
  enterprises: number;
  /** Enterprises with an active 包保责任人 (on the enterprise or one of its live projects). */
  covered: number;
  uncovered: number;
  /** Distinct people holding an active 包保责任人 / 包保领导 assignment in the park. */
  liaisons: number;
  leaders: number;
}

export interface CoverageList {
  park: { id: number; name: string };
  /** For the whole park, whatever the filters (全员覆盖 at a glance). */
  summary: CoverageSummary;
  rows: CoverageRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export const PROJECTS_PER_ENTERPRISE = 20;

/** Live (not terminated) projects of the enterprise `e`, as a subquery of ids. */
const liveProjectsOf = (e: string) =>
  Prisma.raw(`(SELECT x.id FROM "Project" x WHERE x."enterpriseId" = ${e}.id AND x.status <> 'TERMINATED')`);

/**
 * The active holder of `role` for enterprise alias `e`: the enterprise's own assignment
 * first, else the latest one on its live projects. One row, LATERAL-joined.
 */
function enterpriseHolder(role: AssignmentRole, as: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT a."userId", u.name, u.phone, u.unit, u.title, a.department, a."startDate",
             CASE WHEN a."enterpriseId" IS NOT NULL THEN 'ENTERPRISE' ELSE 'PROJECT' END AS via
      FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
      WHERE a.role = CAST(${role} AS "AssignmentRole") AND a."endDate" IS NULL
        AND (a."enterpriseId" = e.id OR a."projectId" IN ${liveProjectsOf("e")})
      ORDER BY (a."enterpriseId" IS NOT NULL) DESC, a."startDate" DESC, a.id DESC
      LIMIT 1) ${Prisma.raw(as)} ON true`;
}

function projectHolder(role: AssignmentRole, as: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT a."userId", u.name, u.phone, u.unit, u.title, a.department, a."startDate", 'PROJECT' AS via
      FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
      WHERE a.role = CAST(${role} AS "AssignmentRole") AND a."endDate" IS NULL AND a."projectId" = p.id
      ORDER BY a."startDate" DESC, a.id DESC
      LIMIT 1) ${Prisma.raw(as)} ON true`;
}

/** Columns of a holder alias, prefixed ("l" -> l_userId ...). */
function holderColumns(as: string): Prisma.Sql {
  return Prisma.raw(
    `${as}."userId" AS "${as}_userId", ${as}.name AS "${as}_name", ${as}.phone AS "${as}_phone", ${as}.unit AS "${as}_unit", ` +
      `${as}.title AS "${as}_title", ${as}.department AS "${as}_department", to_char(${as}."startDate", 'YYYY-MM-DD') AS "${as}_since", ${as}.via AS "${as}_via"`,
  );
}

type Row = Record<string, unknown>;

function personFrom(row: Row, as: string): CoveragePerson | null {
  if (row[`${as}_userId`] === null || row[`${as}_userId`] === undefined) return null;
  return {
    userId: row[`${as}_userId`] as number,
    name: row[`${as}_name`] as string,
    phone: row[`${as}_phone`] as string | null,
    unit: row[`${as}_unit`] as string | null,
    title: row[`${as}_title`] as string | null,
    department: row[`${as}_department`] as string | null,
    since: row[`${as}_since`] as string,
    via: row[`${as}_via`] as CoveragePerson["via"],
  };
}

/** An active LIAISON assignment on enterprise `e` or one of its live projects, optionally of one user. */
function liaisonExists(userId?: number): Prisma.Sql {
  const who = userId === undefined ? Prisma.empty : Prisma.sql`AND a."userId" = ${userId}`;
  return Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" a WHERE a.role = 'LIAISON' AND a."endDate" IS NULL ${who}
    AND (a."enterpriseId" = e.id OR a."projectId" IN ${liveProjectsOf("e")}))`;
}

function coverageWhere(parkId: number, f: CoverageFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e."parkId" = ${parkId}`];
  if (f.liaison) parts.push(liaisonExists(f.liaison));
  if (f.uncovered) parts.push(Prisma.sql`NOT ${liaisonExists()}`);
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`(e.name ILIKE ${p}
      OR EXISTS (SELECT 1 FROM "Project" pq WHERE pq."enterpriseId" = e.id AND pq.status <> 'TERMINATED' AND (pq.name ILIKE ${p} OR pq.code ILIKE ${p}))
      OR EXISTS (SELECT 1 FROM "Assignment" a JOIN "User" u ON u.id = a."userId" WHERE a."endDate" IS NULL
                 AND (a."enterpriseId" = e.id OR a."projectId" IN ${liveProjectsOf("e")}) AND u.name ILIKE ${p}))`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * 挂牌公示: who covers which enterprise of a park and its projects, with their phone
 * numbers, one page of enterprises by name. "park.read" in the park: the list is public
 * within the park (a liaison sees every enterprise and project name on it, and nothing
 * else: no figures, no contacts of the enterprise).
 *
 * Filters: one liaison (enterprises they cover directly or through a project), text
 * (enterprise, project name or code, or a holder's name), only enterprises nobody covers.
 * Paged and counted in SQL; the projects of the page's enterprises come in one more
 * query, capped per enterprise.
 */
export async function listCoverage(actor: Actor, parkId: number, f: CoverageFilters): Promise<CoverageList> {
  assertCan(actor, "park.read", parkId, "园区");
  const db = getDb();
  const where = coverageWhere(parkId, f);

  const [park, [summary], [{ total }], rows] = await Promise.all([
    db.park.findUniqueOrThrow({ where: { id: parkId }, select: { id: true, name: true } }),
    db.$queryRaw<CoverageSummary[]>`
      SELECT count(*)::int AS enterprises,
             count(*) FILTER (WHERE ${liaisonExists()})::int AS covered,
             count(*) FILTER (WHERE NOT ${liaisonExists()})::int AS uncovered,
             (SELECT count(DISTINCT "userId")::int FROM "Assignment" WHERE "parkId" = ${parkId} AND role = 'LIAISON' AND "endDate" IS NULL) AS liaisons,
             (SELECT count(DISTINCT "userId")::int FROM "Assignment" WHERE "parkId" = ${parkId} AND role = 'LEADER' AND "endDate" IS NULL) AS leaders
      FROM "Enterprise" e WHERE e."parkId" = ${parkId}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Enterprise" e WHERE ${where}`,
    db.$queryRaw<Row[]>`
      SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", e.industry,
             (SELECT count(*)::int FROM "Project" pc WHERE pc."enterpriseId" = e.id AND pc.status <> 'TERMINATED') AS "projectCount",
             ${holderColumns("l")}, ${holderColumns("ld")}
      FROM "Enterprise" e
      ${enterpriseHolder("LIAISON", "l")}
      ${enterpriseHolder("LEADER", "ld")}
      WHERE ${where}
      ORDER BY e.name ASC, e.id ASC
      LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
  ]);

  const ids = rows.map((r) => r.enterpriseId as number);
  const projects =
    ids.length === 0
      ? []
      : await db.$queryRaw<Row[]>`
          SELECT * FROM (
            SELECT p.id, p.code, p.name, p."enterpriseId", p.stage::text AS stage, p.status::text AS status,
                   row_number() OVER (PARTITION BY p."enterpriseId" ORDER BY p."signedDate" DESC, p.id DESC) AS n,
                   ${holderColumns("l")}, ${holderColumns("ld")}
            FROM "Project" p
            ${projectHolder("LIAISON", "l")}
            ${projectHolder("LEADER", "ld")}
            WHERE p."enterpriseId" = ANY(${ids}::int[]) AND p.status <> 'TERMINATED'
          ) t
          WHERE t.n <= ${PROJECTS_PER_ENTERPRISE}
          ORDER BY t."enterpriseId", t.n`;

  const byEnterprise = new Map<number, CoverageProject[]>();
  for (const p of projects) {
    const list = byEnterprise.get(p.enterpriseId as number) ?? [];
    list.push({
      id: p.id as number,
      code: p.code as string,
      name: p.name as string,
      stage: p.stage as Stage,
      status: p.status as ProjectStatus,
      liaison: personFrom(p, "l"),
      leader: personFrom(p, "ld"),
    });
    byEnterprise.set(p.enterpriseId as number, list);
  }

  return {
    park,
    summary,
    rows: rows.map((r) => ({
      enterpriseId: r.enterpriseId as number,
      enterpriseName: r.enterpriseName as string,
      industry: r.industry as string | null,
      liaison: personFrom(r, "l"),
      leader: personFrom(r, "ld"),
      projects: byEnterprise.get(r.enterpriseId as number) ?? [],
      projectCount: r.projectCount as number,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

/** People holding an active 包保责任人 assignment in the park, with their load, for the list's liaison filter. "park.read". */
export async function listCoverageLiaisons(actor: Actor, parkId: number): Promise<{ id: number; name: string; count: number }[]> {
  assertCan(actor, "park.read", parkId, "园区");
  return getDb().$queryRaw<{ id: number; name: string; count: number }[]>`
    SELECT u.id, u.name, count(*)::int AS count
    FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
    WHERE a."parkId" = ${parkId} AND a.role = 'LIAISON' AND a."endDate" IS NULL
    GROUP BY u.id, u.name
    ORDER BY u.name, u.id
    LIMIT 500`;
}
