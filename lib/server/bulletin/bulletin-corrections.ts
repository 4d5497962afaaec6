import "server-only";
// The bulletin's 更正说明 (docs/bulletins.md#corrections): approved corrections to months a
// published bulletin had closed, reported on the scope's next bulletin. A bulletin for month
// M lists those approved after the scope's previous publication (the first version of the
// latest earlier month published for the same scope; without one, after month M ended) and,
// for a published bulletin, up to its publishing; the live bulletin, up to now.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type YearMonth, lastDayOfMonth, monthIndex } from "@/lib/domain/filing";
import { addDays } from "@/lib/domain/dates";

/** The 更正说明 lists at most this many corrections; the total is always whole. */
export const CORRECTION_NOTES_LIMIT = 100;

export interface CorrectionNote {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  parkName: string;
  year: number;
  month: number;
  /** The month's figures before the correction (null: the month had not been filed). */
  before: { investmentCompleted: string; fundsArrived: string } | null;
  after: { investmentCompleted: string; fundsArrived: string };
  reason: string;
  requestedByName: string;
  decidedByName: string;
  decidedAt: string;
}

export interface CorrectionNotes {
  /** Corrections approved after this instant (ISO) … */
  since: string;
  /** … and up to this one (ISO; the publishing, or when the live bulletin was made). */
  until: string;
  total: number;
  items: CorrectionNote[];
}

/** Midnight in Asia/Shanghai at the start of the day after month `ym` ends. */
function monthEndInstant(ym: YearMonth): Date {
  return new Date(`${addDays(lastDayOfMonth(ym), 1)}T00:00:00+08:00`);
}

/**
 * The 更正说明 of the bulletin of month `ym` over `parkIds`. `scopeKey` names the published
 * scope ("park:1", "region:2"; null for a scope that is never published, which counts from
 * the end of the month); `until` is the publishing time (default: now).
 */
export async function listCorrectionNotes(params: { scopeKey: string | null; parkIds: readonly number[]; month: YearMonth; until?: Date }): Promise<CorrectionNotes> {
  const db = getDb();
  const m = monthIndex(params.month);
  const until = params.until ?? new Date();
  let since = monthEndInstant(params.month);
  if (params.scopeKey) {
    const [prev] = await db.$queryRaw<{ at: Date | null }[]>(Prisma.sql`
      SELECT min(b."publishedAt") AS at FROM "PublishedBulletin" b
      WHERE b."scopeKey" = ${params.scopeKey}
        AND (b.year * 12 + b.month - 1) = (SELECT max(x.year * 12 + x.month - 1) FROM "PublishedBulletin" x
                                           WHERE x."scopeKey" = ${params.scopeKey} AND (x.year * 12 + x.month - 1) < ${m}::int)`);
    if (prev?.at) since = prev.at;
  }
  const where = Prisma.sql`c.status = 'APPROVED' AND c."parkId" = ANY(${[...params.parkIds]}::int[])
    AND c."decidedAt" > ${since} AND c."decidedAt" <= ${until} AND (c.year * 12 + c.month - 1) <= ${m}::int`;
  const rows = await db.$queryRaw<
    (Omit<CorrectionNote, "before" | "after" | "decidedAt"> & {
      before: { investmentCompleted?: string; fundsArrived?: string } | null;
      investmentCompleted: string;
      fundsArrived: string;
      decidedAt: Date;
      total: number;
    })[]
  >(Prisma.sql`
    SELECT c.id, c."projectId", pr.code AS "projectCode", pr.name AS "projectName", pk.name AS "parkName", c.year, c.month,
           c.before, c."investmentCompleted"::text AS "investmentCompleted", c."fundsArrived"::text AS "fundsArrived", c.reason,
           rq.name AS "requestedByName", dc.name AS "decidedByName", c."decidedAt", count(*) OVER ()::int AS total
    FROM "ProgressCorrection" c
    JOIN "Project" pr ON pr.id = c."projectId"
    JOIN "Park" pk ON pk.id = c."parkId"
    JOIN "User" rq ON rq.id = c."requestedById"
    JOIN "User" dc ON dc.id = c."decidedById"
    WHERE ${where}
    ORDER BY c."decidedAt" ASC, c.id ASC
    LIMIT ${CORRECTION_NOTES_LIMIT}`);
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, investmentCompleted, fundsArrived, before, decidedAt, ...r }) => ({
      ...r,
      before: before && before.investmentCompleted !== undefined ? { investmentCompleted: String(before.investmentCompleted), fundsArrived: String(before.fundsArrived ?? "0.00") } : null,
      after: { investmentCompleted, fundsArrived },
      decidedAt: decidedAt.toISOString(),
    })),
  };
}
