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
function rulesValues(setup: LightSetup): Prisma.Sql {
  const rows = [...setup.rules].map(
    ([parkId, r]) =>
      Prisma.sql`(${parkId}::int, ${r.start.enabled}::boolean, ${r.start.redMonthsLate}::int, ${r.progress.enabled}::boolean, ${r.progress.yellowPoints}::int, ${r.progress.redPoints}::int, ${r.filing.enabled}::boolean)`,
  );
  if (rows.length === 0) rows.push(Prisma.sql`(NULL::int, false, 3, false, 10, 30, false)`);
  return Prisma.sql`ru(park_id, start_on, start_red, prog_on, prog_yellow, prog_red, filing_on) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * A CTE list ending in `lights`: one row per project matching `where` (over "Project" pr,
 * "Park" pk, "Enterprise" e, and `ao`, the project as it stood on the setup's day: ao.stage,
 * ao.status, ao.started_on, NULL before its signing), with the rule inputs (stage, status
 * and actualStartDate as of that day) and the light ranks (1 green, 2 yellow, 3 red, NULL
 * not applicable) as start_light, progress_light, filing_light, overall_light.
 */
export function litCte(setup: LightSetup, where: Prisma.Sql): Prisma.Sql {
  const { ctx, year, lastIdx, lastDuePassed } = setup;
  const e = ctx.monthsElapsed;
  const overdueTo = lastDuePassed ? lastIdx : lastIdx - 1;
  const lookFrom = lastIdx - FILING_LOOKBACK_MONTHS + 1;
  // Month indexes (year * 12 + month - 1) of the running totals read: the year's completion is
  // the total at month e of the year less the total at the end of the year before.
  const yearStart = year * 12 - 1;
  const yearEnd = year * 12 + e - 1;
  const todayIdx = monthIndex(monthOf(ctx.today));
  return Prisma.sql`${rulesValues(setup)},
  inp AS (
    SELECT pr.id, pr."parkId", ao.stage, ao.status, pr."plannedStartDate", ao.started_on AS "actualStartDate",
           pf."planInvestment"[array_position(pf."planYears", ${year}::int)] AS "plannedInvestment",
           COALESCE(figure_cum(pf."cumInvestment", pf."reportFrom", ${yearEnd}::int), 0) - COALESCE(figure_cum(pf."cumInvestment", pf."reportFrom", ${yearStart}::int), 0) AS completed,
           COALESCE(ao.status = 'ACTIVE' AND ao.started_on IS NOT NULL, false) AS files,
           GREATEST(0, ${overdueTo}::int - f.from_idx + 1
                       - (COALESCE(figure_cum(pf."cumReports", pf."reportFrom", ${overdueTo}::int), 0) - COALESCE(figure_cum(pf."cumReports", pf."reportFrom", f.from_idx - 1), 0))) AS overdue_months,
           (NOT ${lastDuePassed}::boolean AND s.start_idx <= ${lastIdx}::int
            AND COALESCE(figure_cum(pf."cumReports", pf."reportFrom", ${lastIdx}::int), 0) = COALESCE(figure_cum(pf."cumReports", pf."reportFrom", ${lastIdx - 1}::int), 0)) AS pending_last,
           ru.*
    FROM "Project" pr
    JOIN "ProjectFigures" pf ON pf."projectId" = pr.id
    LEFT JOIN LATERAL (
      SELECT c.stage, c.status, CASE WHEN pf."startedOn" <= CAST(${ctx.today} AS date) THEN pf."startedOn" END AS started_on
      FROM figure_rows(pf, ${todayIdx}::int, CAST(${ctx.today} AS date)) c
    ) ao ON true
    JOIN "Park" pk ON pk.id = pr."parkId"
    JOIN "Enterprise" e ON e.id = pr."enterpriseId"
    JOIN ru ON ru.park_id = pr."parkId"
    CROSS JOIN LATERAL (SELECT (extract(year FROM ao.started_on) * 12 + extract(month FROM ao.started_on) - 1)::int AS start_idx) s
    CROSS JOIN LATERAL (SELECT GREATEST(s.start_idx, ${lookFrom}::int) AS from_idx) f
    WHERE ${where}
  ),
  lit AS (
    SELECT inp.*,
      CASE WHEN NOT start_on OR status IS DISTINCT FROM 'ACTIVE' THEN NULL
           WHEN stage IN ('STARTED', 'PRODUCING') THEN 1
           WHEN "plannedStartDate" IS NULL THEN NULL
           WHEN CAST(${ctx.today} AS date) >= ("plannedStartDate" + make_interval(months => start_red))::date THEN 3
           WHEN date_trunc('month', "plannedStartDate") <= date_trunc('month', CAST(${ctx.today} AS date)) THEN 2
           ELSE 1 END AS start_light,
      CASE WHEN NOT prog_on OR status IS DISTINCT FROM 'ACTIVE' OR stage NOT IN ('STARTED', 'PRODUCING') OR "plannedInvestment" IS NULL OR "plannedInvestment" <= 0 THEN NULL
           WHEN pe > 0 AND 100 * pe * "plannedInvestment" - 100 * ps * completed > prog_red * ps * "plannedInvestment" THEN 3
           WHEN pe > 0 AND 100 * pe * "plannedInvestment" - 100 * ps * completed >= prog_yellow * ps * "plannedInvestment" THEN 2
           ELSE 1 END AS progress_light,
      CASE WHEN NOT filing_on OR NOT files THEN NULL
           WHEN overdue_months > 0 THEN 3
           WHEN pending_last THEN 2
           ELSE 1 END AS filing_light
    FROM inp
    -- Timed from the start month for projects that started this year (lib/domain/warnings progressLight).
    CROSS JOIN LATERAL (SELECT CASE WHEN extract(year FROM inp."actualStartDate") = ${year}::int THEN extract(month FROM inp."actualStartDate")::int ELSE 1 END AS sm) st
    CROSS JOIN LATERAL (SELECT 13 - st.sm AS ps, GREATEST(0, ${e}::int - (st.sm - 1)) AS pe) pt
  ),
  lights AS (
    SELECT lit.*, GREATEST(start_light, progress_light, filing_light) AS overall_light FROM lit
  )`;
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
