// A project is "stale" (滞留) when it has stayed in its stage longer than the park allows.
// 投产 is the last stage: a producing project is never stale. Only an active project is
// flagged: a suspended or terminated one is not moving on purpose. The board's SQL
// (staleSql in lib/server/board/get-board.ts) is the same rule; tests/integration/stale.test.ts
// holds the two equal on the same rows. See docs/domain.md#stale-projects.
import type { ProjectStatus, Stage } from "./stages";

export interface StaleThresholds {
  staleDaysSigned: number;
  staleDaysLanded: number;
  staleDaysStarted: number;
}

export const DEFAULT_STALE_THRESHOLDS: StaleThresholds = { staleDaysSigned: 90, staleDaysLanded: 180, staleDaysStarted: 365 };

export function staleThreshold(stage: Stage, t: StaleThresholds): number | null {
  switch (stage) {
    case "SIGNED":
      return t.staleDaysSigned;
    case "LANDED":
      return t.staleDaysLanded;
    case "STARTED":
      return t.staleDaysStarted;
    case "PRODUCING":
      return null;
  }
}

export function isStale(stage: Stage, daysInStage: number, t: StaleThresholds): boolean {
  const limit = staleThreshold(stage, t);
  return limit !== null && daysInStage > limit;
}

/** The board's 滞留 flag for a project: active, and longer in its stage than the park allows. */
export function isStaleProject(p: { stage: Stage; status: ProjectStatus; daysInStage: number }, t: StaleThresholds): boolean {
  return p.status === "ACTIVE" && isStale(p.stage, p.daysInStage, t);
}
