import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type AuditChange, type AuditNames, type RefKind, auditChanges, collectAuditRefs } from "@/lib/domain/audit-changes";
import { auditActionLabel, auditEntityLabel } from "@/lib/domain/audit-labels";
import { BUSINESS_TZ } from "@/lib/domain/dates";
import { assertCan } from "@/lib/server/actor";
import { likePattern } from "@/lib/server/sql";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { AUDIT_PAGE_SIZE, type AuditFilters } from "@/lib/validation/audit";

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actionLabel: string;
  entityType: string;
  entityLabel: string;
  entityId: string;
  /** The record's name today (a project's name, a user's name and username), null when it is gone. */
  entityName: string | null;
  /** Its page in the app, when it has one. */
  entityHref: string | null;
  parkId: number | null;
  parkName: string | null;
  actor: { id: number; name: string; username: string } | null;
  ip: string | null;
  changes: AuditChange[];
}

interface Row {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  entityName: string | null;
  parkId: number | null;
  parkName: string | null;
  actorId: number | null;
  actorName: string | null;
  actorUsername: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
}

const HREF: Record<string, (id: string) => string> = {
  Project: (id) => `/projects/${id}`,
  EnterpriseIssue: (id) => `/issues/${id}`,
  Enterprise: (id) => `/enterprises/${id}`,
  PublishedBulletin: (id) => `/bulletin/published/${id}`,
};

/**
 * Rows the actor may read. Administrators: all. Leaders (audit.read): the rows of their
 * parks, and of the rows that belong to no park (accounts, sign-ins) those about people
 * who hold a role in one of their parks. A failed sign-in names an account by the
 * username typed, which may not exist, so it stays with administrators.
 */
function scopeSql(actor: Actor): Prisma.Sql {
  if (actor.isAdmin) return Prisma.sql`TRUE`;
  const parks = parksWith(actor, "audit.read");
  return Prisma.sql`(a."parkId" = ANY(${parks}::int[])
    OR (a."parkId" IS NULL AND a."entityType" = 'User'
        AND EXISTS (SELECT 1 FROM "Membership" sm WHERE sm."parkId" = ANY(${parks}::int[]) AND sm."userId"::text = a."entityId")))`;
}

function whereSql(actor: Actor, f: Partial<AuditFilters>): Prisma.Sql {
  const parts: Prisma.Sql[] = [scopeSql(actor)];
  if (f.actor) parts.push(Prisma.sql`a."actorId" = ${f.actor}::int`);
  if (f.who) {
    const p = likePattern(f.who);
    parts.push(Prisma.sql`a."actorId" IN (SELECT wu.id FROM "User" wu WHERE wu.name ILIKE ${p} OR wu.username ILIKE ${p})`);
  }
  if (f.park) parts.push(Prisma.sql`a."parkId" = ${f.park}::int`);
  if (f.entity) parts.push(Prisma.sql`a."entityType" = ${f.entity}`);
  if (f.action) parts.push(Prisma.sql`a.action = ${f.action}`);
  // Days are Beijing days: 2026-05-06 runs from 00:00 to 24:00 at +08:00.
  if (f.from) parts.push(Prisma.sql`a."createdAt" >= (CAST(${f.from} AS date)::timestamp AT TIME ZONE ${BUSINESS_TZ})`);
  if (f.to) parts.push(Prisma.sql`a."createdAt" < ((CAST(${f.to} AS date) + 1)::timestamp AT TIME ZONE ${BUSINESS_TZ})`);
  return Prisma.join(parts, " AND ");
}

/** One name lookup per kind of id the page's rows mention, whatever the number of rows. */
async function lookUpNames(rows: Row[]): Promise<AuditNames> {
  const refs = collectAuditRefs(rows.flatMap((r) => [r.before, r.after]));
  const db = getDb();
  const byId = (list: { id: number; name: string }[]) => new Map(list.map((x) => [x.id, x.name]));
  const find: Record<RefKind, (ids: number[]) => Promise<{ id: number; name: string }[]>> = {
    user: (ids) => db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    park: (ids) => db.park.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    region: (ids) => db.region.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    enterprise: (ids) => db.enterprise.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    project: (ids) => db.project.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
  };
  const kinds = (Object.keys(refs) as RefKind[]).filter((k) => refs[k].length > 0);
  const found = await Promise.all(kinds.map((k) => find[k](refs[k])));
  return Object.fromEntries(kinds.map((k, i) => [k, byId(found[i])]));
}

/**
 * The audit trail, newest first, filtered and paged in SQL: who (the person, or part of a
 * name), which park, which kind of record, which action, which days. Each row comes with
 * Chinese labels, the record's current name and its before -> after field by field. A
 * park filter outside the actor's parks is NOT_FOUND.
 */
export async function listAudit(actor: Actor, f: Partial<AuditFilters> = {}, pageSize = AUDIT_PAGE_SIZE) {
  assertCan(actor, "audit.read");
  if (f.park) assertCan(actor, "audit.read", f.park, "园区");
  const page = f.page ?? 1;
  const where = whereSql(actor, f);
  const db = getDb();
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<Row[]>(Prisma.sql`
      WITH page AS (
        SELECT a.id, a."actorId", a.action, a."entityType", a."entityId", a."parkId", a.before, a.after, a.ip, a."createdAt"
        FROM "AuditLog" a
        WHERE ${where}
        ORDER BY a.id DESC
        LIMIT ${pageSize}::int OFFSET ${(page - 1) * pageSize}::int
      )
      SELECT p.id::text AS id, p."createdAt", p.action, p."entityType", p."entityId", p."parkId", pk.name AS "parkName",
             p."actorId", u.name AS "actorName", u.username AS "actorUsername", p.ip, p.before, p.after,
             CASE p."entityType"
               WHEN 'Project' THEN (SELECT x.name FROM "Project" x WHERE x.id = ref.n)
               WHEN 'Enterprise' THEN (SELECT x.name FROM "Enterprise" x WHERE x.id = ref.n)
               WHEN 'EnterpriseIssue' THEN (SELECT x.code || ' ' || x.title FROM "EnterpriseIssue" x WHERE x.id = ref.n)
               WHEN 'Visit' THEN (SELECT e.name || ' · ' || to_char(x."visitDate", 'YYYY-MM-DD')
                                  FROM "Visit" x JOIN "Enterprise" e ON e.id = x."enterpriseId" WHERE x.id = ref.n)
               WHEN 'ProgressReport' THEN (SELECT pr.name || ' · ' || x.year || '年' || x.month || '月'
                                           FROM "ProgressReport" x JOIN "Project" pr ON pr.id = x."projectId" WHERE x.id = ref.n)
               WHEN 'User' THEN (SELECT x.name || '（' || x.username || '）' FROM "User" x WHERE x.id = ref.n)
               WHEN 'Park' THEN (SELECT x.name FROM "Park" x WHERE x.id = ref.n)
               WHEN 'Region' THEN (SELECT x.name FROM "Region" x WHERE x.id = ref.n)
               WHEN 'ApiToken' THEN (SELECT x.name FROM "ApiToken" x WHERE x.id = ref.n)
             END AS "entityName"
      FROM page p
      -- CASE keeps the cast from ever seeing a non-numeric id (a failed sign-in's username, a holiday's date).
      CROSS JOIN LATERAL (SELECT CASE WHEN p."entityId" ~ '^[0-9]{1,9}$' THEN p."entityId"::int END AS n) ref
      LEFT JOIN "User" u ON u.id = p."actorId"
      LEFT JOIN "Park" pk ON pk.id = p."parkId"
      ORDER BY p.id DESC`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "AuditLog" a WHERE ${where}`),
  ]);
  const names = await lookUpNames(rows);
  const items: AuditRow[] = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    action: r.action,
    actionLabel: auditActionLabel(r.action),
    entityType: r.entityType,
    entityLabel: auditEntityLabel(r.entityType),
    entityId: r.entityId,
    entityName: r.entityName,
    entityHref: r.entityName && HREF[r.entityType] ? HREF[r.entityType](r.entityId) : null,
    parkId: r.parkId,
    parkName: r.parkName,
    actor: r.actorId !== null && r.actorName !== null ? { id: r.actorId, name: r.actorName, username: r.actorUsername ?? "" } : null,
    ip: r.ip,
    changes: auditChanges(r.action, r.before, r.after, names),
  }));
  return { rows: items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The parks the audit filter offers: those whose rows the actor reads, archived ones included (their history stays). */
export async function listAuditParks(actor: Actor): Promise<{ id: number; name: string }[]> {
  const parks = parksWith(actor, "audit.read");
  if (parks.length === 0) return [];
  return getDb().park.findMany({ where: actor.isAdmin ? {} : { id: { in: parks } }, orderBy: { id: "asc" }, select: { id: true, name: true } });
}

/** The person a filter names, for the filter's label: only someone who acted on a row the actor may read. */
export async function auditFilterPerson(actor: Actor, id: number): Promise<{ id: number; name: string; username: string } | null> {
  const [person] = await getDb().$queryRaw<{ id: number; name: string; username: string }[]>(Prisma.sql`
    SELECT u.id, u.name, u.username FROM "User" u
    WHERE u.id = ${id}::int AND EXISTS (SELECT 1 FROM "AuditLog" a WHERE a."actorId" = u.id AND ${scopeSql(actor)})`);
  return person ?? null;
}
