import "server-only";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { dueAsOf } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { reachedOnSql } from "./as-of-sql";
import { figuresDbFor, projectsAsOfSql, scopeParkIds, scopeSql, seesWholeParks } from "./indicator-sql";
import { figureTrendQuery } from "./figure-sql";

export interface TrendMonth {
  month: number;
  /** Projects signed in the month and their 合同引资额 (万元). */
  signed: number;
  contractInvestment: string;
  /** Projects that started / went into production in the month, counted as in the cohort figures: by the period's as-of day, not terminated then. */
  started: number;
  producing: number;
  /** 本月完成投资 and 到位资金 of all monthly reports in scope (万元). */
  investmentCompleted: string;
  fundsArrived: string;
}

/**
 * January..through of the period's year, one row per month (months without events show
 * zeros), every project as it stood on the period's as-of day. One statement: three
 * GROUP BYs of project dates and one of the monthly reports, joined on the months of
 * generate_series.
 */
export async function getMonthlyTrend(actor: Actor, scope: IndicatorScope, today = todayInShanghai()): Promise<TrendMonth[]> {
  const parkIds = await scopeParkIds(actor, scope);
  return figuresDbFor(actor, parkIds).$queryRaw<TrendMonth[]>(monthlyTrendQuery(actor, parkIds, scope, today));
}

/**
 * The trend's statement (exported for the benchmark, which runs it through pg directly):
 * from the figures rollup (figure-sql.ts) for an actor who reads whole parks, else over
 * the raw tables.
 * A start or production counts in the month it was reached (lib/domain/as-of reachedOn)
 * when it was reached by the as-of day and the project was not terminated then: a start
 * later rolled back is in no month, one terminated after the period still counts.
 */
export function monthlyTrendQuery(actor: Actor, parkIds: number[], scope: Pick<IndicatorScope, "year" | "through">, today = todayInShanghai()): Prisma.Sql {
  return seesWholeParks(actor, parkIds) ? figureTrendQuery(parkIds, scope, today) : rawMonthlyTrendQuery(actor, parkIds, scope, today);
}

/** The trend over the raw tables with the actor's project visibility: the reference figureTrendQuery (figure-sql.ts) is held to. */
export function rawMonthlyTrendQuery(actor: Actor, parkIds: number[], scope: Pick<IndicatorScope, "year" | "through">, today = todayInShanghai()): Prisma.Sql {
  const period = { year: scope.year, through: scope.through, cohort: scope.year };
  const from = Prisma.sql`CAST(${`${scope.year}-01-01`} AS date)`;
  const to = Prisma.sql`CAST(${dueAsOf(period, today)} AS date)`;
  const where = scopeSql(actor, parkIds);
  const projects = projectsAsOfSql(period, today);
  const honoured = Prisma.sql`ao.status IN ('ACTIVE', 'SUSPENDED')`;
  return Prisma.sql`
    WITH sg AS (
      SELECT extract(month FROM pr."signedDate")::int AS m, count(*)::int AS n, sum(pr."contractInvestment") AS amount
      FROM "Project" pr WHERE ${where} AND pr."signedDate" BETWEEN ${from} AND ${to} GROUP BY 1
    ), st AS (
      SELECT extract(month FROM ao.started_on)::int AS m, count(*)::int AS n
      FROM ${projects} WHERE ${where} AND ${honoured} AND ao.started_on >= ${from} GROUP BY 1
    ), pd AS (
      SELECT extract(month FROM po.produced_on)::int AS m, count(*)::int AS n
      FROM ${projects} CROSS JOIN LATERAL (SELECT ${reachedOnSql("PRODUCING")} AS produced_on) po
      WHERE ${where} AND ${honoured} AND ao.stage = 'PRODUCING' AND po.produced_on >= ${from} GROUP BY 1
    ), inv AS (
      SELECT rp.month AS m, sum(rp."investmentCompleted") AS inv, sum(rp."fundsArrived") AS funds
      FROM "ProgressReport" rp JOIN "Project" pr ON pr.id = rp."projectId"
      WHERE ${where} AND rp.year = ${scope.year}::int AND rp.month <= ${scope.through}::int GROUP BY 1
    )
    SELECT g.m AS month,
           COALESCE(sg.n, 0) AS signed, COALESCE(sg.amount, 0)::numeric(16, 2)::text AS "contractInvestment",
           COALESCE(st.n, 0) AS started, COALESCE(pd.n, 0) AS producing,
           COALESCE(inv.inv, 0)::numeric(16, 2)::text AS "investmentCompleted", COALESCE(inv.funds, 0)::numeric(16, 2)::text AS "fundsArrived"
    FROM generate_series(1, ${scope.through}::int) AS g(m)
    LEFT JOIN sg ON sg.m = g.m LEFT JOIN st ON st.m = g.m LEFT JOIN pd ON pd.m = g.m LEFT JOIN inv ON inv.m = g.m
    ORDER BY g.m`;
}
