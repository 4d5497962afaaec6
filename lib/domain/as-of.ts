// Stage and status AS OF a date (docs/indicators.md#as-of-the-periods-end): every figure
// for a period (the dashboard, the bulletin, their drill-down lists, rankings, the red list
// of a past month) reads a project as it stood at the end of the period, from business
// dates, not as it stands today. The board and the ledger show today.
//
// Sources of truth:
// - Stage: the dates of the stages on the Project row (签约日期, 落地日期, 实际开工日期,
//   实际投产日期) together with the current stage. A correction back to an earlier stage
//   (更正回退) clears the dates above it, so a start that was rolled back never counts, in
//   any period; a stage counts only while the current stage is at or above it. A stage whose
//   own date is missing (ledgers imported before the dates were kept) is dated by stageDate,
//   the date the current stage was reached: the latest day it is known to have been reached.
//   Stages are cumulative, so a stage counts from the latest of its own date and the dates
//   of the stages before it; several stages reached on one day all count from that day.
// - Status: Project.status holds since Project.statusDate (a status without a date holds
//   since signing). Before statusDate, the status is the one set by the latest 暂缓 / 终止 /
//   恢复推进 StageEvent dated on or before the day (the latest entered on a tie), and ACTIVE
//   before the first. A project terminated in November is still honoured in Jan–Oct figures.
// - A project not yet signed on the day has neither (null): it is in no figure.
//
// The SQL twin is lib/server/metrics/as-of-sql.ts; tests/integration/metrics.test.ts holds
// the two equal through countIndicators.

import { STAGES, type ProjectStatus, type Stage, stageIndex } from "./stages";
import { STAGE_DATE_FIELDS } from "./transitions";

/** What "stage as of a date" reads from a project (dates YYYY-MM-DD). */
export interface StageHistory {
  /** The current stage and the date it was reached. */
  stage: Stage;
  stageDate: string;
  signedDate: string;
  landedDate: string | null;
  actualStartDate: string | null;
  actualProductionDate: string | null;
}

/** A status change (暂缓 SUSPEND, 终止 TERMINATE, 恢复推进 RESUME): its business date and the status it set. */
export interface StatusChange {
  date: string;
  status: ProjectStatus;
}

/** What "status as of a date" reads from a project. */
export interface StatusHistory {
  signedDate: string;
  /** The current status and the business date it was set (null: never changed). */
  status: ProjectStatus;
  statusDate: string | null;
  /** The status changes in the order they were entered (StageEvent id order). */
  statusChanges: readonly StatusChange[];
}

/**
 * The business date the project reached `stage`, or null when its current stage is below
 * it: the latest of that stage's date and the dates of the stages before it, a missing
 * date standing for stageDate.
 */
export function reachedOn(p: StageHistory, stage: Stage): string | null {
  if (stageIndex(p.stage) < stageIndex(stage)) return null;
  let on = p.signedDate;
  for (const s of STAGES.slice(1, stageIndex(stage) + 1)) {
    const d = p[STAGE_DATE_FIELDS[s]] ?? p.stageDate;
    if (d > on) on = d;
  }
  return on;
}

/** True when the project had reached `stage` on or before `date`. */
export function reachedBy(p: StageHistory, stage: Stage, date: string): boolean {
  const on = reachedOn(p, stage);
  return on !== null && on <= date;
}

/** The stage the project stood at on `date` (the last stage reached by then); null before its signing. */
export function stageAsOf(p: StageHistory, date: string): Stage | null {
  let stage: Stage | null = null;
  for (const s of STAGES) {
    if (!reachedBy(p, s, date)) break;
    stage = s;
  }
  return stage;
}

/** The project's status on `date`; null before its signing. */
export function statusAsOf(p: StatusHistory, date: string): ProjectStatus | null {
  if (p.signedDate > date) return null;
  if (p.statusDate === null || p.statusDate <= date) return p.status;
  let status: ProjectStatus = "ACTIVE";
  let latest: string | null = null;
  for (const c of p.statusChanges) {
    if (c.date <= date && (latest === null || c.date >= latest)) {
      latest = c.date;
      status = c.status;
    }
  }
  return status;
}

/** A project as it stood on `date`: stage, status and the date it started (null when not started by then). */
export interface ProjectAsOf {
  stage: Stage | null;
  status: ProjectStatus | null;
  startedOn: string | null;
}

export function projectAsOf(p: StageHistory & StatusHistory, date: string): ProjectAsOf {
  const stage = stageAsOf(p, date);
  return {
    stage,
    status: statusAsOf(p, date),
    startedOn: stage === "STARTED" || stage === "PRODUCING" ? reachedOn(p, "STARTED") : null,
  };
}
