import "server-only";
// Requests to change closed months (docs/bulletins.md#closing-a-period): the approval list
// (pending first, paged and filtered in SQL) and, for the filing grid, each project's
// pending request of one month.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type YearMonth } from "@/lib/domain/filing";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { type CorrectionStatus, decisionRefusal } from "@/lib/domain/published-bulletins";
import { correctionListSchema } from "@/lib/validation/published-bulletins";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { notFound, parseOrThrow } from "@/lib/server/errors";

export interface CorrectionFigures {
  investmentCompleted: string;
  fundsArrived: string;
  imageProgress: string | null;
  problems: string | null;
}

export interface CorrectionRow {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  parkId: number;
  parkName: string;
  year: number;
  month: number;
  /** The report when asked (null: the month had not been filed). */
  before: CorrectionFigures | null;
  after: CorrectionFigures;
  reason: string;
  status: CorrectionStatus;
  requestedById: number;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** May the reader approve or reject it now? */
  canDecide: boolean;
}

export interface CorrectionList {
  rows: CorrectionRow[];
  total: number;
  pending: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

type Raw = Omit<CorrectionRow, "before" | "after" | "requestedAt" | "decidedAt" | "canDecide"> & {
  before: CorrectionFigures | null;
  investmentCompleted: string;
  fundsArrived: string;
  imageProgress: string | null;
  problems: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
};

/**
 * The correction requests of the projects the actor reads (a park, a status), pending first,
 * then the newest; `pending` counts the pending ones under the same filter.
 */
export async function listProgressCorrections(actor: Actor, query: unknown): Promise<CorrectionList> {
  const q = parseOrThrow(correctionListSchema, query);
  if (q.park !== undefined) assertCan(actor, "project.read", q.park, "园区");
  if (parksWith(actor, "project.read").length === 0) throw notFound("园区");
  const parts: Prisma.Sql[] = [visibleProjectsSql(actor, "pr")];
  if (q.park !== undefined) parts.push(Prisma.sql`c."parkId" = ${q.park}::int`);
  const scoped = Prisma.join(parts, " AND ");
  const where = q.status ? Prisma.sql`${scoped} AND c.status = ${q.status}::"CorrectionStatus"` : scoped;
  const db = getDb();
  const [rows, [{ total, pending }]] = await Promise.all([
    db.$queryRaw<Raw[]>(Prisma.sql`
      SELECT c.id, c."projectId", pr.code AS "projectCode", pr.name AS "projectName", c."parkId", pk.name AS "parkName", c.year, c.month,
             c.before, c."investmentCompleted"::text AS "investmentCompleted", c."fundsArrived"::text AS "fundsArrived",
             c."imageProgress", c.problems, c.reason, c.status::text AS status, c."requestedById", rq.name AS "requestedByName", c."requestedAt",
             dc.name AS "decidedByName", c."decidedAt", c."decisionNote"
      FROM "ProgressCorrection" c
      JOIN "Project" pr ON pr.id = c."projectId"
      JOIN "Park" pk ON pk.id = c."parkId"
      JOIN "User" rq ON rq.id = c."requestedById"
      LEFT JOIN "User" dc ON dc.id = c."decidedById"
      WHERE ${where}
      ORDER BY (c.status = 'PENDING') DESC, COALESCE(c."decidedAt", c."requestedAt") DESC, c.id DESC
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.$queryRaw<{ total: number; pending: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending
      FROM "ProgressCorrection" c JOIN "Project" pr ON pr.id = c."projectId" WHERE ${where}`),
  ]);
  return {
    rows: rows.map(({ investmentCompleted, fundsArrived, imageProgress, problems, requestedAt, decidedAt, ...r }) => ({
      ...r,
      after: { investmentCompleted, fundsArrived, imageProgress, problems },
      requestedAt: requestedAt.toISOString(),
      decidedAt: decidedAt?.toISOString() ?? null,
      canDecide: decisionRefusal(actor, r) === null,
    })),
    total,
    pending,
    page: q.page,
    pageSize: q.pageSize,
    pageCount: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}

/** The pending request per project of one park and month (for the filing grid's rows). */
export async function pendingCorrections(actor: Actor, parkId: number, ym: YearMonth): Promise<Map<number, { id: number; requestedByName: string; requestedAt: string }>> {
  assertCan(actor, "project.read", parkId, "园区");
  const rows = await getDb().$queryRaw<{ projectId: number; id: number; requestedByName: string; requestedAt: Date }[]>(Prisma.sql`
    SELECT c."projectId", c.id, rq.name AS "requestedByName", c."requestedAt"
    FROM "ProgressCorrection" c JOIN "Project" pr ON pr.id = c."projectId" JOIN "User" rq ON rq.id = c."requestedById"
    WHERE c."parkId" = ${parkId}::int AND c.year = ${ym.year}::int AND c.month = ${ym.month}::int AND c.status = 'PENDING'
      AND ${visibleProjectsSql(actor, "pr")}`);
  return new Map(rows.map((r) => [r.projectId, { id: r.id, requestedByName: r.requestedByName, requestedAt: r.requestedAt.toISOString() }]));
}
