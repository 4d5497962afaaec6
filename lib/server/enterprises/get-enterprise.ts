import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso } from "@/lib/domain/dates";
import type { IssueCategory, IssueStatus, VisitKind } from "@/lib/domain/issues";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor, can } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { visibleIssuesSql, visibleVisitsSql } from "@/lib/server/issues/issue-scope";
import { ASSIGNMENT_HISTORY_ORDER, ASSIGNMENT_HISTORY_SELECT, type AssignmentHistoryRow, toAssignmentHistoryRow } from "@/lib/server/assignments/list-assignment-history";
import { seesEnterprise } from "./enterprise-scope";
import { ENTERPRISE_RECORD_SELECT } from "./enterprise-writes";

export interface EnterpriseProject {
  id: number;
  code: string;
  name: string;
  industry: string;
  stage: Stage;
  status: ProjectStatus;
  signedDate: string;
  /** 万元, two decimals. */
  totalInvestment: string;
  liaisonName: string | null;
}

export interface EnterpriseVisit {
  id: number;
  visitDate: string;
  kind: VisitKind;
  liaisonName: string;
  projectName: string | null;
  peopleMet: string | null;
  summary: string;
}

export interface EnterpriseProblem {
  id: number;
  code: string;
  title: string;
  category: IssueCategory;
  status: IssueStatus;
  level: number;
  raisedDate: string;
  resolveDeadline: string;
  closedDate: string | null;
  projectName: string | null;
}

/** The same company's record in another park (same 统一社会信用代码) and its projects the actor reads there. */
export interface SiblingEnterprise {
  id: number;
  name: string;
  parkId: number;
  parkName: string;
  projects: EnterpriseProject[];
}

export interface EnterpriseDetail {
  id: number;
  name: string;
  creditCode: string | null;
  legalPerson: string | null;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  industry: string | null;
  park: { id: number; name: string; regionName: string; archived: boolean };
  createdAt: string;
  updatedAt: string;
  projects: EnterpriseProject[];
  /** Projects in other parks of the same company, for those who read several parks. */
  otherParks: SiblingEnterprise[];
  /** The most recent visits (at most RECENT_LIMIT) and how many there are in all. */
  visits: { items: EnterpriseVisit[]; total: number };
  /** Open problems first, then the rest, newest raised first (at most RECENT_LIMIT). */
  problems: { items: EnterpriseProblem[]; total: number; open: number };
  /** Enterprise-level 包保 rows, active first then newest; projects' own 包保 are on their pages. */
  assignments: AssignmentHistoryRow[];
  /** What the actor may do here. */
  can: { edit: boolean; assign: boolean; merge: boolean; logVisit: boolean };
}

export const RECENT_LIMIT = 20;
/** Far more projects or 包保 rows than one enterprise collects. */
const PROJECTS_LIMIT = 200;
const ASSIGNMENTS_LIMIT = 200;

const PROJECT_SELECT = {
  id: true,
  code: true,
  name: true,
  industry: true,
  stage: true,
  status: true,
  signedDate: true,
  totalInvestment: true,
  assignments: { where: { role: "LIAISON", endDate: null }, orderBy: [{ startDate: "desc" }, { id: "desc" }], take: 1, select: { user: { select: { name: true } } } },
} as const satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof PROJECT_SELECT }>;

const projectOf = (p: ProjectRow): EnterpriseProject => ({
  id: p.id,
  code: p.code,
  name: p.name,
  industry: p.industry,
  stage: p.stage,
  status: p.status,
  signedDate: dateToIso(p.signedDate),
  totalInvestment: p.totalInvestment.toFixed(2),
  liaisonName: p.assignments[0]?.user.name ?? null,
});

/**
 * One enterprise's file (一企一档): its record and contacts, its projects, recent visits and
 * problems, and who covers it now and before. Whoever reads its park sees it; a
 * LIAISON-only actor only an enterprise they cover. Anything else is NOT_FOUND, like an id
 * that does not exist. Each part is what the actor may read of it (their projects, their
 * problems and visits).
 *
 * The same company (same credit code) in other parks: its projects there that the actor
 * may read, so a region leader follows one investor across the region's parks.
 */
export async function getEnterprise(actor: Actor, id: number): Promise<EnterpriseDetail> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw notFound("企业");
  const db = getDb();
  const e = await db.enterprise.findUnique({
    where: { id },
    select: {
      ...ENTERPRISE_RECORD_SELECT,
      createdAt: true,
      updatedAt: true,
      park: { select: { id: true, name: true, archivedAt: true, region: { select: { name: true } } } },
    },
  });
  if (!e || !(await seesEnterprise(db, actor, e))) throw notFound("企业");

  const visibleProjects = visibleProjectsWhere(actor);
  const issueWhere = Prisma.sql`i."enterpriseId" = ${id}::int AND ${visibleIssuesSql(actor, "i")}`;
  const visitWhere = Prisma.sql`v."enterpriseId" = ${id}::int AND ${visibleVisitsSql(actor, "v")}`;

  const [projects, siblings, visits, [{ total: visitTotal }], problems, [problemCounts], assignments] = await Promise.all([
    db.project.findMany({
      where: { AND: [visibleProjects, { enterpriseId: id }] },
      orderBy: [{ signedDate: "desc" }, { id: "desc" }],
      take: PROJECTS_LIMIT,
      select: PROJECT_SELECT,
    }),
    e.creditCode
      ? db.project.findMany({
          where: { AND: [visibleProjects, { enterprise: { creditCode: e.creditCode, id: { not: id } } }] },
          orderBy: [{ parkId: "asc" }, { signedDate: "desc" }, { id: "desc" }],
          take: PROJECTS_LIMIT,
          select: { ...PROJECT_SELECT, enterprise: { select: { id: true, name: true, park: { select: { id: true, name: true } } } } },
        })
      : Promise.resolve([]),
    db.$queryRaw<(Omit<EnterpriseVisit, "visitDate"> & { visitDate: Date })[]>(Prisma.sql`
      SELECT v.id, v."visitDate", v.kind::text AS kind, u.name AS "liaisonName", pr.name AS "projectName", v."peopleMet", v.summary
      FROM "Visit" v JOIN "User" u ON u.id = v."liaisonId" LEFT JOIN "Project" pr ON pr.id = v."projectId"
      WHERE ${visitWhere}
      ORDER BY v."visitDate" DESC, v.id DESC
      LIMIT ${RECENT_LIMIT}::int`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total FROM "Visit" v WHERE ${visitWhere}`),
    db.$queryRaw<(Omit<EnterpriseProblem, "raisedDate" | "resolveDeadline" | "closedDate"> & { raisedDate: Date; resolveDeadline: Date; closedDate: Date | null })[]>(Prisma.sql`
      SELECT i.id, i.code, i.title, i.category::text AS category, i.status::text AS status, i.level, i."raisedDate", i."resolveDeadline", i."closedDate", pr.name AS "projectName"
      FROM "EnterpriseIssue" i LEFT JOIN "Project" pr ON pr.id = i."projectId"
      WHERE ${issueWhere}
      ORDER BY (i.status = 'CLOSED') ASC, i."raisedDate" DESC, i.id DESC
      LIMIT ${RECENT_LIMIT}::int`),
    db.$queryRaw<{ total: number; open: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE i.status <> 'CLOSED')::int AS open FROM "EnterpriseIssue" i WHERE ${issueWhere}`),
    db.assignment.findMany({
      where: { enterpriseId: id, projectId: null },
      orderBy: ASSIGNMENT_HISTORY_ORDER,
      take: ASSIGNMENTS_LIMIT,
      select: ASSIGNMENT_HISTORY_SELECT,
    }),
  ]);

  const otherParks = new Map<number, SiblingEnterprise>();
  for (const p of siblings) {
    const sibling = otherParks.get(p.enterprise.id) ?? { id: p.enterprise.id, name: p.enterprise.name, parkId: p.enterprise.park.id, parkName: p.enterprise.park.name, projects: [] };
    sibling.projects.push(projectOf(p));
    otherParks.set(sibling.id, sibling);
  }

  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    legalPerson: e.legalPerson,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    address: e.address,
    industry: e.industry,
    park: { id: e.park.id, name: e.park.name, regionName: e.park.region.name, archived: e.park.archivedAt !== null },
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
    projects: projects.map(projectOf),
    otherParks: [...otherParks.values()],
    visits: { items: visits.map((v) => ({ ...v, visitDate: dateToIso(v.visitDate) })), total: visitTotal },
    problems: {
      items: problems.map((p) => ({
        ...p,
        raisedDate: dateToIso(p.raisedDate),
        resolveDeadline: dateToIso(p.resolveDeadline),
        closedDate: p.closedDate ? dateToIso(p.closedDate) : null,
      })),
      total: problemCounts.total,
      open: problemCounts.open,
    },
    assignments: assignments.map(toAssignmentHistoryRow),
    can: {
      edit: can(actor, "project.write", e.parkId) && !e.park.archivedAt,
      assign: can(actor, "assignment.manage", e.parkId) && !e.park.archivedAt,
      merge: can(actor, "project.correct", e.parkId) && !e.park.archivedAt,
      logVisit: can(actor, "issue.write", e.parkId) && !e.park.archivedAt,
    },
  };
}
