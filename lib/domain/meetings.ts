// 每月会商 (monthly coordination meeting): scope keys, months, agenda item kinds and the
// follow-up task rules. Pure: no I/O. See docs/meetings.md.

import { daysBetween } from "./dates";
import { STAGE_LABELS, type Stage } from "./stages";

export const MEETING_ITEM_KINDS = ["ISSUE", "RED_PROJECT", "NOT_STARTED", "STALE_PROJECT", "FOLLOW_UP", "FREE"] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

export const MEETING_ITEM_KIND_LABELS: Record<MeetingItemKind, string> = {
  ISSUE: "企业诉求",
  RED_PROJECT: "亮红灯项目",
  NOT_STARTED: "应开工未开工",
  STALE_PROJECT: "阶段滞留项目",
  FOLLOW_UP: "往期会商跟踪事项",
  FREE: "其他议题",
};

export const MEETING_STATUS_LABELS = { PREPARED: "议程已定", HELD: "已召开" } as const;
export type MeetingStatus = keyof typeof MEETING_STATUS_LABELS;

export const TITLE_MAX = 100;
export const ITEM_TITLE_MAX = 200;
export const LOCATION_MAX = 100;
export const DECISION_MAX = 2000;
export const TASK_TITLE_MAX = 500;
export const DONE_NOTE_MAX = 1000;
export const ATTENDEE_NAME_MAX = 50;
export const ATTENDEE_UNIT_MAX = 100;
export const EXTERNAL_ATTENDEES_MAX = 50;
export const TASK_WORKDAYS_MIN = 1;
export const TASK_WORKDAYS_MAX = 120;
/** Most rows an agenda source contributes; the leader adds any other item by hand. */
export const AGENDA_SOURCE_LIMIT = 50;

export type MeetingScope = { kind: "park"; id: number } | { kind: "region"; id: number };

export function scopeKey(scope: MeetingScope): string {
  return `${scope.kind}:${scope.id}`;
}

/** "park:3" / "region:1" -> scope, else null. */
export function parseScopeKey(value: string | null | undefined): MeetingScope | null {
  const m = /^(park|region):([1-9][0-9]{0,9})$/.exec(value ?? "");
  if (!m) return null;
  const id = Number(m[2]);
  if (id > 2_147_483_647) return null;
  return { kind: m[1] as "park" | "region", id };
}

/** "2026-11" -> "2026-11-01"; null for anything else. */
export function monthStart(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value ?? "");
  if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) return null;
  return `${m[1]}-${m[2]}-01`;
}

/** The last day of the month starting on `start` (YYYY-MM-01). */
export function monthEnd(start: string): string {
  const y = Number(start.slice(0, 4));
  const mo = Number(start.slice(5, 7));
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${start.slice(0, 8)}${String(last).padStart(2, "0")}`;
}

export function monthLabel(start: string): string {
  return `${Number(start.slice(0, 4))} 年 ${Number(start.slice(5, 7))} 月`;
}

/**
 * Why a problem is on the agenda (the reasons the translator knows, messages server.pattern
 * aLevel3 / aOverdue): level 3, and past its deadline on `today`.
 */
export function issueAgendaReason(i: { level: number; deadline: string }, today: string): string {
  const why: string[] = [];
  if (i.level === 3) why.push("三级诉求（提请工委/管委会商）");
  if (i.deadline < today) why.push(`超过办结时限 ${daysBetween(i.deadline, today)} 天（时限 ${i.deadline}）`);
  return why.join("；");
}

/** Why a project due to start is on the agenda: its planned start passed, still at its stage. */
export function notStartedAgendaReason(p: { plannedStartDate: string; stage: Stage }, today: string): string {
  return `计划开工 ${p.plannedStartDate}，已过 ${daysBetween(p.plannedStartDate, today)} 天仍在${STAGE_LABELS[p.stage]}阶段`;
}

/** Why a project stale in its stage is on the agenda: the days at its stage against the park's limit. */
export function staleAgendaReason(p: { stage: Stage; stageDate: string; threshold: number }, today: string): string {
  return `在${STAGE_LABELS[p.stage]}阶段已 ${daysBetween(p.stageDate, today)} 天（园区规定 ${p.threshold} 天）`;
}

export function defaultMeetingTitle(scopeName: string, start: string): string {
  return `${scopeName}${monthLabel(start)}项目推进会商`;
}

export interface TaskState {
  status: "OPEN" | "DONE";
  deadline: string;
  doneDate: string | null;
}

/** A task is overdue while open after its deadline (judged on `today`). */
export function isTaskOverdue(t: TaskState, today: string): boolean {
  return t.status === "OPEN" && today > t.deadline;
}

/** Done after its deadline. */
export function doneLate(t: TaskState): boolean {
  return t.status === "DONE" && t.doneDate !== null && t.doneDate > t.deadline;
}

export function taskStateLabel(t: TaskState, today: string): string {
  if (t.status === "DONE") return doneLate(t) ? "已完成（超期）" : "已完成";
  return isTaskOverdue(t, today) ? "已超期" : "办理中";
}

/** The owner of a task, or a leader of the meeting's scope, marks it done. */
export function mayCloseTask(t: { ownerId: number; status: "OPEN" | "DONE" }, actor: { userId: number }, leadsScope: boolean): boolean {
  return t.status === "OPEN" && (t.ownerId === actor.userId || leadsScope);
}
