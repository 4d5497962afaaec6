// The SQL behind every dashboard figure. The definitions mirror lib/domain/indicators.ts
// (countIndicators is their executable specification) and lib/server/metrics/drill-down.ts
// (the same sets as Prisma filters for the ledger list); tests/integration/metrics.test.ts
// holds the three together.

import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { type Actor, assertCan, parksWith, visibleProjectsSql } from "@/lib/server/actor";
import { notFound } from "@/lib/server/errors";
import { type IndicatorCounts, type IndicatorPeriod, type Metric, cohortWindow, dueAsOf } from "@/lib/domain/indicators";

export interface MetricScope {
  park?: number;
  region?: number;
}

/**
 * The parks a dashboard scope covers, after authorization: a park the actor may not read
 * the dashboard of, or a region where they have no such park, is NOT_FOUND.
 */
export async function scopeParkIds(actor: Actor, s: MetricScope): Promise<number[]> {
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

const honoured = Prisma.sql`pr.status <> 'TERMINATED'`;
const started = Prisma.sql`(pr.status <> 'TERMINATED' AND pr.stage IN ('STARTED', 'PRODUCING'))`;
const producing = Prisma.sql`(pr.status <> 'TERMINATED' AND pr.stage = 'PRODUCING')`;

export function inCohortSql(p: IndicatorPeriod): Prisma.Sql {
  const { from, to } = cohortWindow(p);
  return Prisma.sql`(pr."signedDate" BETWEEN CAST(${from} AS date) AND CAST(${to} AS date))`;
}

/**
 * One metric's set as SQL over `pr` (Project) and `yp` (its ProjectYearPlan of the
 * period's year, LEFT JOINed: yp.id is null without a plan).
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
      return Prisma.sql`(${cohort} AND pr.status = 'TERMINATED')`;
    case "cohort.landed":
      return Prisma.sql`(${cohort} AND ${honoured} AND pr.stage <> 'SIGNED')`;
    case "cohort.started":
      return Prisma.sql`(${cohort} AND ${started})`;
    case "cohort.producing":
      return Prisma.sql`(${cohort} AND ${producing})`;
    case "plan.all":
      return Prisma.sql`(yp.id IS NOT NULL)`;
    case "plan.start":
      return Prisma.sql`(yp."planStart" IS TRUE)`;
    case "plan.started":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${started})`;
    case "plan.due":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${due})`;
    case "plan.dueStarted":
      return Prisma.sql`(yp."planStart" IS TRUE AND ${due} AND ${started})`;
    case "plan.production":
      return Prisma.sql`(yp."planProduction" IS TRUE)`;
    case "plan.producing":
      return Prisma.sql`(yp."planProduction" IS TRUE AND ${producing})`;
    case "due.notStarted":
      return Prisma.sql`(${due} AND ${honoured} AND pr.stage IN ('SIGNED', 'LANDED'))`;
  }
}

export type GroupBy = "none" | "park" | "industry";

export interface CountsRow extends IndicatorCounts {
  key: string | null;
  activeSigned: number;
  activeLanded: number;
  activeStarted: number;
  activeProducing: number;
}

/**
 * Every count and sum of the indicators in one statement, optionally per park or per
 * industry: the projects in scope with their year plan (one row each, the plan is unique
 * per project and year), the progress sums only for the projects that need them (cohort
 * or plan), then FILTERed counts and sums.
 */
export function countsQuery(actor: Actor, parkIds: number[], p: IndicatorPeriod, today: string, groupBy: GroupBy): Prisma.Sql {
  const m = (x: Metric) => metricSql(x, p, today);
  const key = groupBy === "park" ? Prisma.sql`pr."parkId"::text` : groupBy === "industry" ? Prisma.sql`pr.industry` : Prisma.sql`NULL::text`;
  const group = groupBy === "none" ? Prisma.empty : Prisma.sql`GROUP BY s.key`;
  const outKey = groupBy === "none" ? Prisma.sql`NULL::text` : Prisma.sql`s.key`;
  return Prisma.sql`
    WITH s AS (
      SELECT ${key} AS key, pr.id, pr.stage, pr.status,
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
      FROM "Project" pr
      LEFT JOIN "ProjectYearPlan" yp ON yp."projectId" = pr.id AND yp.year = ${p.year}::int
      WHERE ${scopeSql(actor, parkIds)}
    ), r AS (
      SELECT rp."projectId",
             sum(rp."investmentCompleted") FILTER (WHERE rp.year = ${p.year}::int) AS year_inv,
             sum(rp."investmentCompleted") AS cum_inv,
             sum(rp."fundsArrived") AS cum_funds
      FROM "ProgressReport" rp
      JOIN s ON s.id = rp."projectId" AND (s.honoured OR s.planned)
      WHERE rp.year < ${p.year}::int OR (rp.year = ${p.year}::int AND rp.month <= ${p.through}::int)
      GROUP BY rp."projectId"
    )
    SELECT ${outKey} AS key,
           count(*) FILTER (WHERE in_cohort)::int AS signed,
           count(*) FILTER (WHERE honoured)::int AS honoured,
           count(*) FILTER (WHERE in_cohort AND s.status = 'TERMINATED')::int AS terminated,
           count(*) FILTER (WHERE in_cohort AND s.status = 'SUSPENDED')::int AS suspended,
           count(*) FILTER (WHERE landed)::int AS landed,
           count(*) FILTER (WHERE started)::int AS started,
           count(*) FILTER (WHERE producing)::int AS producing,
           count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'SIGNED')::int AS "activeSigned",
           count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'LANDED')::int AS "activeLanded",
           count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'STARTED')::int AS "activeStarted",
           count(*) FILTER (WHERE in_cohort AND s.status = 'ACTIVE' AND s.stage = 'PRODUCING')::int AS "activeProducing",
           COALESCE(sum(s."contractInvestment") FILTER (WHERE in_cohort), 0)::numeric(16, 2)::text AS "contractInvestment",
           COALESCE(sum(s."contractInvestment") FILTER (WHERE honoured), 0)::numeric(16, 2)::text AS "honouredContractInvestment",
           COALESCE(sum(s."fundsArrivedBefore" + COALESCE(r.cum_funds, 0)) FILTER (WHERE honoured), 0)::numeric(16, 2)::text AS "fundsArrived",
           count(*) FILTER (WHERE planned)::int AS planned,
           count(*) FILTER (WHERE plan_start)::int AS "planStart",
           count(*) FILTER (WHERE plan_started)::int AS "planStarted",
           count(*) FILTER (WHERE plan_due)::int AS "planDue",
           count(*) FILTER (WHERE plan_due_started)::int AS "planDueStarted",
           count(*) FILTER (WHERE plan_production)::int AS "planProduction",
           count(*) FILTER (WHERE plan_producing)::int AS "planProducing",
           COALESCE(sum(s."plannedInvestment") FILTER (WHERE planned), 0)::numeric(16, 2)::text AS "plannedInvestment",
           COALESCE(sum(COALESCE(r.year_inv, 0)) FILTER (WHERE planned), 0)::numeric(16, 2)::text AS "yearCompleted",
           COALESCE(sum(s."totalInvestment") FILTER (WHERE planned), 0)::numeric(16, 2)::text AS "totalInvestment",
           COALESCE(sum(s."investmentCompletedBefore" + COALESCE(r.cum_inv, 0)) FILTER (WHERE planned), 0)::numeric(16, 2)::text AS "totalCompleted",
           count(*) FILTER (WHERE due_not_started)::int AS "dueNotStarted"
    FROM s
    LEFT JOIN r ON r."projectId" = s.id
    ${group}`;
}

/** Runs countsQuery; without grouping it always returns one row. */
export async function queryCounts(actor: Actor, parkIds: number[], p: IndicatorPeriod, today: string, groupBy: GroupBy): Promise<CountsRow[]> {
  return getDb().$queryRaw<CountsRow[]>(countsQuery(actor, parkIds, p, today, groupBy));
}
