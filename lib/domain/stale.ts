// A project is "stale" when it has stayed in its stage longer than the park allows.
// 投产 is the last stage: a producing project is never stale.
import type { Stage } from "./stages";

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
