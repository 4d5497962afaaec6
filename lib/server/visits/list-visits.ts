import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso } from "@/lib/domain/dates";
import type { VisitKind } from "@/lib/domain/issues";
import { assertCan } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { type Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { issueReadScope, visibleVisitsSql } from "@/lib/server/issues/issue-scope";
import type { VisitFilters } from "@/lib/validation/issues";

export interface VisitListItem {
  id: number;
  visitDate: string;
  kind: VisitKind;
  peopleMet: string | null;
  summary: string;
  parkId: number;
  parkName: string;
  enterpriseId: number;
  enterpriseName: string;
  projectId: number | null;
  projectName: string | null;
  liaisonId: number;
  liaisonName: string;
  /** Problems raised at this visit. */
  issueCount: number;
}

type Row = Omit<VisitListItem, "visitDate"> & { visitDate: Date };

/**
 * One page of the visits the actor may read (an enterprise's, a liaison's, a park's...),
 * newest first, filtered and counted in SQL. A LIAISON-only actor sees their own visits
 * and those to enterprises or projects assigned to them.
 */
export async function listVisits(actor: Actor, f: VisitFilters) {
  if (f.park) assertCan(actor, "issue.read", f.park, "园区");
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) throw notFound("园区");

  const parts: Prisma.Sql[] = [visibleVisitsSql(actor, "v")];
  if (f.park) parts.push(Prisma.sql`v."parkId" = ${f.park}::int`);
  if (f.enterprise) parts.push(Prisma.sql`v."enterpriseId" = ${f.enterprise}::int`);
  if (f.project) parts.push(Prisma.sql`v."projectId" = ${f.project}::int`);
  if (f.liaison) parts.push(Prisma.sql`v."liaisonId" = ${f.liaison}::int`);
  if (f.kind) parts.push(Prisma.sql`v.kind = CAST(${f.kind} AS "VisitKind")`);
  if (f.month) {
    const first = `${f.month}-01`;
    parts.push(Prisma.sql`v."visitDate" >= CAST(${first} AS date) AND v."visitDate" < (CAST(${first} AS date) + interval '1 month')::date`);
  }
  if (f.from) parts.push(Prisma.sql`v."visitDate" >= CAST(${f.from} AS date)`);
  if (f.to) parts.push(Prisma.sql`v."visitDate" <= CAST(${f.to} AS date)`);
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Enterprise" qe WHERE qe.id = v."enterpriseId" AND (qe.name ILIKE ${p} OR qe."creditCode" ILIKE ${p}))`);
  }
  const where = Prisma.join(parts, " AND ");

  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT v.id, v."visitDate", v.kind::text AS kind, v."peopleMet", v.summary, v."parkId", pk.name AS "parkName",
             v."enterpriseId", e.name AS "enterpriseName", v."projectId", pr.name AS "projectName",
             v."liaisonId", u.name AS "liaisonName",
             (SELECT count(*)::int FROM "EnterpriseIssue" i WHERE i."visitId" = v.id) AS "issueCount"
      FROM "Visit" v
      JOIN "Park" pk ON pk.id = v."parkId"
      JOIN "Enterprise" e ON e.id = v."enterpriseId"
      LEFT JOIN "Project" pr ON pr.id = v."projectId"
      JOIN "User" u ON u.id = v."liaisonId"
      WHERE ${where}
      ORDER BY v."visitDate" DESC, v.id DESC
      LIMIT ${f.pageSize}::int OFFSET ${(f.page - 1) * f.pageSize}::int`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "Visit" v WHERE ${where}`),
  ]);
  const items: VisitListItem[] = rows.map((r) => ({ ...r, visitDate: dateToIso(r.visitDate) }));
  return { items, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}

/**
 * The people who logged visits the actor may read, by name: the liaison filter's choices.
 * One index probe per user (Visit's liaisonId index), however many visits there are.
 */
export async function listVisitLiaisons(actor: Actor): Promise<{ id: number; name: string }[]> {
  const { fullParks, assignedOnlyParks } = issueReadScope(actor);
  if (fullParks.length + assignedOnlyParks.length === 0) return [];
  return getDb().$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
    SELECT u.id, u.name FROM "User" u
    WHERE EXISTS (SELECT 1 FROM "Visit" v WHERE v."liaisonId" = u.id AND ${visibleVisitsSql(actor, "v")})
    ORDER BY u.name, u.id`);
}
