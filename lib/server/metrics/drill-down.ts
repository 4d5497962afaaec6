import "server-only";
// Drill-down: each dashboard figure's projects as a Prisma filter for the ledger list
// (lib/server/projects/list-projects.ts) and its Excel export, the same sets as metricSql in
// indicator-sql.ts, every project as it stood on the period's as-of day. The integration
// tests compare the list's total with the figure for every metric.
//
// The stage as of the day is written on the Project's dates exactly as reachedSql in
// as-of-sql.ts. The status as of the day is the current one for every project whose status
// last changed on or before the day; a project whose status changed after it needs the
// StageEvent log, which a Prisma filter cannot order, so those few are looked up with the
// SQL of as-of-sql.ts first and passed in by id.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorPeriod, METRICS, type Metric, cohortWindow, defaultPeriod, dueAsOf } from "@/lib/domain/indicators";
import { type Actor, parksWith } from "@/lib/domain/permissions";
import { STAGES, type Stage, stageIndex } from "@/lib/domain/stages";
import { STAGE_DATE_FIELDS } from "@/lib/domain/transitions";
import { asOfJoin } from "./as-of-sql";
import { metricSql, projectsAsOfSql, scopeSql } from "./indicator-sql";

/** The period a drill-down URL names (period=YYYY-MM, cohort=YYYY), with the dashboard's defaults. */
export function drillPeriod(f: { period?: string; cohort?: number }, today = todayInShanghai()): IndicatorPeriod {
  const d = defaultPeriod(today);
  const [year, through] = f.period ? f.period.split("-").map(Number) : [d.year, d.through];
  return { year, through, cohort: f.cohort ?? year };
}

/**
 * The projects of `parkIds` whose status changed after `asOf` and that stood terminated on
 * it (terminated, then resumed after the day): the only ones the current status misjudges
 * as not terminated. Few by nature; one statement.
 */
export async function terminatedBeforeLaterChange(parkIds: readonly number[], asOf: string): Promise<number[]> {
  if (parkIds.length === 0) return [];
  const rows = await getDb().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT pr.id FROM "Project" pr ${asOfJoin(asOf)}
    WHERE pr."parkId" = ANY(${[...parkIds]}::int[]) AND pr."statusDate" > CAST(${asOf} AS date) AND ao.status = 'TERMINATED'
    ORDER BY pr.id`);
  return rows.map((r) => r.id);
}

/** The Prisma twin of as-of-sql.ts on the as-of day `asOf`. */
function asOfWhere(asOf: string, terminatedLate: readonly number[]) {
  const d = isoToDate(asOf);
  const signedBy: Prisma.ProjectWhereInput = { signedDate: { lte: d } };
  const datedUpTo = (stage: Stage) => STAGES.slice(1, stageIndex(stage) + 1).map((s) => STAGE_DATE_FIELDS[s]);
  /** Reached `stage` by the day: at or above it now, and each dated stage up to it on or before the day (stageDate where a date is missing). */
  const reached = (stage: Stage): Prisma.ProjectWhereInput => ({
    AND: [
      { stage: { in: STAGES.slice(stageIndex(stage)) } },
      signedBy,
      ...datedUpTo(stage).map((c) => ({ OR: [{ [c]: { lte: d } }, { [c]: null, stageDate: { lte: d } }] })),
    ],
  });
  /** Not reached `stage` by the day (written out, as NOT over NULL dates would drop rows). */
  const notReached = (stage: Stage): Prisma.ProjectWhereInput => ({
    OR: [
      { stage: { notIn: STAGES.slice(stageIndex(stage)) } },
      { signedDate: { gt: d } },
      ...datedUpTo(stage).map((c) => ({ OR: [{ [c]: { gt: d } }, { [c]: null, stageDate: { gt: d } }] })),
    ],
  });
  const statusStands: Prisma.ProjectWhereInput = { OR: [{ statusDate: null }, { statusDate: { lte: d } }] };
  const honoured: Prisma.ProjectWhereInput = {
    AND: [
      signedBy,
      {
        OR: [
          { AND: [statusStands, { status: { not: "TERMINATED" } }] },
          { statusDate: { gt: d }, id: { notIn: [...terminatedLate] } },
        ],
      },
    ],
  };
  const terminated: Prisma.ProjectWhereInput = {
    AND: [signedBy, { OR: [{ AND: [statusStands, { status: "TERMINATED" }] }, { id: { in: [...terminatedLate] } }] }],
  };
  return { d, signedBy, reached, notReached, honoured, terminated };
}

/**
 * One metric's projects as a Prisma filter (without scope), as of the period's as-of day.
 * `terminatedLate`: terminatedBeforeLaterChange of the parks the filter is used in.
 */
export function metricWhere(m: Metric, p: IndicatorPeriod, today: string, terminatedLate: readonly number[]): Prisma.ProjectWhereInput {
  const asOf = dueAsOf(p, today);
  const { d, signedBy, reached, notReached, honoured, terminated } = asOfWhere(asOf, terminatedLate);
  const { from, to } = cohortWindow(p);
  const cohort: Prisma.ProjectWhereInput = { signedDate: { gte: isoToDate(from), lte: isoToDate(to) } };
  const due: Prisma.ProjectWhereInput = { plannedStartDate: { lte: d } };
  const started: Prisma.ProjectWhereInput = { AND: [honoured, reached("STARTED")] };
  const producing: Prisma.ProjectWhereInput = { AND: [honoured, reached("PRODUCING")] };
  const plan = (extra: { planStart?: boolean; planProduction?: boolean } = {}): Prisma.ProjectWhereInput => ({
    yearPlans: { some: { year: p.year, ...extra } },
  });
  switch (m) {
    case "cohort.signed":
      return cohort;
    case "cohort.honoured":
      return { AND: [cohort, honoured] };
    case "cohort.terminated":
      return { AND: [cohort, terminated] };
    case "cohort.landed":
      return { AND: [cohort, honoured, reached("LANDED")] };
    case "cohort.started":
      return { AND: [cohort, started] };
    case "cohort.producing":
      return { AND: [cohort, producing] };
    case "plan.all":
      return { AND: [plan(), signedBy] };
    case "plan.start":
      return { AND: [plan({ planStart: true }), signedBy] };
    case "plan.started":
      return { AND: [plan({ planStart: true }), started] };
    case "plan.due":
      return { AND: [plan({ planStart: true }), signedBy, due] };
    case "plan.dueStarted":
      return { AND: [plan({ planStart: true }), due, started] };
    case "plan.production":
      return { AND: [plan({ planProduction: true }), signedBy] };
    case "plan.producing":
      return { AND: [plan({ planProduction: true }), producing] };
    case "due.notStarted":
      return { AND: [due, honoured, notReached("STARTED")] };
  }
}

/**
 * A figure's projects for the list: the metric's set within the parks whose dashboard the
 * actor reads (the figures' own scope), so the list's total equals the figure. Async: the
 * projects whose status changed after the period are looked up first (one statement).
 */
export async function drillDownWhere(actor: Actor, f: { metric: Metric; period?: string; cohort?: number }, today = todayInShanghai()): Promise<Prisma.ProjectWhereInput> {
  const parkIds = parksWith(actor, "dashboard.read");
  const period = drillPeriod(f, today);
  const terminatedLate = await terminatedBeforeLaterChange(parkIds, dueAsOf(period, today));
  return { AND: [{ parkId: { in: parkIds } }, metricWhere(f.metric, period, today, terminatedLate)] };
}

/**
 * Every metric's project ids (ascending) over `parkIds` (already authorized, e.g. by
 * scopeParkIds) with the actor's project visibility: the figures' own SQL (metricSql), so
 * each list's length is the figure. One statement for all metrics (for freezing a
 * bulletin's figures with the projects behind them).
 */
export async function metricProjectIds(actor: Actor, parkIds: readonly number[], p: IndicatorPeriod, today = todayInShanghai()): Promise<Record<Metric, number[]>> {
  const empty = Object.fromEntries(METRICS.map((m) => [m, [] as number[]])) as Record<Metric, number[]>;
  if (parkIds.length === 0) return empty;
  const columns = METRICS.map((m, i) => Prisma.sql`COALESCE(array_agg(pr.id ORDER BY pr.id) FILTER (WHERE ${metricSql(m, p, today)}), '{}') AS ${Prisma.raw(`m${i}`)}`);
  const [row] = await getDb().$queryRaw<Record<string, number[]>[]>(Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")}
    FROM ${projectsAsOfSql(p, today)}
    LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${p.year}::int
    WHERE ${scopeSql(actor, [...parkIds])}`);
  return Object.fromEntries(METRICS.map((m, i) => [m, row?.[`m${i}`] ?? []])) as Record<Metric, number[]>;
}
