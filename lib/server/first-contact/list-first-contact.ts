import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso } from "@/lib/domain/dates";
import type { AnyIntakeChannel } from "@/lib/domain/first-contact";
import type { IssueStatus } from "@/lib/domain/issues";
import { type Actor } from "@/lib/domain/permissions";
import { assertCan } from "@/lib/server/actor";
import { parseOrThrow } from "@/lib/server/errors";
import { visibleIssuesSql, visibleIssuesWhere } from "@/lib/server/issues/issue-scope";
import { firstContactFiltersSchema } from "@/lib/validation/first-contact";

export interface FirstContactItem {
  id: number;
  code: string;
  title: string;
  enterpriseName: string;
  intakeChannel: AnyIntakeChannel;
  status: IssueStatus;
  receivedAt: string;
  receiverName: string | null;
  responsibleName: string | null;
  resolveDeadline: string;
  acceptedAt: string | null;
}

const SELECT = {
  id: true,
  code: true,
  title: true,
  intakeChannel: true,
  status: true,
  createdAt: true,
  resolveDeadline: true,
  handoffAcceptedAt: true,
  enterprise: { select: { name: true } },
  firstContact: { select: { name: true } },
  responsible: { select: { name: true } },
} as const satisfies Prisma.EnterpriseIssueSelect;

type Row = Prisma.EnterpriseIssueGetPayload<{ select: typeof SELECT }>;
const item = (r: Row): FirstContactItem => ({
  id: r.id,
  code: r.code,
  title: r.title,
  enterpriseName: r.enterprise.name,
  intakeChannel: r.intakeChannel,
  status: r.status,
  receivedAt: r.createdAt.toISOString(),
  receiverName: r.firstContact?.name ?? null,
  responsibleName: r.responsible?.name ?? null,
  resolveDeadline: dateToIso(r.resolveDeadline),
  acceptedAt: r.handoffAcceptedAt?.toISOString() ?? null,
});

export const FIRST_CONTACT_PAGE_SIZE = 20;

/**
 * The actor's 首问 to-do: hand-offs waiting for them to accept (they are the responsible
 * person), and one page of the problems they received as 首问责任人 whose hand-off is still
 * pending (they stay accountable), oldest first, with the totals. Each list filtered and paged in SQL.
 */
export async function myFirstContactWork(actor: Actor, page = 1) {
  const db = getDb();
  const visible = visibleIssuesWhere(actor);
  const toAcceptWhere: Prisma.EnterpriseIssueWhereInput = { AND: [visible, { responsibleUserId: actor.userId, firstContactUserId: { not: null }, handoffAcceptedAt: null }] };
  const receivedWhere: Prisma.EnterpriseIssueWhereInput = { AND: [visible, { firstContactUserId: actor.userId, handoffAcceptedAt: null }] };
  const [toAcceptTotal, toAccept, receivedTotal, received] = await Promise.all([
    db.enterpriseIssue.count({ where: toAcceptWhere }),
    db.enterpriseIssue.findMany({ where: toAcceptWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 100, select: SELECT }),
    db.enterpriseIssue.count({ where: receivedWhere }),
    db.enterpriseIssue.findMany({ where: receivedWhere, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (page - 1) * FIRST_CONTACT_PAGE_SIZE, take: FIRST_CONTACT_PAGE_SIZE, select: SELECT }),
  ]);
  return {
    toAccept: toAccept.map(item),
    toAcceptTotal,
    received: received.map(item),
    receivedTotal,
    page,
    pageCount: Math.max(1, Math.ceil(receivedTotal / FIRST_CONTACT_PAGE_SIZE)),
  };
}

/**
 * The 首问 items (problems received directly) the actor may read, filtered and paged in SQL:
 * one park, a 来源, the hand-off's state (pending / accepted), and "mine" (I received them, or
 * they wait for me to accept); newest first. The REST API's list.
 */
export async function listFirstContact(actor: Actor, filters: unknown) {
  const f = parseOrThrow(firstContactFiltersSchema, filters);
  if (f.park) assertCan(actor, "issue.read", f.park, "园区");
  const and: Prisma.EnterpriseIssueWhereInput[] = [visibleIssuesWhere(actor), { firstContactUserId: { not: null } }];
  if (f.park) and.push({ parkId: f.park });
  if (f.channel) and.push({ intakeChannel: f.channel });
  if (f.state) and.push({ handoffAcceptedAt: f.state === "pending" ? null : { not: null } });
  if (f.mine === "received") and.push({ firstContactUserId: actor.userId });
  if (f.mine === "toAccept") and.push({ responsibleUserId: actor.userId, handoffAcceptedAt: null });
  const where: Prisma.EnterpriseIssueWhereInput = { AND: and };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.enterpriseIssue.count({ where }),
    db.enterpriseIssue.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: { ...SELECT, parkId: true } }),
  ]);
  return {
    items: rows.map((r) => ({ ...item(r), parkId: r.parkId })),
    total,
    page: f.page,
    pageSize: f.pageSize,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

export interface FirstContactStats {
  /** Problems received directly (首问) in the scope. */
  received: number;
  accepted: number;
  pending: number;
  /** Receipt to accepted hand-off, in hours, over accepted hand-offs (null: none yet). */
  medianHours: number | null;
  averageHours: number | null;
}

/**
 * 首问 handling time over the problems the actor may read (optionally one park): from receipt
 * (the problem's creation) to the responsible person's 接收, median and average in hours, in SQL.
 */
export async function firstContactStats(actor: Actor, parkId?: number): Promise<FirstContactStats> {
  const park = parkId ? Prisma.sql`AND i."parkId" = ${parkId}` : Prisma.empty;
  const [row] = await getDb().$queryRaw<{ received: number; accepted: number; median: number | null; average: number | null }[]>(Prisma.sql`
    SELECT count(*)::int AS received,
           count(i."handoffAcceptedAt")::int AS accepted,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM i."handoffAcceptedAt" - i."createdAt")) / 3600)::float8 AS median,
           (avg(extract(epoch FROM i."handoffAcceptedAt" - i."createdAt")) / 3600)::float8 AS average
    FROM "EnterpriseIssue" i
    WHERE i."firstContactUserId" IS NOT NULL AND ${visibleIssuesSql(actor, "i")} ${park}`);
  return { received: row.received, accepted: row.accepted, pending: row.received - row.accepted, medianHours: row.median, averageHours: row.average };
}

export interface IssueFirstContact {
  intakeChannel: AnyIntakeChannel;
  receiverName: string;
  receivedAt: string;
  acceptedAt: string | null;
  responsibleName: string | null;
  /** The viewer is the responsible person and the hand-off waits for them. */
  canAccept: boolean;
}

/** A problem's 首问 facts for its page (null: raised on a visit, not received directly). */
export async function getIssueFirstContact(actor: Actor, issueId: number): Promise<IssueFirstContact | null> {
  const r = await getDb().enterpriseIssue.findFirst({
    where: { AND: [{ id: issueId, firstContactUserId: { not: null } }, visibleIssuesWhere(actor)] },
    select: { intakeChannel: true, createdAt: true, handoffAcceptedAt: true, responsibleUserId: true, firstContact: { select: { name: true } }, responsible: { select: { name: true } } },
  });
  if (!r) return null;
  return {
    intakeChannel: r.intakeChannel,
    receiverName: r.firstContact?.name ?? "",
    receivedAt: r.createdAt.toISOString(),
    acceptedAt: r.handoffAcceptedAt?.toISOString() ?? null,
    responsibleName: r.responsible?.name ?? null,
    canAccept: r.handoffAcceptedAt === null && r.responsibleUserId === actor.userId,
  };
}
