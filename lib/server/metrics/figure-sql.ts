import "server-only";
// The dashboard's and the bulletin's figures read from the figures rollup (migration
// 20261206090000_figure_rollup; docs/indicators.md#speed) instead of the raw tables:
//   - FigureRollup: the counts and sums of each built month as of its last day, per park,
//     industry, signing year and the projects' state that day (a few rows per park where
//     the raw tables have thousands of projects and their monthly reports), and the
//     trend's signings of a built month (its sums less the month before's);
//   - ProjectFigures: one row per project with its stage dates, status changes, plans and
//     running report totals, for a day that is not a built month's end (a month still
//     running, a month not built yet), the trend's starts and productions and the 应开工未开工 list;
//   - ReportRollup: the reports summed per park and month, for the trend.
// All three are kept by the database in the same transaction as every write, so they are
// exact; figure_rows (SQL, inlined) is the as-of rule on a ProjectFigures row. The raw-table
// SQL of indicator-sql.ts (rawCountsQuery) stays the reference: the integration tests hold
// these statements equal to it and to the pure model.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { type IndicatorPeriod, type Metric, METRICS, cohortWindow, dueAsOf, periodEnd } from "@/lib/domain/indicators";
import { monthIndex } from "@/lib/domain/filing";
import { type GroupBy, countsGrouping } from "./indicator-sql";

/** Month index (year * 12 + month - 1) of a period's last month: FigureRollup.ym. */
export function periodMonthIndex(p: Pick<IndicatorPeriod, "year" | "through">): number {
  return monthIndex({ year: p.year, month: p.through });
}

/**
 * The weighted rows a period's figures add up, tagged with the period's position `tag`.
 * Columns: period, cohort, park_key, industry_key, signed_year, stage, status (NULL: signed
 * after the day), plan, due, projects and the sums.
 *   - A period taken as of its month's last day: the built month's FigureRollup rows.
 *   - A month still running (as of today, before its last day): the built month's rows (as
 *     of its last day) corrected for the projects whose state differs between today and the
 *     month's end — a date of theirs (signing, a stage reached, a status set, a planned
 *     start) falls after today and by the month's end: their rows as of the month's end
 *     taken away, their rows as of today added. Only those projects are read (an index per
 *     date; business dates are not in the future, so usually only planned starts).
 *   - A month not built yet: every project's row of ProjectFigures as of the day.
 */
export function figureSourceSql(parkIds: number[], p: IndicatorPeriod, today: string, tag: number): Prisma.Sql {
  const asOf = dueAsOf(p, today);
  const end = periodEnd(p.year, p.through);
  const ym = periodMonthIndex(p);
  const head = Prisma.sql`${tag}::int AS period, ${p.cohort}::int AS cohort`;
  const factRows = (day: string, sign: 1 | -1, where: Prisma.Sql) => Prisma.sql`
    SELECT ${head}, f."parkId"::text AS park_key, f.industry AS industry_key, extract(year FROM f."signedDate")::int AS signed_year,
           c.stage, c.status, c.plan, c.due, ${sign}::int AS projects, ${sign} * f."contractInvestment", ${sign} * f."totalInvestment",
           ${sign} * c."plannedInvestment", ${sign} * c."fundsArrived", ${sign} * c."investmentCompleted", ${sign} * c."yearCompleted"
    FROM "ProjectFigures" f CROSS JOIN LATERAL figure_rows(f, ${ym}::int, CAST(${day} AS date)) c
    WHERE f."parkId" = ANY(${parkIds}::int[]) AND ${where}`;
  const built = Prisma.sql`EXISTS (SELECT 1 FROM "FigureRollupMonth" WHERE ym = ${ym}::int)`;
  const rollup = Prisma.sql`
    SELECT ${head}, r."parkId"::text AS park_key, r.industry AS industry_key, r."signedYear" AS signed_year,
           r.stage, r.status, r.plan, r.due, r.projects, r."contractInvestment", r."totalInvestment", r."plannedInvestment",
           r."fundsArrived", r."investmentCompleted", r."yearCompleted"
    FROM "FigureRollup" r
    WHERE r.ym = ${ym}::int AND r."parkId" = ANY(${parkIds}::int[]) AND ${built}`;
  const notBuilt = factRows(asOf, 1, Prisma.sql`NOT ${built}`);
  if (asOf === end) return Prisma.sql`${rollup} UNION ALL ${notBuilt}`;
  // Dates after today and by the month's end. A status change dated so is either statusDate
  // itself or a change before it, so statusDate is after today in both cases.
  const after = (col: string) => Prisma.sql`(f.${Prisma.raw(`"${col}"`)} > CAST(${asOf} AS date) AND f.${Prisma.raw(`"${col}"`)} <= CAST(${end} AS date))`;
  const moving = Prisma.sql`(${after("signedDate")} OR ${after("landedOn")} OR ${after("startedOn")} OR ${after("producedOn")} OR ${after("plannedStartDate")}
    OR (f."statusDate" > CAST(${asOf} AS date) AND (f."statusDate" <= CAST(${end} AS date)
        OR EXISTS (SELECT 1 FROM unnest(f."statusChangeDates") x(d) WHERE x.d > CAST(${asOf} AS date) AND x.d <= CAST(${end} AS date)))))`;
  return Prisma.sql`${rollup}
    UNION ALL ${factRows(end, -1, Prisma.sql`${built} AND ${moving}`)}
    UNION ALL ${factRows(asOf, 1, Prisma.sql`${built} AND ${moving}`)}
    UNION ALL ${notBuilt}`;
}

/**
 * What a figure's condition reads of a project's (or a rollup row's) state on the period's
 * day: signed in the cohort's year, stage and status that day (NULL: signed after it), the
 * year plan (-1 none, else 1 计划开工 + 2 计划投产) and whether its planned start is due.
 */
export interface FigureState {
  inCohort: Prisma.Sql;
  stage: Prisma.Sql;
  status: Prisma.Sql;
  plan: Prisma.Sql;
  due: Prisma.Sql;
}

/** The counts' rows (figureCountsQuery's k). */
const K_COLUMNS: FigureState = {
  inCohort: Prisma.raw("in_cohort"),
  stage: Prisma.raw("stage"),
  status: Prisma.raw("status"),
  plan: Prisma.raw("plan"),
  due: Prisma.raw("due"),
};

/**
 * One project's state for period `p` on ProjectFigures `f` and its figure_rows `c`
 * (figureFactsSql). The cohort is written on signedDate (the index's column): every row of
 * figure_rows is signed by the month's end, so the cohort's year is its window.
 */
export function factsState(p: IndicatorPeriod): FigureState {
  const { from, to } = cohortWindow(p);
  return {
    inCohort: Prisma.sql`(f."signedDate" BETWEEN CAST(${from} AS date) AND CAST(${to} AS date))`,
    stage: Prisma.raw("c.stage"),
    status: Prisma.raw("c.status"),
    plan: Prisma.raw("c.plan"),
    due: Prisma.raw("c.due"),
  };
}

/**
 * One figure's condition (metricSql of indicator-sql.ts, on the rollup's terms): the
 * FILTER its count sums in figureCountsQuery, and the projects its list shows
 * (figureMetricIdsQuery, the drill-down), so the two are the same rows by construction.
 */
export function figureMetricSql(m: Metric, x: FigureState): Prisma.Sql {
  const honoured = Prisma.sql`${x.status} IN ('ACTIVE', 'SUSPENDED')`;
  const started = Prisma.sql`${honoured} AND ${x.stage} IN ('STARTED', 'PRODUCING')`;
  const producing = Prisma.sql`${honoured} AND ${x.stage} = 'PRODUCING'`;
  const planStart = Prisma.sql`${x.plan} IN (1, 3) AND ${x.stage} IS NOT NULL`;
  const planProduction = Prisma.sql`${x.plan} IN (2, 3) AND ${x.stage} IS NOT NULL`;
  const sql = (() => {
    switch (m) {
      case "cohort.signed":
        return x.inCohort;
      case "cohort.honoured":
        return Prisma.sql`${x.inCohort} AND ${honoured}`;
      case "cohort.terminated":
        return Prisma.sql`${x.inCohort} AND ${x.status} = 'TERMINATED'`;
      case "cohort.landed":
        return Prisma.sql`${x.inCohort} AND ${honoured} AND ${x.stage} IN ('LANDED', 'STARTED', 'PRODUCING')`;
      case "cohort.started":
        return Prisma.sql`${x.inCohort} AND ${started}`;
      case "cohort.producing":
        return Prisma.sql`${x.inCohort} AND ${producing}`;
      case "plan.all":
        return Prisma.sql`${x.plan} >= 0 AND ${x.stage} IS NOT NULL`;
      case "plan.start":
        return planStart;
      case "plan.started":
        return Prisma.sql`${planStart} AND ${started}`;
      case "plan.due":
        return Prisma.sql`${planStart} AND ${x.due}`;
      case "plan.dueStarted":
        return Prisma.sql`${planStart} AND ${x.due} AND ${started}`;
      case "plan.production":
        return planProduction;
      case "plan.producing":
        return Prisma.sql`${planProduction} AND ${producing}`;
      case "due.notStarted":
        return Prisma.sql`${x.due} AND ${honoured} AND ${x.stage} IN ('SIGNED', 'LANDED')`;
    }
  })();
  return Prisma.sql`(${sql})`;
}

/**
 * The projects of `parkIds` with their part of period `p`'s figures: ProjectFigures `f`
 * and figure_rows `c` (its state on the period's day), one index range per park. A
 * project signed after the month's end has no row; the counts' rows are these rows summed
 * (FigureRollup is figure_rows as of the month's end, corrected to the day for a month
 * still running).
 */
export function figureFactsSql(parkIds: readonly number[], p: IndicatorPeriod, today: string): { from: Prisma.Sql; where: Prisma.Sql } {
  return {
    from: Prisma.sql`"ProjectFigures" f CROSS JOIN LATERAL figure_rows(f, ${periodMonthIndex(p)}::int, CAST(${dueAsOf(p, today)} AS date)) c`,
    where: Prisma.sql`f."parkId" = ANY(${[...parkIds]}::int[])`,
  };
}

/** The ids statement's rows (figureMetricIdsQuery's x): each project's state computed once. */
const X_COLUMNS: FigureState = {
  inCohort: Prisma.raw("x.in_cohort"),
  stage: Prisma.raw("x.stage"),
  status: Prisma.raw("x.status"),
  plan: Prisma.raw("x.plan"),
  due: Prisma.raw("x.due"),
};

/**
 * Every figure's project ids (ascending) over `parkIds` for period `p` in one statement,
 * each under the column m0, m1, … in METRICS order: the rows each count sums
 * (figureMetricSql on figure_rows). `visible`: a further condition on the project `pr`
 * (joined only then), for an actor who sees only some projects of a park.
 *
 * Each project's state is computed once (OFFSET 0: inlined, figure_rows' CASEs would be
 * evaluated again in every figure's FILTER). Its status is read from figure_rows only for
 * the projects whose status was set after the day (the log of changes decides): there,
 * figure_rows' lookup in the log makes PostgreSQL build each whole ProjectFigures row as a
 * value (~0.6 µs a row, twice the rest of the scan). For the others figure_rows' own first
 * branches are the answer — the current status, NULL before the signing — written here
 * on the columns.
 */
export function figureMetricIdsQuery(parkIds: readonly number[], p: IndicatorPeriod, today: string, visible?: Prisma.Sql): Prisma.Sql {
  const { from, where } = figureFactsSql(parkIds, p, today);
  const columns = METRICS.map(
    (m, i) => Prisma.sql`COALESCE(array_agg(x.id ORDER BY x.id) FILTER (WHERE ${figureMetricSql(m, X_COLUMNS)}), '{}') AS ${Prisma.raw(`m${i}`)}`,
  );
  const join = visible ? Prisma.sql`JOIN "Project" pr ON pr.id = f."projectId"` : Prisma.empty;
  const day = Prisma.sql`CAST(${dueAsOf(p, today)} AS date)`;
  const rows = (status: Prisma.Sql, which: Prisma.Sql) => Prisma.sql`
      SELECT f."projectId" AS id, ${factsState(p).inCohort} AS in_cohort, c.stage, ${status} AS status, c.plan, c.due
      FROM ${from} ${join}
      WHERE ${where} AND ${which}${visible ? Prisma.sql` AND ${visible}` : Prisma.empty}`;
  return Prisma.sql`
    SELECT ${Prisma.join(columns, ", ")}
    FROM (
      ${rows(Prisma.sql`CASE WHEN f."signedDate" <= ${day} THEN f.status END`, Prisma.sql`(f."statusDate" IS NULL OR f."statusDate" <= ${day})`)}
      UNION ALL
      ${rows(Prisma.sql`c.status`, Prisma.sql`f."statusDate" > ${day}`)}
      OFFSET 0
    ) x`;
}

/**
 * Every count and sum of the indicators for one or more periods in one statement (the
 * bulletin asks for this month and last month together), for one or more groupings (the
 * whole scope, per park, per industry). First the FILTERed sums per (period, park,
 * industry), then GROUPING SETS over those few rows. The conditions are metricSql's
 * (indicator-sql.ts) on the rollup's keys: the cohort is the signing year (every row of a
 * month is signed by its end), stage and status are those of the period's day.
 */
export function figureCountsQuery(parkIds: number[], periods: IndicatorPeriod[], today: string, groupBy: GroupBy[]): Prisma.Sql {
  const source = Prisma.join(
    periods.map((p, i) => figureSourceSql(parkIds, p, today, i)),
    " UNION ALL ",
  );
  const { setSql, outKey, int, money } = countsGrouping(groupBy, "j.period");
  // Each figure's condition on k's columns: the same one figureMetricIdsQuery lists the projects of.
  const count = (m: Metric) => figureMetricSql(m, K_COLUMNS);
  return Prisma.sql`
    WITH k AS NOT MATERIALIZED (
      SELECT s.*,
             s.signed_year = s.cohort AS in_cohort,
             s.status IN ('ACTIVE', 'SUSPENDED') AS honoured_s,
             s.plan >= 0 AND s.stage IS NOT NULL AS planned
      FROM (${source}) s
    ), j AS (
      SELECT period, park_key, industry_key,
             sum(projects) FILTER (WHERE ${count("cohort.signed")}) AS signed,
             sum(projects) FILTER (WHERE ${count("cohort.honoured")}) AS honoured,
             sum(projects) FILTER (WHERE ${count("cohort.terminated")}) AS terminated,
             sum(projects) FILTER (WHERE in_cohort AND status = 'SUSPENDED') AS suspended,
             sum(projects) FILTER (WHERE ${count("cohort.landed")}) AS landed,
             sum(projects) FILTER (WHERE ${count("cohort.started")}) AS started,
             sum(projects) FILTER (WHERE ${count("cohort.producing")}) AS producing,
             sum(projects) FILTER (WHERE in_cohort AND status = 'ACTIVE' AND stage = 'SIGNED') AS "activeSigned",
             sum(projects) FILTER (WHERE in_cohort AND status = 'ACTIVE' AND stage = 'LANDED') AS "activeLanded",
             sum(projects) FILTER (WHERE in_cohort AND status = 'ACTIVE' AND stage = 'STARTED') AS "activeStarted",
             sum(projects) FILTER (WHERE in_cohort AND status = 'ACTIVE' AND stage = 'PRODUCING') AS "activeProducing",
             sum("contractInvestment") FILTER (WHERE in_cohort) AS "contractInvestment",
             sum("contractInvestment") FILTER (WHERE in_cohort AND honoured_s) AS "honouredContractInvestment",
             sum("fundsArrived") FILTER (WHERE in_cohort AND honoured_s) AS "fundsArrived",
             sum(projects) FILTER (WHERE ${count("plan.all")}) AS planned,
             sum(projects) FILTER (WHERE ${count("plan.start")}) AS "planStart",
             sum(projects) FILTER (WHERE ${count("plan.started")}) AS "planStarted",
             sum(projects) FILTER (WHERE ${count("plan.due")}) AS "planDue",
             sum(projects) FILTER (WHERE ${count("plan.dueStarted")}) AS "planDueStarted",
             sum(projects) FILTER (WHERE ${count("plan.production")}) AS "planProduction",
             sum(projects) FILTER (WHERE ${count("plan.producing")}) AS "planProducing",
             sum("plannedInvestment") FILTER (WHERE planned) AS "plannedInvestment",
             sum("yearCompleted") FILTER (WHERE planned) AS "yearCompleted",
             sum("totalInvestment") FILTER (WHERE planned) AS "totalInvestment",
             sum("investmentCompleted") FILTER (WHERE planned) AS "totalCompleted",
             sum(projects) FILTER (WHERE ${count("due.notStarted")}) AS "dueNotStarted"
      FROM k
      GROUP BY 1, 2, 3
    )
    SELECT j.period, ${outKey},
           ${int("signed")}, ${int("honoured")}, ${int("terminated")}, ${int("suspended")},
           ${int("landed")}, ${int("started")}, ${int("producing")},
           ${int("activeSigned")}, ${int("activeLanded")}, ${int("activeStarted")}, ${int("activeProducing")},
           ${money("contractInvestment")}, ${money("honouredContractInvestment")}, ${money("fundsArrived")},
           ${int("planned")}, ${int("planStart")}, ${int("planStarted")}, ${int("planDue")}, ${int("planDueStarted")},
           ${int("planProduction")}, ${int("planProducing")},
           ${money("plannedInvestment")}, ${money("yearCompleted")}, ${money("totalInvestment")}, ${money("totalCompleted")},
           ${int("dueNotStarted")}
    FROM j
    GROUP BY GROUPING SETS (${setSql})`;
}

/**
 * The monthly trend (get-monthly-trend.ts, the same rows as its raw-table statement):
 *   - signings by 签约日期: a month over by the period's day whose FigureRollup is built, as
 *     is the month before it, from those two months' rollup rows (every project signed by a
 *     built month's end has its part in that month's rows, so the projects signed in the
 *     month and their 合同引资额 are the difference of the two months' sums: a few hundred
 *     rows per month instead of every signing's ProjectFigures row); any other month (not
 *     built, the month before not built, or still running on the day) from its own
 *     signings' ProjectFigures rows;
 *   - starts and productions by the day they were reached (startedOn / producedOn, by the
 *     period's day, the project not terminated that day): the status of the day on the
 *     columns (the current status when it was set by the day; figure_rows' lookup in the
 *     log of changes only for the rows whose status was set after it);
 *   - the reports summed per month from ReportRollup.
 * Each part reads only its months' rows of the parks in scope (indexes on parkId and the
 * date, FigureRollup on ym and parkId).
 */
export function figureTrendQuery(parkIds: number[], p: Pick<IndicatorPeriod, "year" | "through">, today: string): Prisma.Sql {
  const period = { year: p.year, through: p.through, cohort: p.year };
  const asOf = dueAsOf(period, today);
  const ym = periodMonthIndex(p);
  const first = p.year * 12;
  const from = Prisma.sql`CAST(${`${p.year}-01-01`} AS date)`;
  const to = Prisma.sql`CAST(${asOf} AS date)`;
  const parks = Prisma.sql`f."parkId" = ANY(${parkIds}::int[])`;
  // Honoured on the day (figure_rows' status: NULL when signed after it, else the status of the day).
  const honouredThen = Prisma.sql`CASE WHEN f."signedDate" > ${to} THEN false
    WHEN f."statusDate" IS NULL OR f."statusDate" <= ${to} THEN f.status IN ('ACTIVE', 'SUSPENDED')
    ELSE (SELECT c.status IN ('ACTIVE', 'SUSPENDED') FROM figure_rows(f, ${ym}::int, ${to}) c) END`;
  const reached = (col: "startedOn" | "producedOn") => Prisma.sql`
      SELECT date_part('month', f.${Prisma.raw(`"${col}"`)})::int AS m, count(*)::int AS n
      FROM "ProjectFigures" f WHERE ${parks} AND f.${Prisma.raw(`"${col}"`)} BETWEEN ${from} AND ${to} AND ${honouredThen} GROUP BY 1`;
  return Prisma.sql`
    WITH mo AS (
      SELECT g.m, ${first}::int + g.m - 1 AS ym, make_date(${p.year}::int, g.m, 1) AS first_day,
             (make_date(${p.year}::int, g.m, 1) + interval '1 month' - interval '1 day')::date AS last_day
      FROM generate_series(1, ${p.through}::int) AS g(m)
    ), built AS (
      SELECT b.ym FROM "FigureRollupMonth" b WHERE b.ym BETWEEN ${first - 1}::int AND ${ym}::int
    ), rolled AS (
      SELECT mo.m, mo.ym FROM mo
      WHERE mo.last_day <= ${to} AND mo.ym IN (SELECT ym FROM built) AND mo.ym - 1 IN (SELECT ym FROM built)
    ), tot AS (
      SELECT r.ym, sum(r.projects) AS n, sum(r."contractInvestment") AS amount
      FROM "FigureRollup" r
      WHERE r."parkId" = ANY(${parkIds}::int[]) AND r.ym BETWEEN ${first - 1}::int AND ${ym}::int AND r.ym IN (SELECT ym FROM rolled UNION SELECT ym - 1 FROM rolled)
      GROUP BY r.ym
    ), sg AS (
      SELECT rolled.m, (COALESCE(a.n, 0) - COALESCE(b.n, 0))::int AS n, COALESCE(a.amount, 0) - COALESCE(b.amount, 0) AS amount
      FROM rolled LEFT JOIN tot a ON a.ym = rolled.ym LEFT JOIN tot b ON b.ym = rolled.ym - 1
      UNION ALL
      SELECT mo.m, x.n, x.amount
      FROM mo CROSS JOIN LATERAL (
        SELECT count(*)::int AS n, sum(f."contractInvestment") AS amount
        FROM "ProjectFigures" f WHERE ${parks} AND f."signedDate" BETWEEN mo.first_day AND LEAST(mo.last_day, ${to})
      ) x
      WHERE mo.m NOT IN (SELECT m FROM rolled)
    ), st AS (${reached("startedOn")}
    ), pd AS (${reached("producedOn")}
    ), inv AS (
      SELECT r.ym - ${first}::int + 1 AS m, sum(r."investmentCompleted") AS inv, sum(r."fundsArrived") AS funds
      FROM "ReportRollup" r
      WHERE r."parkId" = ANY(${parkIds}::int[]) AND r.ym BETWEEN ${first}::int AND ${ym}::int GROUP BY 1
    )
    SELECT mo.m AS month,
           COALESCE(sg.n, 0) AS signed, COALESCE(sg.amount, 0)::numeric(16, 2)::text AS "contractInvestment",
           COALESCE(st.n, 0) AS started, COALESCE(pd.n, 0) AS producing,
           COALESCE(inv.inv, 0)::numeric(16, 2)::text AS "investmentCompleted", COALESCE(inv.funds, 0)::numeric(16, 2)::text AS "fundsArrived"
    FROM mo LEFT JOIN sg ON sg.m = mo.m LEFT JOIN st ON st.m = mo.m LEFT JOIN pd ON pd.m = mo.m LEFT JOIN inv ON inv.m = mo.m
    ORDER BY mo.m`;
}

/**
 * The ids of the first `limit` 应开工未开工 projects of a period (planned start on or before
 * its day, signed or landed and not terminated that day), by planned start then id: what
 * the due list shows, found on ProjectFigures (index on parkId, plannedStartDate) before
 * the list's columns are read for those few.
 */
export function figureDueIdsSql(parkIds: number[], p: IndicatorPeriod, today: string, limit: number): Prisma.Sql {
  const day = Prisma.sql`CAST(${dueAsOf(p, today)} AS date)`;
  // figure_rows' rule written on the columns (signed by the day and not started by it: its
  // stage that day is 签约 or 落地; the status of the day not 终止), so the planner can
  // estimate how many rows pass, read the index in planned-start order and stop at the limit
  // instead of sorting every due project.
  return Prisma.sql`
    SELECT f."projectId" AS id, c.stage, c.status
    FROM "ProjectFigures" f CROSS JOIN LATERAL figure_rows(f, ${periodMonthIndex(p)}::int, ${day}) c
    WHERE f."parkId" = ANY(${parkIds}::int[]) AND f."plannedStartDate" <= ${day}
      AND f."signedDate" <= ${day}
      AND (f."startedOn" IS NULL OR f."startedOn" > ${day})
      AND ((f.status <> 'TERMINATED' AND (f."statusDate" IS NULL OR f."statusDate" <= ${day}))
           OR (f."statusDate" > ${day} AND c.status <> 'TERMINATED'))
    ORDER BY f."plannedStartDate", f."projectId"
    LIMIT ${limit}`;
}
