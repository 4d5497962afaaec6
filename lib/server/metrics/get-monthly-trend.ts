import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { periodEnd } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import type { IndicatorScope } from "@/lib/validation/indicator-scope";
import { scopeParkIds, scopeSql } from "./indicator-sql";

export interface TrendMonth {
  month: number;
  /** Projects signed in the month and their 合同引资额 (万元). */
  signed: number;
  contractInvestment: string;
  /** Honoured projects that started / went into production in the month (actual dates), counted as in the cohort figures. */
  started: number;
  producing: number;
  /** 本月完成投资 and 到位资金 of all monthly reports in scope (万元). */
  investmentCompleted: string;
  fundsArrived: string;
}

/**
 * January..through of the period's year, one row per month (months without events show
 * zeros). One statement: three GROUP BYs of project dates and one of the monthly reports,
 * joined on the months of generate_series.
 */
export async function getMonthlyTrend(actor: Actor, scope: IndicatorScope, _today = todayInShanghai()): Promise<TrendMonth[]> {
  const parkIds = await scopeParkIds(actor, scope);
  return getDb().$queryRaw<TrendMonth[]>(monthlyTrendQuery(actor, parkIds, scope));
}

/** The trend's statement (exported for the benchmark, which runs it through pg directly). */
export function monthlyTrendQuery(actor: Actor, parkIds: number[], scope: Pick<IndicatorScope, "year" | "through">): Prisma.Sql {
  const from = `${scope.year}-01-01`;
  const to = periodEnd(scope.year, scope.through);
  const where = scopeSql(actor, parkIds);
  const within = (col: string) => Prisma.sql`pr.${Prisma.raw(`"${col}"`)} BETWEEN CAST(${from} AS date) AND CAST(${to} AS date)`;
  const month = (col: string) => Prisma.sql`extract(month FROM pr.${Prisma.raw(`"${col}"`)})::int`;
  return Prisma.sql`
    WITH sg AS (
      SELECT ${month("signedDate")} AS m, count(*)::int AS n, sum(pr."contractInvestment") AS amount
      FROM "Project" pr WHERE ${where} AND ${within("signedDate")} GROUP BY 1
    ), st AS (
      SELECT ${month("actualStartDate")} AS m, count(*)::int AS n
      FROM "Project" pr WHERE ${where} AND ${within("actualStartDate")}
        AND pr.status <> 'TERMINATED' AND pr.stage IN ('STARTED', 'PRODUCING') GROUP BY 1
    ), pd AS (
      SELECT ${month("actualProductionDate")} AS m, count(*)::int AS n
      FROM "Project" pr WHERE ${where} AND ${within("actualProductionDate")}
        AND pr.status <> 'TERMINATED' AND pr.stage = 'PRODUCING' GROUP BY 1
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
