import "server-only";
// The projects behind each figure of a bulletin: the dashboard's drill-down sets
// (lib/server/metrics/drill-down.ts), within the bulletin's parks. Publishing stores them
// (BulletinFigure); the live comparison reads them again and compares.

import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type YearMonth, ymKey } from "@/lib/domain/filing";
import { METRICS, type Metric } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { drillDownWhere } from "@/lib/server/metrics/drill-down";

export type FigureIds = Record<Metric, number[]>;

/**
 * Every metric's project ids (ascending) for the bulletin of month `ym` (January..month,
 * cohort = that year) over `parkIds`: the same sets the figures count and the ledger lists
 * when a figure is clicked.
 */
export async function figureProjectIds(actor: Actor, parkIds: readonly number[], ym: YearMonth, today = todayInShanghai()): Promise<FigureIds> {
  const db = getDb();
  const scope = { AND: [{ parkId: { in: [...parkIds] } }, visibleProjectsWhere(actor)] };
  const lists = await Promise.all(
    METRICS.map(async (metric) =>
      db.project.findMany({
        where: { AND: [scope, await drillDownWhere(actor, { metric, period: ymKey(ym), cohort: ym.year }, today)] },
        select: { id: true },
        orderBy: { id: "asc" },
      }),
    ),
  );
  return Object.fromEntries(METRICS.map((m, i) => [m, lists[i].map((p) => p.id)])) as FigureIds;
}
