import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { likePattern } from "@/lib/server/sql";
import type { EnterpriseListFilters } from "@/lib/validation/enterprises";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { visibleIssuesSql } from "@/lib/server/issues/issue-scope";
import { visibleEnterprisesSql } from "./enterprise-scope";

/** A current enterprise-level 包保 holder. */
export interface EnterpriseHolder {
  userId: number;
  name: string;
  phone: string | null;
}

export interface EnterpriseListItem {
  id: number;
  name: string;
  creditCode: string | null;
  parkId: number;
  parkName: string;
  industry: string | null;
  legalPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  /** Its projects the actor may read. */
  projectCount: number;
  /** Its problems not yet 销号 that the actor may read. */
  openIssueCount: number;
  /** 包保责任人 / 包保领导 assigned to the enterprise itself (not through a project). */
  liaison: EnterpriseHolder | null;
  leader: EnterpriseHolder | null;
}

export interface EnterpriseList {
  items: EnterpriseListItem[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

type Row = Omit<EnterpriseListItem, "liaison" | "leader"> & {
  l_userId: number | null;
  l_name: string | null;
  l_phone: string | null;
  ld_userId: number | null;
  ld_name: string | null;
  ld_phone: string | null;
};

/** The active enterprise-level holder of `role` for enterprise alias `e`, LATERAL-joined as `as`. */
function holder(role: "LIAISON" | "LEADER", as: string): Prisma.Sql {
  return Prisma.sql`LEFT JOIN LATERAL (
      SELECT a."userId", u.name, u.phone
      FROM "Assignment" a JOIN "User" u ON u.id = a."userId"
      WHERE a."enterpriseId" = e.id AND a."projectId" IS NULL AND a.role = CAST(${role} AS "AssignmentRole") AND a."endDate" IS NULL
      ORDER BY a."startDate" DESC, a.id DESC
      LIMIT 1) ${Prisma.raw(as)} ON true`;
}

const holderOf = (userId: number | null, name: string | null, phone: string | null): EnterpriseHolder | null =>
  userId === null ? null : { userId, name: name!, phone };

/**
 * One page of the enterprises the actor may read (一企一档), by name: search by name or
 * 统一社会信用代码, filter by park. A LIAISON-only actor sees the enterprises they cover
 * (an active 包保责任人 assignment on the enterprise or one of its projects). Paged and
 * counted in SQL; each row's counts and current holders come from subqueries of the one
 * query.
 */
export async function listEnterprises(actor: Actor, f: EnterpriseListFilters): Promise<EnterpriseList> {
  if (f.park) assertCan(actor, "project.read", f.park, "园区");
  if (parksWith(actor, "project.read").length === 0) throw notFound("园区");

  const parts: Prisma.Sql[] = [visibleEnterprisesSql(actor, "e")];
  if (f.park) parts.push(Prisma.sql`e."parkId" = ${f.park}::int`);
  if (f.q) {
    const p = likePattern(f.q);
    parts.push(Prisma.sql`(e.name ILIKE ${p} OR e."creditCode" ILIKE ${p})`);
  }
  const where = Prisma.join(parts, " AND ");

  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      SELECT e.id, e.name, e."creditCode", e."parkId", pk.name AS "parkName", e.industry, e."legalPerson", e."contactName", e."contactPhone",
             (SELECT count(*)::int FROM "Project" p WHERE p."enterpriseId" = e.id AND ${visibleProjectsSql(actor, "p")}) AS "projectCount",
             (SELECT count(*)::int FROM "EnterpriseIssue" i WHERE i."enterpriseId" = e.id AND i.status <> 'CLOSED' AND ${visibleIssuesSql(actor, "i")}) AS "openIssueCount",
             l."userId" AS "l_userId", l.name AS "l_name", l.phone AS "l_phone",
             ld."userId" AS "ld_userId", ld.name AS "ld_name", ld.phone AS "ld_phone"
      FROM "Enterprise" e
      JOIN "Park" pk ON pk.id = e."parkId"
      ${holder("LIAISON", "l")}
      ${holder("LEADER", "ld")}
      WHERE ${where}
      ORDER BY e.name ASC, e.id ASC
      LIMIT ${f.pageSize}::int OFFSET ${(f.page - 1) * f.pageSize}::int`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "Enterprise" e WHERE ${where}`),
  ]);

  const items = rows.map(({ l_userId, l_name, l_phone, ld_userId, ld_name, ld_phone, ...r }) => ({
    ...r,
    liaison: holderOf(l_userId, l_name, l_phone),
    leader: holderOf(ld_userId, ld_name, ld_phone),
  }));
  return { items, total, page: f.page, pageSize: f.pageSize, pageCount: Math.max(1, Math.ceil(total / f.pageSize)) };
}
