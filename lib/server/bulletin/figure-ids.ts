import "server-only";
// The projects behind each figure of a bulletin: the dashboard's drill-down sets
// (lib/server/metrics/drill-down.ts: the rows of ProjectFigures each count sums), within the
// bulletin's parks. Publishing stores them (BulletinFigure); the live comparison reads them
// again and compares.

import { todayInShanghai } from "@/lib/domain/dates";
import { type YearMonth } from "@/lib/domain/filing";
import { type Metric } from "@/lib/domain/indicators";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { metricProjectIds } from "@/lib/server/metrics/drill-down";

export type FigureIds = Record<Metric, number[]>;

/**
 * Every metric's project ids (ascending) for the bulletin of month `ym` (January..month,
 * cohort = that year) over `parkIds` whose dashboard the actor reads: the same sets the
 * figures count and the ledger lists when a figure is clicked. One statement.
 */
export async function figureProjectIds(actor: Actor, parkIds: readonly number[], ym: YearMonth, today = todayInShanghai()): Promise<FigureIds> {
  const readable = new Set(parksWith(actor, "dashboard.read"));
  return metricProjectIds(
    actor,
    parkIds.filter((id) => readable.has(id)),
    { year: ym.year, through: ym.month, cohort: ym.year },
    today,
  );
}
