import "server-only";
// Stage and status AS OF a date in SQL: the twin of lib/domain/as-of.ts (the rule and its
// reasons are written there), used by every period figure: the indicator counts, the
// 应开工未开工 list, the monthly trend, the drill-down lists and the lights of a past day.
// tests/integration/metrics.test.ts and warnings.test.ts hold it equal to the pure rule.
//
// Every condition compares a Project date column with the constant day directly, so the
// predicates stay usable by indexes; the StageEvent log is read only for a project whose
// status changed after the day (one indexed lookup by projectId).

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
 * The status of `alias` on the day, as text; NULL before its signing. The current status
 * when it was set on or before the day (or never dated); otherwise the status set by the
 * latest 暂缓/终止/恢复推进 event dated on or before the day, ACTIVE before the first.
 */
export function statusAsOfSql(asOf: string, alias = "pr"): Prisma.Sql {
  const d = day(asOf);
  return Prisma.sql`(CASE
    WHEN ${col(alias, "signedDate")} > ${d} THEN NULL
    WHEN ${col(alias, "statusDate")} IS NULL OR ${col(alias, "statusDate")} <= ${d} THEN ${col(alias, "status")}::text
    ELSE COALESCE((SELECT se."toStatus"::text FROM "StageEvent" se
                    WHERE se."projectId" = ${col(alias, "id")} AND se.type IN ('SUSPEND', 'TERMINATE', 'RESUME') AND se."businessDate" <= ${d}
                    ORDER BY se."businessDate" DESC, se.id DESC LIMIT 1), 'ACTIVE')
  END)`;
}

/**
 * A LATERAL join after "Project" `alias` giving, once per row, the project as it stood on
 * the day: `ao.stage` and `ao.status` (text, NULL before its signing) and `ao.started_on`
 * (the date it started, NULL when it had not started by then).
 */
export function asOfJoin(asOf: string, alias = "pr", as = "ao"): Prisma.Sql {
  return Prisma.sql`CROSS JOIN LATERAL (
    SELECT ${stageAsOfSql(asOf, alias)} AS stage, ${statusAsOfSql(asOf, alias)} AS status,
           CASE WHEN ${reachedSql("STARTED", asOf, alias)} THEN ${reachedOnSql("STARTED", alias)} END AS started_on
  ) ${Prisma.raw(as)}`;
}
