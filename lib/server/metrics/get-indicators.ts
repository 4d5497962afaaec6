import "server-only";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { type Indicator, type IndicatorCounts, type IndicatorPeriod, computeIndicators, dueAsOf, timeProgress } from "@/lib/domain/indicators";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { type CountsRow, countsOf, figuresDbFor, metricSql, projectsAsOfSql, queryCounts, scopeParkIds, scopeSql, seesWholeParks } from "./indicator-sql";
import { figureDueIdsSql } from "./figure-sql";

export const DUE_LIST_LIMIT = 20;

export interface DueNotStartedItem {
  id: number;
  code: string;
  name: string;
  parkName: string;
  stage: Stage;
  status: ProjectStatus;
  plannedStartDate: string;
  /** Days past the planned start, judged at the period's as-of day. */
  daysLate: number;
  /** statusReason, else the latest monthly report's 存在问题, else the project's 存在问题. */
  reason: string | null;
  openIssues: number;
}

export interface IndicatorsResult {
  period: IndicatorPeriod;
  asOf: string;
  parkIds: number[];
  counts: IndicatorCounts;
  indicators: Indicator[];
  timeProgress: number;
  /** The cohort by the board's columns as of the period's as-of day: active projects per stage, then the two status lanes. */
  boardColumns: { SIGNED: number; LANDED: number; STARTED: number; PRODUCING: number; SUSPENDED: number; TERMINATED: number };
  dueNotStarted: DueNotStartedItem[];
}

/**
 * The headline indicators for a scope and period, every project as it stood on the
 * period's as-of day (`asOf`: its last day, or today if earlier): one statement of
 * FILTERed counts and sums (indicator-sql.ts), and the first 应开工未开工 projects with
 * their reasons (the whole list is the drill-down metric due.notStarted).
 */
export async function getIndicators(actor: Actor, scope: IndicatorScope, today = todayInShanghai()): Promise<IndicatorsResult> {
  const parkIds = await scopeParkIds(actor, scope);
  const period: IndicatorPeriod = { year: scope.year, through: scope.through, cohort: scope.cohort };
  const asOf = dueAsOf(period, today);
  const [[row], due] = await Promise.all([
    queryCounts(actor, parkIds, period, today, "none"),
    figuresDbFor(actor, parkIds).$queryRaw<DueRow[]>(dueNotStartedQuery(actor, parkIds, period, today)),
  ]);
  return toIndicatorsResult(row, due, period, asOf, parkIds);
}

export type DueRow = Omit<DueNotStartedItem, "plannedStartDate"> & { plannedStartDate: Date };

/** Shapes the whole-scope counts row and the due list (shared with get-dashboard.ts). */
export function toIndicatorsResult(row: CountsRow, due: DueRow[], period: IndicatorPeriod, asOf: string, parkIds: number[]): IndicatorsResult {
  const counts = countsOf(row);
  return {
    period,
    asOf,
    parkIds,
    counts,
    indicators: computeIndicators(counts, period.through),
    timeProgress: timeProgress(period.through),
    boardColumns: {
      SIGNED: row.activeSigned,
      LANDED: row.activeLanded,
      STARTED: row.activeStarted,
      PRODUCING: row.activeProducing,
      SUSPENDED: counts.suspended,
      TERMINATED: counts.terminated,
    },
    dueNotStarted: due.map((d) => ({ ...d, plannedStartDate: dateToIso(d.plannedStartDate) })),
  };
}

/**
 * The first 应开工未开工 projects with their reasons (exported for the benchmark), with
 * stage and status as of the period's as-of day. The reason: the suspension's reason when
 * the project stood suspended that day (the current one, or that 暂缓 event's note when it
 * has changed since), else the 存在问题 of its latest monthly report within the period,
 * else the project's own 存在问题. Open problems are counted as they are now. The projects
 * are found on the figures rollup's ProjectFigures (figureDueIdsSql), or with the raw
 * as-of join for an actor who sees only some projects of a park (or when `source` is
 * "raw": the reference, for the tests and the benchmark).
 */
export function dueNotStartedQuery(actor: Actor, parkIds: number[], period: IndicatorPeriod, today: string, source: "auto" | "raw" = "auto"): Prisma.Sql {
  const asOf = dueAsOf(period, today);
  const day = Prisma.sql`CAST(${asOf} AS date)`;
  const columns = (state: string) => {
    const st = Prisma.raw(state);
    return Prisma.sql`pr.id, pr.code, pr.name, pk.name AS "parkName", ${st}.stage, ${st}.status,
           pr."plannedStartDate", (${day} - pr."plannedStartDate")::int AS "daysLate",
           COALESCE(CASE WHEN ${st}.status = 'SUSPENDED' THEN
                      CASE WHEN pr."statusDate" IS NULL OR pr."statusDate" <= ${day} THEN NULLIF(pr."statusReason", '')
                           ELSE (SELECT NULLIF(se.note, '') FROM "StageEvent" se
                                  WHERE se."projectId" = pr.id AND se.type = 'SUSPEND' AND se."businessDate" <= ${day}
                                  ORDER BY se."businessDate" DESC, se.id DESC LIMIT 1) END
                    END,
                    (SELECT NULLIF(rp.problems, '') FROM "ProgressReport" rp
                      WHERE rp."projectId" = pr.id AND (rp.year < ${period.year}::int OR (rp.year = ${period.year}::int AND rp.month <= ${period.through}::int))
                      ORDER BY rp.year DESC, rp.month DESC LIMIT 1),
                    NULLIF(pr.problems, '')) AS reason,
           (SELECT count(*) FROM "EnterpriseIssue" i WHERE i."projectId" = pr.id AND i.status <> 'CLOSED')::int AS "openIssues"`;
  };
  if (source === "auto" && seesWholeParks(actor, parkIds)) {
    return Prisma.sql`
      WITH d AS MATERIALIZED (${figureDueIdsSql(parkIds, period, today, DUE_LIST_LIMIT)})
      SELECT ${columns("d")}
      FROM d JOIN "Project" pr ON pr.id = d.id
      JOIN "Park" pk ON pk.id = pr."parkId"
      ORDER BY pr."plannedStartDate" ASC, pr.id ASC`;
  }
  return Prisma.sql`
    SELECT ${columns("ao")}
    FROM ${projectsAsOfSql(period, today)}
    JOIN "Park" pk ON pk.id = pr."parkId"
    WHERE ${scopeSql(actor, parkIds)} AND ${metricSql("due.notStarted", period, today)}
    ORDER BY pr."plannedStartDate" ASC, pr.id ASC
    LIMIT ${DUE_LIST_LIMIT}`;
}
