import "server-only";
// The traffic-light rules of lib/domain/warnings.ts as SQL, so lists can filter and page
// by light in the database. The thresholds come in per park (a VALUES table built from
// Park.warningRules), the dates as constants computed once per request. The lights are
// those of the setup's day (ctx.today): today on the warnings page, the board and the
// ledger; a period's last day for the bulletin's red list. Each project is read as it
// stood that day (stage, status and start date from business dates: the as-of rule of
// lib/domain/as-of.ts, on the project's row of the figures rollup, ProjectFigures, through
// figure_rows), its plan of that year and its reports of the months up to then (the
// running totals and report counts of ProjectFigures, kept by the database on every write:
// one row per project instead of three lookups of its reports).

import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { FILING_LOOKBACK_MONTHS, filingDueDate, lastCompletedMonth, monthIndex, monthOf, monthsElapsed } from "@/lib/domain/filing";
import { type LightContext, type LightInputs, type LightResult, type WarningRules, evaluateLights, lightOfRank } from "@/lib/domain/warnings";
import { parkWarningRules } from "@/lib/validation/warning-rules";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { tryWorkingDays } from "@/lib/domain/working-days";

export interface LightSetup {
  ctx: LightContext;
  year: number;
  lastIdx: number;
  lastDuePassed: boolean;
  rules: Map<number, WarningRules>;
}

/** The light context of a day (today by default; dates, last month's due date from the holiday table) and the parks' rules. Two queries. */
export async function loadLightSetup(db: Db, parkIds: number[], today = todayInShanghai()): Promise<LightSetup> {
  const last = lastCompletedMonth(today);
  const [cal, parks] = await Promise.all([
    loadCalendar(db, addDays(today, -45), addDays(today, 45)),
    db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, warningRules: true } }),
  ]);
  // Last month's due date needs the calendar of the year it falls in; until that is entered it is not yet past.
  const due = tryWorkingDays(() => filingDueDate(last, cal)).value;
  const lastMonthDue = due ?? "待定（节假日安排尚未录入）";
  return {
    ctx: { today, monthsElapsed: monthsElapsed(today), lastMonth: last, lastMonthDue },
    year: Number(today.slice(0, 4)),
    lastIdx: monthIndex(last),
    lastDuePassed: due !== null && today > due,
    rules: new Map(parks.map((p) => [p.id, parkWarningRules(p.warningRules)])),
  };
}

/** The parks' rules as a VALUES table `ru`. */
export function rulesValues(setup: LightSetup): Prisma.Sql {
  const rows = [...setup.rules].map(
    ([parkId, r]) =>
      Prisma.sql`(${parkId}::int, ${r.start.enabled}::boolean, ${r.start.redMonthsLate}::int, ${r.progress.enabled}::boolean, ${r.progress.yellowPoints}::int, ${r.progress.redPoints}::int, ${r.filing.enabled}::boolean)`,
  );
  if (rows.length === 0) rows.push(Prisma.sql`(NULL::int, false, 3, false, 10, 30, false)`);
  return Prisma.sql`ru(park_id, start_on, start_red, prog_on, prog_yellow, prog_red, filing_on) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * A project's status on `day` (figure_rows' as-of status) on the columns of its
 * ProjectFigures row pf (NULL before its signing): figure_rows' lookup in the log of
 * status changes is passed the whole row, which makes PostgreSQL build every row as a value
 * (~0.6 µs a row) even where the log is not read.
 */
export function statusOnDaySql(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN pf."signedDate" > ${day} THEN NULL
                  WHEN pf."statusDate" IS NULL OR pf."statusDate" <= ${day} THEN pf.status
                  ELSE COALESCE((SELECT u.s FROM unnest(pf."statusChangeDates", pf."statusChanges") WITH ORDINALITY u(dt, s, i)
                                 WHERE u.dt <= ${day} ORDER BY u.i DESC LIMIT 1), 'ACTIVE') END`;
}

/**
 * A CTE list ending in `lights`: one row per project matching `where` (over "Project" pr,
 * "Park" pk, its figures' row "ProjectFigures" pf, and `ao`, the project as it
 * stood on the setup's day: ao.stage, ao.status, ao.started_on, NULL before its signing), with the rule inputs (stage, status
 * and actualStartDate as of that day) and the light ranks (1 green, 2 yellow, 3 red, NULL
 * not applicable) as start_light, progress_light, filing_light, overall_light. `before`:
 * further CTEs between the parks' rules `ru` and the lights, which may read `ru`.
 */
export function litCte(setup: LightSetup, where: Prisma.Sql, before?: Prisma.Sql): Prisma.Sql {
  const { ctx, year, lastIdx, lastDuePassed } = setup;
  const e = ctx.monthsElapsed;
  const overdueTo = lastDuePassed ? lastIdx : lastIdx - 1;
  const lookFrom = lastIdx - FILING_LOOKBACK_MONTHS + 1;
  // Month indexes (year * 12 + month - 1) of the running totals read: the year's completion is
  // the total at month e of the year less the total at the end of the year before.
  const yearStart = year * 12 - 1;
  const yearEnd = year * 12 + e - 1;
  const todayIdx = monthIndex(monthOf(ctx.today));
  const day = Prisma.sql`CAST(${ctx.today} AS date)`;
  const cum = (arr: string, at: Prisma.Sql) => Prisma.sql`COALESCE(figure_cum(pf.${Prisma.raw(`"${arr}"`)}, pf."reportFrom", ${at}), 0)`;
  // Each project's inputs and lights are computed once per row (the OFFSET 0 laterals):
  // inlined, every reference to them would repeat their expressions.
  return Prisma.sql`${rulesValues(setup)},${before ? Prisma.sql`
  ${before},` : Prisma.empty}
  inp AS (
    SELECT pr.id, pr."parkId", pr.code, pk.name AS park_name, ao.stage, ao.status, pr."plannedStartDate", ao.started_on AS "actualStartDate",
           x."plannedInvestment", x.completed, x.files, x.overdue_months, x.pending_last, x.sm, ru.*
    FROM "Project" pr
    JOIN "ProjectFigures" pf ON pf."projectId" = pr.id
    LEFT JOIN LATERAL (
      SELECT c.stage,
             -- figure_rows' status, written on the columns: its lookup in the log of status
             -- changes, passed the whole row, makes PostgreSQL build every ProjectFigures row
             -- as a value (~0.6 µs a row) even where the log is not read.
             ${statusOnDaySql(day)} AS status,
             CASE WHEN pf."startedOn" <= ${day} THEN pf."startedOn" END AS started_on
      FROM figure_rows(pf, ${todayIdx}::int, ${day}) c
    ) ao ON true
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN ru ON ru.park_id = pf."parkId"
    CROSS JOIN LATERAL (
      SELECT (date_part('year', ao.started_on) * 12 + date_part('month', ao.started_on) - 1)::int AS start_idx,
             GREATEST((date_part('year', ao.started_on) * 12 + date_part('month', ao.started_on) - 1)::int, ${lookFrom}::int) AS from_idx
    ) s
    CROSS JOIN LATERAL (
      SELECT pf."planInvestment"[array_position(pf."planYears", ${year}::int)] AS "plannedInvestment",
             ${cum("cumInvestment", Prisma.sql`${yearEnd}::int`)} - ${cum("cumInvestment", Prisma.sql`${yearStart}::int`)} AS completed,
             COALESCE(ao.status = 'ACTIVE' AND ao.started_on IS NOT NULL, false) AS files,
             GREATEST(0, ${overdueTo}::int - s.from_idx + 1 - (${cum("cumReports", Prisma.sql`${overdueTo}::int`)} - ${cum("cumReports", Prisma.sql`s.from_idx - 1`)})) AS overdue_months,
             (NOT ${lastDuePassed}::boolean AND s.start_idx <= ${lastIdx}::int
              AND ${cum("cumReports", Prisma.sql`${lastIdx}::int`)} = ${cum("cumReports", Prisma.sql`${lastIdx - 1}::int`)}) AS pending_last,
             -- Timed from the start month for projects that started this year (lib/domain/warnings progressLight).
             CASE WHEN date_part('year', ao.started_on) = ${year}::int THEN date_part('month', ao.started_on)::int ELSE 1 END AS sm
      OFFSET 0
    ) x
    WHERE ${where}
  ),
  lights AS (
    SELECT inp.*, l.*, GREATEST(l.start_light, l.progress_light, l.filing_light) AS overall_light
    FROM inp
    CROSS JOIN LATERAL (SELECT 13 - inp.sm AS ps, GREATEST(0, ${e}::int - (inp.sm - 1)) AS pe) pt
    CROSS JOIN LATERAL (
      SELECT
        CASE WHEN NOT inp.start_on OR inp.status IS DISTINCT FROM 'ACTIVE' THEN NULL
             WHEN inp.stage IN ('STARTED', 'PRODUCING') THEN 1
             WHEN inp."plannedStartDate" IS NULL THEN NULL
             WHEN ${day} >= (inp."plannedStartDate" + make_interval(months => inp.start_red))::date THEN 3
             WHEN date_trunc('month', inp."plannedStartDate") <= date_trunc('month', ${day}) THEN 2
             ELSE 1 END AS start_light,
        CASE WHEN NOT inp.prog_on OR inp.status IS DISTINCT FROM 'ACTIVE' OR inp.stage NOT IN ('STARTED', 'PRODUCING') OR inp."plannedInvestment" IS NULL OR inp."plannedInvestment" <= 0 THEN NULL
             WHEN pt.pe > 0 AND 100 * pt.pe * inp."plannedInvestment" - 100 * pt.ps * inp.completed > inp.prog_red * pt.ps * inp."plannedInvestment" THEN 3
             WHEN pt.pe > 0 AND 100 * pt.pe * inp."plannedInvestment" - 100 * pt.ps * inp.completed >= inp.prog_yellow * pt.ps * inp."plannedInvestment" THEN 2
             ELSE 1 END AS progress_light,
        CASE WHEN NOT inp.filing_on OR NOT inp.files THEN NULL
             WHEN inp.overdue_months > 0 THEN 3
             WHEN inp.pending_last THEN 2
             ELSE 1 END AS filing_light
      OFFSET 0
    ) l
  )`;
}

/**
 * "Active on the setup's day" for a litCte `where`, as the planner can estimate it: the
 * current status when it was set by then (or never dated), else the day's status from the
 * status changes (ao.status). Equal to `ao.status = 'ACTIVE'`, whose CASE the planner takes
 * for one row in two hundred, and then plans nested loops over every project.
 */
export function activeOnDaySql(setup: LightSetup): Prisma.Sql {
  const day = Prisma.sql`CAST(${setup.ctx.today} AS date)`;
  return Prisma.sql`(pf."signedDate" <= ${day} AND ((pf.status = 'ACTIVE' AND (pf."statusDate" IS NULL OR pf."statusDate" <= ${day}))
    OR (pf."statusDate" > ${day} AND ao.status = 'ACTIVE')))`;
}

/**
 * "This rule's light (or the overall light, `kind` undefined) is red" as one condition on a
 * project's row pf of ProjectFigures and its park's rules `ru`, for a
 * project active on the setup's day (the caller's condition: activeOnDaySql). The red branch
 * of each rule of litCte, written on the columns without the other lights' inputs, so the
 * red list tells red from not red for every project of its scope cheaply and computes the
 * lights of its page's rows only. tests/integration/warnings.test.ts holds it equal to the
 * lights.
 */
export function redOnDaySql(setup: LightSetup, kind?: "start" | "progress" | "filing"): Prisma.Sql {
  const { ctx, year, lastIdx, lastDuePassed } = setup;
  const e = ctx.monthsElapsed;
  const overdueTo = lastDuePassed ? lastIdx : lastIdx - 1;
  const lookFrom = lastIdx - FILING_LOOKBACK_MONTHS + 1;
  const day = Prisma.sql`CAST(${ctx.today} AS date)`;
  const startedOn = Prisma.sql`(CASE WHEN pf."startedOn" <= ${day} THEN pf."startedOn" END)`;
  // figure_rows' stage of the day is 开工 or 投产.
  const startedStage = Prisma.sql`(pf."producedOn" <= ${day} OR pf."startedOn" <= ${day})`;
  const cum = (arr: string, at: Prisma.Sql) => Prisma.sql`COALESCE(figure_cum(pf.${Prisma.raw(`"${arr}"`)}, pf."reportFrom", ${at}), 0)`;
  const start = Prisma.sql`(ru.start_on AND NOT COALESCE(${startedStage}, false) AND pf."plannedStartDate" IS NOT NULL
      AND ${day} >= (pf."plannedStartDate" + make_interval(months => ru.start_red))::date)`;
  // progressLight: timed from the start month for projects that started this year.
  const sm = Prisma.sql`(CASE WHEN date_part('year', ${startedOn}) = ${year}::int THEN date_part('month', ${startedOn})::int ELSE 1 END)`;
  const ps = Prisma.sql`(13 - ${sm})`;
  const pe = Prisma.sql`GREATEST(0, ${e}::int - (${sm} - 1))`;
  const planned = Prisma.sql`pf."planInvestment"[array_position(pf."planYears", ${year}::int)]`;
  const completed = Prisma.sql`(${cum("cumInvestment", Prisma.sql`${year * 12 + e - 1}::int`)} - ${cum("cumInvestment", Prisma.sql`${year * 12 - 1}::int`)})`;
  const progress = Prisma.sql`(ru.prog_on AND COALESCE(${startedStage}, false) AND ${planned} > 0 AND ${pe} > 0
      AND 100 * ${pe} * ${planned} - 100 * ${ps} * ${completed} > ru.prog_red * ${ps} * ${planned})`;
  // The months without a report from the start month (or the lookback's first month, if later)
  // to the last month due. (The filing branch holds only for a start by the day: its start
  // date is pf."startedOn"; a start before the lookback's first month counts from that month,
  // a constant, so figure_cum is inlined there.)
  const missedFrom = (from: Prisma.Sql) => Prisma.sql`${overdueTo}::int - ${from} + 1 - (${cum("cumReports", Prisma.sql`${overdueTo}::int`)} - ${cum("cumReports", Prisma.sql`${from} - 1`)})`;
  const lookFromDate = `${Math.floor(lookFrom / 12)}-${String((lookFrom % 12) + 1).padStart(2, "0")}-01`;
  const filing = Prisma.sql`(ru.filing_on AND pf."startedOn" <= ${day}
      AND CASE WHEN pf."startedOn" < CAST(${lookFromDate} AS date) THEN ${missedFrom(Prisma.sql`${lookFrom}::int`)}
               ELSE ${missedFrom(Prisma.sql`(date_part('year', pf."startedOn") * 12 + date_part('month', pf."startedOn") - 1)::int`)} END > 0)`;
  const rules = { start, progress, filing };
  return kind ? Prisma.sql`COALESCE(${rules[kind]}, false)` : Prisma.sql`COALESCE(${start} OR ${progress} OR ${filing}, false)`;
}

/** Columns of `lights` a caller selects to build a LightResult with lightFromRow. */
export const LIGHT_COLUMNS = Prisma.sql`lights.stage, lights.status, lights."plannedStartDate", lights."actualStartDate",
  lights."plannedInvestment"::text AS "plannedInvestment", lights.completed::text AS completed, lights.overdue_months AS "overdueMonths",
  COALESCE(lights.pending_last, false) AS "pendingLast", lights.start_light AS "startLight", lights.progress_light AS "progressLight",
  lights.filing_light AS "filingLight", lights.overall_light AS "overallLight", lights."parkId"`;

export interface LightRow {
  parkId: number;
  stage: string;
  status: string;
  plannedStartDate: Date | null;
  actualStartDate: Date | null;
  plannedInvestment: string | null;
  completed: string;
  overdueMonths: number;
  pendingLast: boolean;
  startLight: number | null;
  progressLight: number | null;
  filingLight: number | null;
  overallLight: number | null;
}

export function inputsFromRow(r: LightRow): LightInputs {
  return {
    stage: r.stage,
    status: r.status,
    plannedStartDate: r.plannedStartDate ? dateToIso(r.plannedStartDate) : null,
    actualStartDate: r.actualStartDate ? dateToIso(r.actualStartDate) : null,
    plannedInvestment: r.plannedInvestment,
    completedThisYear: r.completed,
    overdueMonths: r.overdueMonths,
    pendingLastMonth: r.pendingLast,
  };
}

/** The SQL lights with the reasons and figures of the pure rule on the same inputs. */
export function lightFromRow(setup: LightSetup, r: LightRow): LightResult {
  const rules = setup.rules.get(r.parkId)!;
  const pure = evaluateLights(inputsFromRow(r), rules, setup.ctx);
  return {
    ...pure,
    overall: lightOfRank(r.overallLight),
    start: lightOfRank(r.startLight),
    progress: lightOfRank(r.progressLight),
    filing: lightOfRank(r.filingLight),
  };
}
