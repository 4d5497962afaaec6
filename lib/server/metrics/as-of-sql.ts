import "server-only";
// Stage and status AS OF a date in SQL: the twin of lib/domain/as-of.ts (the rule and its
// reasons are written there), used by every period figure: the indicator counts, the
// 应开工未开工 list, the monthly trend, the drill-down lists and the lights of a past day.
// tests/integration/metrics.test.ts and warnings.test.ts hold it equal to the pure rule.
//
// Every condition compares a Project date column with the constant day directly, so the
// predicates stay usable by indexes; the StageEvent log is read only for the projects whose
// status changed after the day.

import { Prisma } from "@/lib/db/generated/prisma/client";
import { STAGE_DATE_FIELDS } from "@/lib/domain/transitions";
import { STAGES, type Stage, stageIndex } from "@/lib/domain/stages";

const col = (alias: string, column: string) => Prisma.raw(`${alias}."${column}"`);
const day = (asOf: string) => Prisma.sql`CAST(${asOf} AS date)`;
const stageList = (stages: readonly Stage[]) => Prisma.raw(stages.map((s) => `'${s}'`).join(", "));

/** The stages from `stage` up: a project at any of them has reached `stage`. */
function fromStage(stage: Stage): readonly Stage[] {
  return STAGES.slice(stageIndex(stage));
}

/** The dated stages up to `stage` (landed, started, producing), whose dates a reach depends on. */
function datedUpTo(stage: Stage): readonly Stage[] {
  return STAGES.slice(1, stageIndex(stage) + 1);
}

/**
 * `alias` had reached `stage` on or before the day: its current stage is at or above it,
 * it was signed by then, and each dated stage up to it (its own date, or stageDate where
 * that is missing) is on or before the day.
 */
export function reachedSql(stage: Stage, asOf: string, alias = "pr"): Prisma.Sql {
  const d = day(asOf);
  const parts = [Prisma.sql`${col(alias, "signedDate")} <= ${d}`];
  if (stage !== "SIGNED") parts.unshift(Prisma.sql`${col(alias, "stage")} IN (${stageList(fromStage(stage))})`);
  for (const s of datedUpTo(stage)) {
    const c = col(alias, STAGE_DATE_FIELDS[s]);
    parts.push(Prisma.sql`(${c} <= ${d} OR (${c} IS NULL AND ${col(alias, "stageDate")} <= ${d}))`);
  }
  return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
}

/** The date `alias` reached `stage` (lib/domain/as-of reachedOn), NULL when its current stage is below it. */
export function reachedOnSql(stage: Stage, alias = "pr"): Prisma.Sql {
  if (stage === "SIGNED") return col(alias, "signedDate");
  const dates = datedUpTo(stage).map((s) => Prisma.sql`COALESCE(${col(alias, STAGE_DATE_FIELDS[s])}, ${col(alias, "stageDate")})`);
  return Prisma.sql`(CASE WHEN ${col(alias, "stage")} IN (${stageList(fromStage(stage))}) THEN GREATEST(${col(alias, "signedDate")}, ${Prisma.join(dates, ", ")}) END)`;
}

/** The stage of `alias` on the day, as text; NULL before its signing. */
export function stageAsOfSql(asOf: string, alias = "pr"): Prisma.Sql {
  const whens = [...STAGES].reverse().map((s) => Prisma.sql`WHEN ${reachedSql(s, asOf, alias)} THEN ${Prisma.raw(`'${s}'`)}`);
  return Prisma.sql`(CASE ${Prisma.join(whens, " ")} END)`;
}

/**
 * A join after "Project" `alias` giving, once per row, the project as it stood on the day:
 * `ao.stage` and `ao.status` (text, NULL before its signing) and `ao.started_on` (the date
 * it started, NULL when it had not started by then).
 *
 * The status is the current one when it was set on or before the day (or never dated);
 * otherwise the one set by the latest 暂缓/终止/恢复推进 event dated on or before the day
 * (the latest entered on a tie), ACTIVE before the first. Those events are read in one
 * hash-joined pass over the projects whose status changed after the day, not per row.
 * OFFSET 0 keeps the projection a single evaluation per project: inlined, every reference
 * to ao.stage would repeat its CASE (and the statement's size would make PostgreSQL's JIT
 * compile for seconds).
 */
export function asOfJoin(asOf: string, alias = "pr", as = "ao"): Prisma.Sql {
  const d = day(asOf);
  const a = Prisma.raw(as);
  const changed = Prisma.raw(`${as}_changed`);
  return Prisma.sql`LEFT JOIN (
    SELECT DISTINCT ON (se."projectId") se."projectId" AS project_id, se."toStatus"::text AS status
    FROM "StageEvent" se JOIN "Project" sp ON sp.id = se."projectId"
    WHERE sp."statusDate" > ${d} AND se.type IN ('SUSPEND', 'TERMINATE', 'RESUME') AND se."businessDate" <= ${d}
    ORDER BY se."projectId", se."businessDate" DESC, se.id DESC
  ) ${changed} ON ${changed}.project_id = ${col(alias, "id")}
  CROSS JOIN LATERAL (
    SELECT ${stageAsOfSql(asOf, alias)} AS stage,
           CASE WHEN ${col(alias, "signedDate")} > ${d} THEN NULL
                WHEN ${col(alias, "statusDate")} IS NULL OR ${col(alias, "statusDate")} <= ${d} THEN ${col(alias, "status")}::text
                ELSE COALESCE(${changed}.status, 'ACTIVE') END AS status,
           CASE WHEN ${reachedSql("STARTED", asOf, alias)} THEN ${reachedOnSql("STARTED", alias)} END AS started_on
    OFFSET 0
  ) ${a}`;
}
