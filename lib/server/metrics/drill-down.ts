import "server-only";
// Drill-down: each dashboard figure's projects as a Prisma filter for the ledger list
// (lib/server/projects/list-projects.ts), the same sets as metricSql in indicator-sql.ts.
// The integration tests compare the list's total with the figure for every metric.

import type { Prisma } from "@/lib/db/generated/prisma/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type IndicatorPeriod, type Metric, cohortWindow, defaultPeriod, dueAsOf } from "@/lib/domain/indicators";
import { type Actor, parksWith } from "@/lib/domain/permissions";

/** The period a drill-down URL names (period=YYYY-MM, cohort=YYYY), with the dashboard's defaults. */
export function drillPeriod(f: { period?: string; cohort?: number }, today = todayInShanghai()): IndicatorPeriod {
  const d = defaultPeriod(today);
  const [year, through] = f.period ? f.period.split("-").map(Number) : [d.year, d.through];
  return { year, through, cohort: f.cohort ?? year };
}

const honoured: Prisma.ProjectWhereInput = { status: { not: "TERMINATED" } };
const started: Prisma.ProjectWhereInput = { ...honoured, stage: { in: ["STARTED", "PRODUCING"] } };
const producing: Prisma.ProjectWhereInput = { ...honoured, stage: "PRODUCING" };

/** One metric's projects as a Prisma filter (without scope). */
export function metricWhere(m: Metric, p: IndicatorPeriod, today = todayInShanghai()): Prisma.ProjectWhereInput {
  const { from, to } = cohortWindow(p);
  const cohort: Prisma.ProjectWhereInput = { signedDate: { gte: isoToDate(from), lte: isoToDate(to) } };
  const due: Prisma.ProjectWhereInput = { plannedStartDate: { lte: isoToDate(dueAsOf(p, today)) } };
  const plan = (extra: { planStart?: boolean; planProduction?: boolean } = {}): Prisma.ProjectWhereInput => ({
    yearPlans: { some: { year: p.year, ...extra } },
  });
  switch (m) {
    case "cohort.signed":
      return cohort;
    case "cohort.honoured":
      return { AND: [cohort, honoured] };
    case "cohort.terminated":
      return { AND: [cohort, { status: "TERMINATED" }] };
    case "cohort.landed":
      return { AND: [cohort, honoured, { stage: { not: "SIGNED" } }] };
    case "cohort.started":
      return { AND: [cohort, started] };
    case "cohort.producing":
      return { AND: [cohort, producing] };
    case "plan.all":
      return plan();
    case "plan.start":
      return plan({ planStart: true });
    case "plan.started":
      return { AND: [plan({ planStart: true }), started] };
    case "plan.due":
      return { AND: [plan({ planStart: true }), due] };
    case "plan.dueStarted":
      return { AND: [plan({ planStart: true }), due, started] };
    case "plan.production":
      return plan({ planProduction: true });
    case "plan.producing":
      return { AND: [plan({ planProduction: true }), producing] };
    case "due.notStarted":
      return { AND: [due, honoured, { stage: { in: ["SIGNED", "LANDED"] } }] };
  }
}

/**
 * A figure's projects for the list: the metric's set within the parks whose dashboard the
 * actor reads (the figures' own scope), so the list's total equals the figure.
 */
export function drillDownWhere(actor: Actor, f: { metric: Metric; period?: string; cohort?: number }, today = todayInShanghai()): Prisma.ProjectWhereInput {
  return { AND: [{ parkId: { in: parksWith(actor, "dashboard.read") } }, metricWhere(f.metric, drillPeriod(f, today), today)] };
}
