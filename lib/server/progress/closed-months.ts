import "server-only";
// Months closed by a published bulletin (docs/bulletins.md#closing-a-period): the one check
// every way of writing a monthly report goes through: the filing form and the API
// (file-progress-report.ts), the Excel monthly import, the correction requests. The rule
// itself is bulletinClosesMonth in lib/domain/published-bulletins.ts; the query below is its
// SQL for many parks at once (a park's months are closed through the latest month any
// bulletin covering it was published for).

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor } from "@/lib/domain/permissions";
import { assertCan } from "@/lib/server/actor";
import { type YearMonth, fromMonthIndex } from "@/lib/domain/filing";
import { bulletinClosesMonth, closedMonthMessage } from "@/lib/domain/published-bulletins";
import { AppError } from "@/lib/server/errors";

type Db = Pick<Prisma.TransactionClient, "$queryRaw">;

/** The bulletin that closed a park's months, the latest month first. */
export interface ClosingBulletin {
  id: number;
  scopeName: string;
  year: number;
  month: number;
}

/** Per park, the published bulletin with the latest month covering it: every month up to that one is closed. */
export class ClosedMonths {
  constructor(private readonly latest: ReadonlyMap<number, ClosingBulletin>) {}

  /** The bulletin that closes month `ym` for the park, or null when the month is open. */
  closedBy(parkId: number, ym: YearMonth): ClosingBulletin | null {
    const b = this.latest.get(parkId);
    return b && bulletinClosesMonth(b, ym) ? b : null;
  }

  /** Why month `ym` cannot be filed or corrected directly in the park, or null. */
  problem(parkId: number, ym: YearMonth): string | null {
    const b = this.closedBy(parkId, ym);
    return b ? closedMonthMessage(ym, b) : null;
  }

  /** The last closed month of the park (null: none). */
  closedThrough(parkId: number): YearMonth | null {
    const b = this.latest.get(parkId);
    return b ? { year: b.year, month: b.month } : null;
  }
}

/**
 * Loads which months are closed in `parkIds` (one query; call it once for a whole import and
 * ask `problem` per row). Pass the transaction client to read it inside a write.
 */
export async function loadClosedMonths(db: Db, parkIds: readonly number[]): Promise<ClosedMonths> {
  const ids = [...new Set(parkIds)];
  if (ids.length === 0) return new ClosedMonths(new Map());
  const rows = await db.$queryRaw<{ parkId: number; id: number; scopeName: string; ym: number }[]>(Prisma.sql`
    SELECT DISTINCT ON (p."parkId") p."parkId", b.id, b."scopeName", (b.year * 12 + b.month - 1)::int AS ym
    FROM "PublishedBulletin" b CROSS JOIN LATERAL unnest(b."parkIds") AS p("parkId")
    WHERE p."parkId" = ANY(${ids}::int[])
    ORDER BY p."parkId", b.year DESC, b.month DESC, b."publishedAt" ASC, b.id ASC`);
  return new ClosedMonths(new Map(rows.map((r) => [r.parkId, { id: r.id, scopeName: r.scopeName, ...fromMonthIndex(r.ym) }])));
}

// Advisory lock namespace of "a park's filings against its publications" (0x5042 = "PB").
const LOCK_NS = 0x5042;

/**
 * Serialises writes of monthly reports with publications in the same parks, inside the
 * caller's transaction: writers take the park's lock shared, publishing takes it exclusive
 * (in park id order), so a report is either in a bulletin's figures or refused as closed,
 * never written between the figures and the closing. Released at commit or rollback.
 */
export async function lockParkFilings(tx: Db, parkIds: readonly number[], mode: "shared" | "exclusive"): Promise<void> {
  for (const parkId of [...new Set(parkIds)].sort((a, b) => a - b)) {
    if (mode === "shared") await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock_shared(${LOCK_NS}::int, ${parkId}::int)`;
    else await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${LOCK_NS}::int, ${parkId}::int)`;
  }
}

/**
 * Throws a VALIDATION error on `month` when month `ym` of the park is closed by a published
 * bulletin. The filing service calls it inside its transaction (it takes the park's filing
 * lock shared, see lockParkFilings, so pass the transaction client).
 */
export async function assertMonthOpen(tx: Db, parkId: number, ym: YearMonth): Promise<void> {
  await lockParkFilings(tx, [parkId], "shared");
  const problem = (await loadClosedMonths(tx, [parkId])).problem(parkId, ym);
  if (problem) throw new AppError("VALIDATION", problem, { month: [problem] });
}

/** True when `ym` is closed for the park (for callers that only need the answer). */
export async function isMonthClosed(db: Db, parkId: number, ym: YearMonth): Promise<boolean> {
  return (await loadClosedMonths(db, [parkId])).closedBy(parkId, ym) !== null;
}

/** For pages: the bulletin that closed month `ym` of a park the actor reads, or null. */
export async function getMonthClosure(actor: Actor, parkId: number, ym: YearMonth): Promise<ClosingBulletin | null> {
  assertCan(actor, "project.read", parkId, "园区");
  return (await loadClosedMonths(getDb(), [parkId])).closedBy(parkId, ym);
}
