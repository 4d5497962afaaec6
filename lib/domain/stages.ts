// The lifecycle 签约 -> 落地 -> 开工 -> 投产. Stages are cumulative: a producing project
// has also landed and started, and counts in "started" totals.

export const STAGES = ["SIGNED", "LANDED", "STARTED", "PRODUCING"] as const;
export type Stage = (typeof STAGES)[number];

export const PROJECT_STATUSES = ["ACTIVE", "SUSPENDED", "TERMINATED"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  SIGNED: "签约",
  LANDED: "落地",
  STARTED: "开工",
  PRODUCING: "投产",
};

export const STATUS_LABELS: Record<ProjectStatus, string> = {
  ACTIVE: "正常推进",
  SUSPENDED: "暂缓",
  TERMINATED: "终止",
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function isStage(value: unknown): value is Stage {
  return typeof value === "string" && (STAGES as readonly string[]).includes(value);
}

/** True when a project at `current` counts as having reached `target` (cumulative counting). */
export function hasReached(current: Stage, target: Stage): boolean {
  return stageIndex(current) >= stageIndex(target);
}

/** The stages passed through when moving forward from `from` to `to`, in order (excluding `from`). */
export function stagesBetween(from: Stage, to: Stage): Stage[] {
  const a = stageIndex(from);
  const b = stageIndex(to);
  return b > a ? STAGES.slice(a + 1, b + 1) : [];
}
