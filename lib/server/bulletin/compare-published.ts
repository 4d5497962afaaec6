import "server-only";
// Today's figures against a published bulletin (docs/bulletins.md#live-figures): the
// published numbers never change, the live ones follow the ledger. When they differ, the
// notice says which figures moved and lists the projects behind it: those that entered or
// left a figure's set (the drill-down ids against the frozen ones) and those of the
// figures whose ledger record or monthly reports changed after the publishing.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorCounts, METRICS, METRIC_LABELS, type Metric } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import { COUNT_LABELS } from "@/lib/domain/published-bulletins";
import { visibleProjectsSql } from "@/lib/server/actor";
import { type Bulletin, getBulletin } from "./get-bulletin";
import { figureProjectIds } from "./figure-ids";
import type { PublishedBulletin } from "./published-bulletin";

/** The notice lists at most this many projects; the total is always whole. */
export const LIVE_DIFF_PROJECT_LIMIT = 50;

export interface LiveDiffProject {
  id: number;
  code: string;
  name: string;
  parkName: string;
  /** Figures the project entered since publishing (metric labels). */
  entered: string[];
  /** Figures it left. */
  left: string[];
  /** Its ledger record changed after publishing (the latest change). */
  recordChangedAt: string | null;
  /** One of its monthly reports was filed or corrected after publishing (the latest). */
  reportChangedAt: string | null;
}

export interface LiveDiff {
  publishedAt: string;
  checkedAt: string;
  /** Counts and sums that differ: the published value and today's. */
  counts: { key: string; label: string; published: string; live: string }[];
  /** Parks whose own row of the ranking differs. */
  parks: { parkId: number; parkName: string }[];
  /** Per figure, how many projects entered and left its set. */
  figures: { metric: Metric; label: string; entered: number; left: number }[];
  projects: { total: number; items: LiveDiffProject[] };
}

const same = (a: string | number, b: string | number) => (typeof a === "number" && typeof b === "number" ? a === b : Number(a) === Number(b));

function countDiffs(published: IndicatorCounts, live: IndicatorCounts): LiveDiff["counts"] {
  const out: LiveDiff["counts"] = [];
  for (const key of Object.keys(live) as (keyof IndicatorCounts)[]) {
    const a = published[key];
    const b = live[key];
    if (a === undefined || !same(a, b)) out.push({ key, label: COUNT_LABELS[key] ?? key, published: a === undefined ? "—" : String(a), live: String(b) });
  }
  return out;
}

/**
 * Compares a published bulletin with today's figures of the same month and scope; null when
 * they agree (no notice). `live` is today's bulletin when the caller already has it.
 */
export async function compareWithLive(actor: Actor, published: PublishedBulletin, live?: Bulletin, today = todayInShanghai()): Promise<LiveDiff | null> {
  const ym = { year: published.year, month: published.month };
  const now =
    live ?? (await getBulletin(actor, { month: ym, park: published.scope.park, region: published.scope.region, rank: published.content.rankKey }, today));
  const parkIds = now.ranking.map((r) => r.row.parkId);
  const liveIds = await figureProjectIds(actor, parkIds, ym, today);

  const counts = countDiffs(published.content.counts, now.counts);
  const before = new Map(published.content.ranking.map((r) => [r.row.parkId, r.row]));
  const parks = now.ranking
    .filter((r) => {
      const then = before.get(r.row.parkId);
      return !then || countDiffs(then.counts, r.row.counts).length > 0;
    })
    .map((r) => ({ parkId: r.row.parkId, parkName: r.row.parkName }));

  const entered = new Map<number, string[]>();
  const left = new Map<number, string[]>();
  const figures: LiveDiff["figures"] = [];
  const behind = new Set<number>();
  const note = (into: Map<number, string[]>, id: number, metric: Metric) => into.set(id, [...(into.get(id) ?? []), METRIC_LABELS[metric]]);
  for (const metric of METRICS) {
    const was = new Set(published.figures[metric] ?? []);
    const is = new Set(liveIds[metric]);
    const came = [...is].filter((id) => !was.has(id));
    const went = [...was].filter((id) => !is.has(id));
    for (const id of [...was, ...is]) behind.add(id);
    for (const id of came) note(entered, id, metric);
    for (const id of went) note(left, id, metric);
    if (came.length || went.length) figures.push({ metric, label: METRIC_LABELS[metric], entered: came.length, left: went.length });
  }
  if (counts.length === 0 && parks.length === 0 && figures.length === 0) return null;

  const moved = [...new Set([...entered.keys(), ...left.keys()])];
  const since = new Date(published.publishedAt);
  const rows = await getDb().$queryRaw<
    { id: number; code: string; name: string; parkName: string; recordAt: Date | null; reportAt: Date | null; total: number }[]
  >(Prisma.sql`
    SELECT pr.id, pr.code, pr.name, pk.name AS "parkName",
           CASE WHEN pr."updatedAt" > ${since} THEN pr."updatedAt" END AS "recordAt",
           (SELECT max(r."updatedAt") FROM "ProgressReport" r WHERE r."projectId" = pr.id AND r."updatedAt" > ${since}) AS "reportAt",
           count(*) OVER ()::int AS total
    FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId"
    WHERE pr.id = ANY(${[...behind]}::int[]) AND ${visibleProjectsSql(actor, "pr")}
      AND (pr.id = ANY(${moved}::int[]) OR pr."updatedAt" > ${since}
           OR EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."projectId" = pr.id AND r."updatedAt" > ${since}))
    ORDER BY GREATEST(pr."updatedAt", (SELECT max(r."updatedAt") FROM "ProgressReport" r WHERE r."projectId" = pr.id)) DESC, pr.id
    LIMIT ${LIVE_DIFF_PROJECT_LIMIT}`);
  return {
    publishedAt: published.publishedAt,
    checkedAt: new Date().toISOString(),
    counts,
    parks,
    figures,
    projects: {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        parkName: r.parkName,
        entered: entered.get(r.id) ?? [],
        left: left.get(r.id) ?? [],
        recordChangedAt: r.recordAt?.toISOString() ?? null,
        reportChangedAt: r.reportAt?.toISOString() ?? null,
      })),
    },
  };
}
