import "server-only";
// The SQL behind every dashboard figure. The definitions mirror lib/domain/indicators.ts
// (countIndicators is their executable specification) and lib/server/metrics/drill-down.ts
// (the same sets as Prisma filters for the ledger list); tests/integration/metrics.test.ts
// holds the three together. Every project is read as it stood on the period's as-of day
// (dueAsOf: its last day, or today if earlier), through the `ao` join of as-of-sql.ts. The
// pages read the same figures from the figures rollup (figure-sql.ts: queryCounts); the
// raw-table statement here (rawCountsQuery) is the reference it is held to.

import { cache } from "react";
import { type Db, getDb, getFiguresDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { assertCan, visibleProjectsSql } from "@/lib/server/actor";
import { type Actor, parksWith, projectReadScope } from "@/lib/domain/permissions";
import { notFound } from "@/lib/server/errors";
import { type IndicatorCounts, type IndicatorPeriod, type Metric, EMPTY_COUNTS, cohortWindow, dueAsOf } from "@/lib/domain/indicators";
import { asOfJoin } from "./as-of-sql";
import { figureCountsQuery } from "./figure-sql";

export interface MetricScope {
  park?: number;
  region?: number;
}

/**
 * The parks a dashboard scope covers, after authorization: a park the actor may not read
 * the dashboard of, or a region where they have no such park, is NOT_FOUND. Once per
 * request for the same actor and scope (React cache): the page checks the scope before it
 * streams, and the figures ask again.
 */
export const scopeParkIds = cache(scopeParkIdsOnce);

async function scopeParkIdsOnce(actor: Actor, s: MetricScope): Promise<number[]> {
  const parks = parksWith(actor, "dashboard.read");
  if (s.park) {
    assertCan(actor, "dashboard.read", s.park, "园区");
    return [s.park];
  }
  if (parks.length === 0) throw notFound("园区");
  if (!s.region) return parks;
  const inRegion = await getDb().park.findMany({ where: { regionId: s.region, id: { in: parks } }, select: { id: true }, orderBy: { id: "asc" } });
  if (inRegion.length === 0) throw notFound("市州");
  return inRegion.map((p) => p.id);
}

/** Scope on the Project alias `pr`: the covered parks and the actor's project visibility. */
export function scopeSql(actor: Actor, parkIds: number[]): Prisma.Sql {
  return Prisma.sql`pr."parkId" = ANY(${parkIds}::int[]) AND ${visibleProjectsSql(actor, "pr")}`;
}

// Over the `ao` join (asOfJoin): stage and status on the as-of day, NULL before signing.
const honoured = Prisma.sql`ao.status IN ('ACTIVE', 'SUSPENDED')`;
const landed = Prisma.sql`(${honoured} AND ao.stage IN ('LANDED', 'STARTED', 'PRODUCING'))`;
const started = Prisma.sql`(${honoured} AND ao.stage IN ('STARTED', 'PRODUCING'))`;
const producing = Prisma.sql`(${honoured} AND ao.stage = 'PRODUCING')`;
/** Signed by the as-of day: a plan project signed later is in no figure of the period. */
const signedBy = Prisma.sql`ao.stage IS NOT NULL`;

/** The projects `pr` with their state on the period's as-of day (`ao`): the FROM of every figure. */
export function projectsAsOfSql(p: IndicatorPeriod, today: string): Prisma.Sql {
  return Prisma.sql`"Project" pr ${asOfJoin(dueAsOf(p, today))}`;
}

export function inCohortSql(p: IndicatorPeriod): Prisma.Sql {
  const { from, to } = cohortWindow(p);
  return Prisma.sql`(pr."signedDate" BETWEEN CAST(${from} AS date) AND CAST(${to} AS date))`;
}

/**
 * One metric's set as SQL over `pr` (Project), `ao` (its state on the as-of day, from
 * projectsAsOfSql) and `yp` (its ProjectYearPlan of the period's year, LEFT JOINed: yp.id
 * is null without a plan).
 */
export function metricSql(m: Metric, p: IndicatorPeriod, today: string): Prisma.Sql {
  const asOf = dueAsOf(p, today);
  const due = Prisma.sql`pr."plannedStartDate" <= CAST(${asOf} AS date)`;
  const cohort = inCohortSql(p);
  switch (m) {
    case "cohort.signed":
      return cohort;
    case "cohort.honoured":
      return Prisma.sql`(${cohort} AND ${honoured})`;
    case "cohort.terminated":
      return Prisma.sql`(${cohort} AND ao.status = 'TERMINATED')`;
    case "cohort.landed":
      return Prisma.sql`(${cohort} AND ${landed})`;
    case "cohort.started":
      return Prisma.sql`(${cohort} AND ${started})`;
    case "cohort.producing":
      return Prisma.sql`(${cohort} AND ${producing})`;
    case "plan.all":
      return Prisma.sql`(yp.id IS NOT NULL AND ${signedBy})`;
    case "plan.start":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${signedBy})`;
    case "plan.started":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${started})`;
    case "plan.due":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${signedBy} AND ${due})`;
    case "plan.dueStarted":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${due} AND ${started})`;
    case "plan.production":
      return Prisma.sql`(yp."planProduction" IS TRUE AND ${signedBy})`;
    case "plan.producing":
      return Prisma.sql`(yp."planProduction" IS TRUE AND ${producing})`;
    case "due.notStarted":
      return Prisma.sql`(${due} AND ${honoured} AND ao.stage IN ('SIGNED', 'LANDED'))`;
  }
}

export type GroupBy = "none" | "park" | "industry";

export interface CountsRow extends IndicatorCounts {
  dim: GroupBy;
  key: string | null;
  activeSigned: number;
  activeLanded: number;
  activeStarted: number;
  activeProducing: number;
}

/**
 * Every count and sum of the indicators in one statement over the raw tables (every
 * project in scope as of the day, its year plan and its monthly reports), for one or more
 * groupings at once (the whole scope, per park, per industry). The reference the figures
 * rollup is held to (tests/integration/figure-rollup.test.ts, the benchmarks); the pages
 * read figureCountsQuery (figure-sql.ts) through queryCounts. Two levels: first the
 * FILTERed counts and sums per (park, industry) pair — the projects in scope with their
 * year plan (unique per project and year), and the period's reports summed straight into
 * the pairs through one hash join — then GROUPING SETS over those few dozen rows.
 */
export function rawCountsQuery(actor: Actor, parkIds: number[], p: IndicatorPeriod, today: string, groupBy: GroupBy | GroupBy[]): Prisma.Sql {
  const m = (x: Metric) => metricSql(x, p, today);
  const { setSql, outKey, int, money } = countsGrouping(groupBy);
  return Prisma.sql`
    WITH s AS NOT MATERIALIZED (
      SELECT pr."parkId"::text AS park_key, pr.industry AS industry_key, pr.id, ao.stage, ao.status,
             ${m("cohort.signed")} AS in_cohort,
             ${m("cohort.honoured")} AS honoured,
             ${m("cohort.landed")} AS landed,
             ${m("cohort.started")} AS started,
             ${m("cohort.producing")} AS producing,
             ${m("plan.all")} AS planned,
             ${m("plan.start")} AS plan_start,
             ${m("plan.started")} AS plan_started,
             ${m("plan.due")} AS plan_due,
             ${m("plan.dueStarted")} AS plan_due_started,
             ${m("plan.production")} AS plan_production,
             ${m("plan.producing")} AS plan_producing,
             ${m("due.notStarted")} AS due_not_started,
             pr."contractInvestment", pr."totalInvestment", pr."investmentCompletedBefore", pr."fundsArrivedBefore",
             yp."plannedInvestment"
      FROM ${projectsAsOfSql(p, today)}
      LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${p.year}::int
      WHERE ${scopeSql(actor, parkIds)}
    ), r AS (
      SELECT n.park_key, n.industry_key,
             sum(rp."fundsArrived") FILTER (WHERE n.honoured) AS funds,
             sum(rp."investmentCompleted") FILTER (WHERE n.planned AND rp.year = ${p.year}::int) AS year_inv,
             sum(rp."investmentCompleted") FILTER (WHERE n.planned) AS cum_inv
      FROM "ProgressReport" rp
      -- The projects whose reports count, filtered once per project before the join
      -- (OFFSET 0 keeps the subquery whole, and unlike a CTE keeps the id's statistics).
      JOIN (SELECT s.id, s.park_key, s.industry_key, s.honoured, s.planned FROM s WHERE s.honoured OR s.planned OFFSET 0) n
        ON n.id = rp."projectId"
      WHERE rp.year < ${p.year}::int OR (rp.year = ${p.year}::int AND rp.month <= ${p.through}::int)
      GROUP BY 1, 2
    ), c AS (
      SELECT s.park_key, s.industry_key,
             count(*) FILTER (WHERE in_cohort) AS signed,
             count(*) FILTER (WHERE honoured) AS honoured,
             count(*) FILTER (WHERE in_cohort AND s.status = 'TERMINATED') AS terminated,
             count(*) FILTER (WHERE in_cohort AND s.status = 'SUSPENDED') AS suspended,
             count(*) FILTER (WHERE landed) AS landed,
             count(*) FILTER (WHERE started) AS started,
             count(*) FILTER (WHERE producing) AS producing,
             count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'SIGNED') AS "activeSigned",
             count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'LANDED') AS "activeLanded",
             count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'STARTED') AS "activeStarted",
             count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'PRODUCING') AS "activeProducing",
             sum(s."contractInvestment") FILTER (WHERE in_cohort) AS "contractInvestment",
             sum(s."contractInvestment") FILTER (WHERE honoured) AS "honouredContractInvestment",
             sum(s."fundsArrivedBefore") FILTER (WHERE honoured) AS funds_before,
             count(*) FILTER (WHERE planned) AS planned,
             count(*) FILTER (WHERE plan_start) AS "planStart",
             count(*) FILTER (WHERE plan_started) AS "planStarted",
             count(*) FILTER (WHERE plan_due) AS "planDue",
             count(*) FILTER (WHERE plan_due_started) AS "planDueStarted",
             count(*) FILTER (WHERE plan_production) AS "planProduction",
             count(*) FILTER (WHERE plan_producing) AS "planProducing",
             sum(s."plannedInvestment") FILTER (WHERE planned) AS "plannedInvestment",
             sum(s."totalInvestment") FILTER (WHERE planned) AS "totalInvestment",
             sum(s."investmentCompletedBefore") FILTER (WHERE planned) AS inv_before,
             count(*) FILTER (WHERE due_not_started) AS "dueNotStarted"
      FROM s
      GROUP BY 1, 2
    ), j AS (
      SELECT c.*, r.funds, r.year_inv, r.cum_inv
      FROM c LEFT JOIN r ON r.park_key = c.park_key AND r.industry_key = c.industry_key
    )
    SELECT ${outKey},
           ${int("signed")}, ${int("honoured")}, ${int("terminated")}, ${int("suspended")},
           ${int("landed")}, ${int("started")}, ${int("producing")},
           ${int("activeSigned")}, ${int("activeLanded")}, ${int("activeStarted")}, ${int("activeProducing")},
           ${money("contractInvestment")}, ${money("honouredContractInvestment")},
           ${money("fundsArrived", `COALESCE(j.funds_before, 0) + COALESCE(j.funds, 0)`)},
           ${int("planned")}, ${int("planStart")}, ${int("planStarted")}, ${int("planDue")}, ${int("planDueStarted")},
           ${int("planProduction")}, ${int("planProducing")},
           ${money("plannedInvestment")}, ${money("yearCompleted", "j.year_inv")}, ${money("totalInvestment")},
           ${money("totalCompleted", `COALESCE(j.inv_before, 0) + COALESCE(j.cum_inv, 0)`)},
           ${int("dueNotStarted")}
    FROM j
    GROUP BY GROUPING SETS (${setSql})`;
}

/**
 * The end both counts statements share (rawCountsQuery here, figureCountsQuery in
 * figure-sql.ts): GROUPING SETS over `j`, the FILTERed sums per (park, industry) pair — the
 * sets, each led by `lead` (the period, when there are several); the row's grouping and key
 * (GROUPING() and the keys may only name columns some set groups by); the sums of a
 * column as int or as money.
 */
export function countsGrouping(groupBy: GroupBy | GroupBy[], lead?: string) {
  const sets = [...new Set(Array.isArray(groupBy) ? groupBy : [groupBy])];
  const keyOf = { none: null, park: "j.park_key", industry: "j.industry_key" } as const;
  const setSql = Prisma.join(
    sets.map((g) => Prisma.raw(`(${[lead, keyOf[g]].filter(Boolean).join(", ")})`)),
    ", ",
  );
  const grouped = (["park", "industry"] as const).filter((g) => sets.includes(g));
  const col = (g: "park" | "industry") => Prisma.raw(keyOf[g]);
  const outKey =
    grouped.length === 0
      ? Prisma.sql`'none'::text AS dim, NULL::text AS key`
      : Prisma.sql`CASE ${Prisma.join(grouped.map((g) => Prisma.sql`WHEN GROUPING(${col(g)}) = 0 THEN ${g}::text`), " ")} ELSE 'none' END AS dim,
           COALESCE(${Prisma.join(grouped.map((g) => col(g)), ", ")}, NULL::text) AS key`;
  const int = (c: string) => Prisma.raw(`COALESCE(sum(j."${c}"), 0)::int AS "${c}"`);
  const money = (c: string, expr = `j."${c}"`) => Prisma.raw(`COALESCE(sum(${expr}), 0)::numeric(16, 2)::text AS "${c}"`);
  return { setSql, outKey, int, money };
}

/**
 * The counts of one period (the "none" grouping always returns exactly one row): from the
 * figures rollup (figure-sql.ts), or, for an actor who sees only some projects of a park
 * (never one with dashboard.read today), from the raw tables with their visibility.
 */
export async function queryCounts(actor: Actor, parkIds: number[], p: IndicatorPeriod, today: string, groupBy: GroupBy | GroupBy[]): Promise<CountsRow[]> {
  const [rows] = await queryCountsByPeriod(actor, parkIds, [p], today, groupBy);
  return rows;
}

/**
 * The counts of several periods in one statement (the bulletin: this month and last),
 * one list of rows per period, each with its "none" row.
 */
export async function queryCountsByPeriod(actor: Actor, parkIds: number[], periods: IndicatorPeriod[], today: string, groupBy: GroupBy | GroupBy[]): Promise<CountsRow[][]> {
  const sets = Array.isArray(groupBy) ? groupBy : [groupBy];
  if (!seesWholeParks(actor, parkIds)) {
    return Promise.all(periods.map((p) => getDb().$queryRaw<CountsRow[]>(rawCountsQuery(actor, parkIds, p, today, sets))));
  }
  const rows = await getFiguresDb().$queryRaw<(CountsRow & { period: number })[]>(figureCountsQuery(parkIds, periods, today, sets));
  return periods.map((_, i) => {
    const mine = rows.filter((r) => r.period === i).map(({ period: _p, ...r }) => r as CountsRow);
    // GROUPING SETS of an empty scope return no row; the raw statement's () set returns one of zeros.
    if (!mine.some((r) => r.dim === "none")) mine.unshift({ dim: "none", key: null, ...EMPTY_COUNTS, activeSigned: 0, activeLanded: 0, activeStarted: 0, activeProducing: 0 });
    return mine;
  });
}

/** The rollup has no per-project visibility: it serves actors who read every project of the parks. */
export function seesWholeParks(actor: Actor, parkIds: number[]): boolean {
  const { fullParks } = projectReadScope(actor);
  return parkIds.every((id) => fullParks.includes(id));
}

/**
 * The client a figures statement of this actor and scope runs on: the prepared, generically
 * planned figures client for the rollup's statements (actors who read whole parks), the
 * ordinary one for the raw-table statements (lib/db/client.ts createFiguresClient).
 */
export function figuresDbFor(actor: Actor, parkIds: number[]): Db {
  return seesWholeParks(actor, parkIds) ? getFiguresDb() : getDb();
}

/** A row's indicator counts without its grouping and board columns. */
export function countsOf(row: CountsRow): IndicatorCounts {
  const { dim: _dim, key: _key, activeSigned: _a, activeLanded: _b, activeStarted: _c, activeProducing: _d, ...counts } = row;
  return counts;
}
