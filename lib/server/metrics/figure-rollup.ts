import "server-only";
// Upkeep of the figures rollup (migration 20261206090000_figure_rollup, figure-sql.ts): the
// database keeps it exact on every write; this adds the months as they come (a month is
// read from the rollup once built, from ProjectFigures until then) and folds the delta rows
// the writes leave. Run by the figures job (lib/server/jobs/figures-rollup.ts); both are
// safe to run again and concurrently with writes.

import { type Db, getDb } from "@/lib/db/client";
import { monthIndex, monthOf } from "@/lib/domain/filing";

/**
 * Builds every month from the earliest signing (or `from`, a month index, if earlier) to
 * `through` (default: the current month of `today`) that is not built yet, one transaction per month (each holds
 * the figures lock exclusively for the time it takes). Returns the months built.
 */
export async function buildFigureMonths(today: string, through = monthIndex(monthOf(today)), db: Db = getDb(), from?: number): Promise<number[]> {
  const missing = await db.$queryRaw<{ ym: number }[]>`
    SELECT g.ym FROM (SELECT LEAST(min(figure_month_of("signedDate")), ${from ?? null}::int) AS lo FROM "ProjectFigures") b
    CROSS JOIN LATERAL generate_series(b.lo, ${through}::int) g(ym)
    WHERE NOT EXISTS (SELECT 1 FROM "FigureRollupMonth" m WHERE m.ym = g.ym)
    ORDER BY g.ym DESC`;
  // Newest first: the months the pages ask for most are served from the rollup soonest.
  const built: number[] = [];
  for (const { ym } of missing) {
    await db.$queryRaw`SELECT build_figure_month(${ym}::int)`;
    built.push(ym);
  }
  return built;
}

/** Folds the rollup's delta rows into one row per key; returns the rows written. */
export async function foldFigureRollup(db: Db = getDb()): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT fold_figure_rollup() AS n`;
  return n;
}
