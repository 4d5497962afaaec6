// Enterprise problems (诉求) as data, with their rules. Pure: lib/server calls
// applyIssueAction inside every write, the browser may call it (or allowedIssueActions)
// to show what is possible, so no path can skip a rule.
//
// Rules (docs/domain.md#enterprise-problems):
// - lifecycle 收集 COLLECTED -> 交办 ASSIGNED -> 办理 IN_PROGRESS -> 反馈 ANSWERED -> 销号 CLOSED,
//   one step at a time; every change is an IssueEvent;
// - closing records the enterprise's satisfaction. Less than 满意 reopens the problem for
//   one review round (back to IN_PROGRESS, reopenCount + 1, a REOPENED event); after that
//   round the enterprise's rating stands and the problem is closed with an explanation
//   (otherwise the satisfaction rate could only ever be 100%);
// - deadlines are working days from the raised date, by category; a leader may change
//   them; an extension is asked with a reason while the deadline has not passed, for a
//   later date, and approved or rejected by the 包保领导 (or a park leader);
// - escalation 三级协调: 1 the liaison, 2 the 包保领导 (who then answers for it), 3 the
//   park's 工委/管委 meeting; each step needs a note; level 3 is the top;
// - overdue: not closed and the resolve deadline is before today (Asia/Shanghai).
//
// Event shapes follow the demo seed (prisma/seed/liaison.ts): status moves are
// STATUS_CHANGED with from/to status; CLOSED carries data.satisfaction; REOPENED goes
// CLOSED -> IN_PROGRESS; ESCALATED carries from/to level; EXTENSION_REQUESTED carries
// data.requestedDeadline; an approval is EXTENSION_APPROVED then DEADLINE_CHANGED
// with data { from, to }.

import { isIsoDate } from "./dates";
import { type WorkCalendar, addWorkingDays, nextWorkingDay } from "./working-days";

// ---------------------------------------------------------------- vocabulary

export const ISSUE_CATEGORIES = ["LAND", "PLANNING_APPROVAL", "UTILITIES", "FINANCING", "LABOR", "POLICY", "LOGISTICS", "SAFETY_ENV", "OTHER"] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const ISSUE_CATEGORY_LABELS: Record<IssueCategory, string> = {
  LAND: "用地",
  PLANNING_APPROVAL: "规划审批",
  UTILITIES: "水电气",
  FINANCING: "融资",
  LABOR: "用工",
  POLICY: "政策兑现",
  LOGISTICS: "物流",
  SAFETY_ENV: "安全环保",
  OTHER: "其他",
};

/** 限时办结 defaults in working days: answer within 3, resolve within 15 for the slow categories, 7 otherwise. */
export const CATEGORY_DEADLINES: Record<IssueCategory, { answer: number; resolve: number }> = {
  LAND: { answer: 3, resolve: 15 },
  PLANNING_APPROVAL: { answer: 3, resolve: 15 },
  UTILITIES: { answer: 3, resolve: 7 },
  FINANCING: { answer: 3, resolve: 15 },
  LABOR: { answer: 3, resolve: 7 },
  POLICY: { answer: 3, resolve: 7 },
  LOGISTICS: { answer: 3, resolve: 7 },
  SAFETY_ENV: { answer: 3, resolve: 7 },
  OTHER: { answer: 3, resolve: 7 },
};

export const ISSUE_STATUSES = ["COLLECTED", "ASSIGNED", "IN_PROGRESS", "ANSWERED", "CLOSED"] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  COLLECTED: "收集",
  ASSIGNED: "交办",
  IN_PROGRESS: "办理",
  ANSWERED: "反馈",
  CLOSED: "销号",
};

export const SATISFACTIONS = ["SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  SATISFIED: "满意",
  BASICALLY_SATISFIED: "基本满意",
  DISSATISFIED: "不满意",
};

export const ISSUE_LEVELS = [1, 2, 3] as const;
export type IssueLevel = (typeof ISSUE_LEVELS)[number];
export const MAX_LEVEL = 3;

export const ISSUE_LEVEL_LABELS: Record<number, string> = {
  1: "一级（包保责任人）",
  2: "二级（包保领导）",
  3: "三级（工委/管委会议）",
};

/** Review rounds a problem gets after a rating below 满意; after them the rating stands. */
export const MAX_REVIEWS = 1;

export const ISSUE_EVENT_TYPES = [
  "CREATED",
  "STATUS_CHANGED",
  "ESCALATED",
  "COMMENTED",
  "DEADLINE_CHANGED",
  "EXTENSION_REQUESTED",
  "EXTENSION_APPROVED",
  "EXTENSION_REJECTED",
  "REASSIGNED",
  "CLOSED",
  "REOPENED",
  "HANDOFF_ACCEPTED",
] as const;
export type IssueEventType = (typeof ISSUE_EVENT_TYPES)[number];

export const ISSUE_EVENT_LABELS: Record<IssueEventType, string> = {
  CREATED: "登记",
  STATUS_CHANGED: "状态变更",
  ESCALATED: "提级协调",
  COMMENTED: "备注",
  DEADLINE_CHANGED: "调整时限",
  EXTENSION_REQUESTED: "申请延期",
  EXTENSION_APPROVED: "同意延期",
  EXTENSION_REJECTED: "不同意延期",
  REASSIGNED: "调整责任",
  CLOSED: "销号",
  REOPENED: "重新办理",
  HANDOFF_ACCEPTED: "接收首问移交",
};

export const EXTENSION_STATUS_LABELS: Record<string, string> = { PENDING: "待审批", APPROVED: "已同意", REJECTED: "未同意" };

export const VISIT_KINDS = ["ON_SITE", "PHONE", "MEETING"] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { ON_SITE: "走访", PHONE: "电话", MEETING: "座谈" };

export const NOTIFICATION_KINDS = [
  "ISSUE_ASSIGNED",
  "ISSUE_ESCALATED",
  "ISSUE_DUE_TOMORROW",
  "ISSUE_OVERDUE",
  "ISSUE_REOPENED",
  "EXTENSION_REQUESTED",
  "EXTENSION_DECIDED",
  "SYSTEM",
  "ASSIGNMENT_CREATED",
  "VISIT_DUE",
  "VISIT_OVERDUE",
  "FILING_DUE",
  "FILING_MISSED",
  "PROJECT_RED",
  "SUPERVISION_ISSUED",
  "SUPERVISION_REPLIED",
  "SUPERVISION_RETURNED",
  "SUPERVISION_CLOSED",
  "SUPERVISION_DUE",
  "SUPERVISION_OVERDUE",
  "HANDOFF_PENDING",
  "HANDOFF_ACCEPTED",
  "DAILY_DIGEST",
  "MEETING_TASK_DUE",
  "MEETING_TASK_OVERDUE",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  ISSUE_ASSIGNED: "交办给我",
  ISSUE_ESCALATED: "提级协调",
  ISSUE_DUE_TOMORROW: "即将到期",
  ISSUE_OVERDUE: "已超期",
  ISSUE_REOPENED: "重新办理",
  EXTENSION_REQUESTED: "延期申请",
  EXTENSION_DECIDED: "延期审批结果",
  SYSTEM: "系统消息",
  ASSIGNMENT_CREATED: "新的包保任务",
  VISIT_DUE: "走访即将到期",
  VISIT_OVERDUE: "走访已超期",
  FILING_DUE: "月报即将截止",
  FILING_MISSED: "月报逾期未报",
  PROJECT_RED: "项目亮红灯",
  SUPERVISION_ISSUED: "收到督办函",
  SUPERVISION_REPLIED: "督办待审核",
  SUPERVISION_RETURNED: "督办被退回",
  SUPERVISION_CLOSED: "督办已销号",
  SUPERVISION_DUE: "督办即将到期",
  SUPERVISION_OVERDUE: "督办已超期",
  HANDOFF_PENDING: "首问移交待接收",
  HANDOFF_ACCEPTED: "首问移交已接收",
  DAILY_DIGEST: "每日待办",
  MEETING_TASK_DUE: "会商事项即将到期",
  MEETING_TASK_OVERDUE: "会商事项已超期",
};

// Length limits, checked here and by lib/validation/issues.ts.
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const ANSWER_MAX = 2000;
export const NOTE_MAX = 1000;
export const REASON_MAX = 500;
export const UNIT_MAX = 100;
export const PERSON_MAX = 50;

// ---------------------------------------------------------------- deadlines

/** Default answer and resolve deadlines for a problem raised on `raisedDate`. */
export function defaultDeadlines(category: IssueCategory, raisedDate: string, cal: WorkCalendar): { answerDeadline: string; resolveDeadline: string } {
  const d = CATEGORY_DEADLINES[category];
  return { answerDeadline: addWorkingDays(raisedDate, d.answer, cal), resolveDeadline: addWorkingDays(raisedDate, d.resolve, cal) };
}

/** Not closed and the resolve deadline is before today. */
export function isOverdue(issue: { status: IssueStatus; resolveDeadline: string }, today: string): boolean {
  return issue.status !== "CLOSED" && issue.resolveDeadline < today;
}

/**
 * Due by the end of the next working day: today, or tomorrow (on a Friday, through
 * Monday), so a reminder is not lost over a weekend or a holiday.
 */
export function dueTomorrow(issue: { status: IssueStatus; resolveDeadline: string }, today: string, cal: WorkCalendar): boolean {
  return issue.status !== "CLOSED" && issue.resolveDeadline >= today && issue.resolveDeadline <= nextWorkingDay(today, cal);
}

// ---------------------------------------------------------------- actions

export const ISSUE_ACTIONS = [
  "assign",
  "reassign",
  "start",
  "answer",
  "close",
  "reopen",
  "escalate",
  "comment",
  "setDeadline",
  "requestExtension",
  "decideExtension",
] as const;
export type IssueActionName = (typeof ISSUE_ACTIONS)[number];

export const ISSUE_ACTION_LABELS: Record<IssueActionName, string> = {
  assign: "交办",
  reassign: "调整责任单位/负责人",
  start: "开始办理",
  answer: "反馈办理结果",
  close: "销号",
  reopen: "重新办理",
  escalate: "提级协调",
  comment: "备注",
  setDeadline: "调整时限",
  requestExtension: "申请延期",
  decideExtension: "审批延期",
};

type Text = string | null | undefined;

export type IssueAction =
  /** responsibleUserId: blank keeps the current responsible user (one is never removed, only changed). */
  | { action: "assign"; responsibleUnit: Text; responsibleUserId?: number | null; note?: Text }
  /** responsibleUnit: undefined keeps it; responsibleUserId: blank keeps it. */
  | { action: "reassign"; responsibleUnit?: Text; responsibleUserId?: number | null; note?: Text }
  | { action: "start"; note?: Text }
  | { action: "answer"; answer: Text; date?: Text }
  | { action: "close"; satisfaction: Satisfaction; date?: Text; note?: Text }
  | { action: "reopen"; note: Text }
  | { action: "escalate"; note: Text }
  | { action: "comment"; note: Text }
  | { action: "setDeadline"; resolveDeadline: Text; answerDeadline?: Text; note?: Text }
  | { action: "requestExtension"; requestedDeadline: Text; reason: Text }
  | { action: "decideExtension"; extensionId: number; decision: "APPROVED" | "REJECTED"; note?: Text };

/** What the rules need to know about a stored problem; dates are YYYY-MM-DD. */
export interface IssueState {
  status: IssueStatus;
  level: number;
  raisedDate: string;
  answerDeadline: string | null;
  resolveDeadline: string;
  answeredDate: string | null;
  closedDate: string | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
  responsibleUnit: string | null;
  responsibleUserId: number | null;
  /** The extension request awaiting a decision, if any (at most one at a time). */
  pendingExtension: { id: number; requestedDeadline: string } | null;
}

export interface IssueContext {
  /** Today in Asia/Shanghai. */
  today: string;
  /** The 包保领导 who takes the problem over at level 2 (the server looks them up). */
  leaderUserId?: number | null;
}

export type EventData = Record<string, string | number | null>;

/** One IssueEvent row to write. */
export interface IssueEventDraft {
  type: IssueEventType;
  fromStatus: IssueStatus | null;
  toStatus: IssueStatus | null;
  fromLevel: number | null;
  toLevel: number | null;
  note: string | null;
  data: EventData | null;
}

/** The EnterpriseIssue columns an action writes (dates YYYY-MM-DD; null clears). */
export type IssuePatch = Partial<{
  status: IssueStatus;
  level: number;
  responsibleUnit: string | null;
  responsibleUserId: number | null;
  answerDeadline: string | null;
  resolveDeadline: string;
  answeredDate: string | null;
  answer: string | null;
  closedDate: string | null;
  satisfaction: Satisfaction | null;
  reopenCount: number;
}>;

/** What else the server does besides the patch and events: extension rows and who to tell. */
export interface IssueEffects {
  /** Tell this user the problem is now theirs. */
  assignedTo?: number;
  /** Tell the people of this level. */
  escalatedTo?: number;
  /** Tell the responsible user and the liaison. */
  reopened?: boolean;
  /** Create a PENDING IssueExtension and tell the deciders. */
  extensionRequested?: { requestedDeadline: string; reason: string };
  /** Decide the pending IssueExtension and tell its requester. */
  extensionDecided?: { id: number; status: "APPROVED" | "REJECTED"; note: string };
}

export type FieldErrors = Record<string, string[]>;
export type IssueTransition = { ok: true; patch: IssuePatch; events: IssueEventDraft[]; effects: IssueEffects } | { ok: false; errors: FieldErrors };

/** Who may take an action: "write" (issue.write) or "lead" (issue.lead in the park, or the problem's 包保领导). */
export type Authority = "write" | "lead";

/** Escalating to level 3, changing deadlines and deciding extensions are a leader's. */
export function authorityFor(action: IssueActionName, state: Pick<IssueState, "level">): Authority {
  if (action === "setDeadline" || action === "decideExtension") return "lead";
  if (action === "escalate" && state.level >= 2) return "lead";
  return "write";
}

const OPEN_BEFORE_ANSWER: readonly IssueStatus[] = ["COLLECTED", "ASSIGNED", "IN_PROGRESS"];
const NOT_CLOSED: readonly IssueStatus[] = ["COLLECTED", "ASSIGNED", "IN_PROGRESS", "ANSWERED"];

/** Statuses each action starts from. */
export const ACTION_FROM: Record<IssueActionName, readonly IssueStatus[]> = {
  assign: ["COLLECTED"],
  reassign: OPEN_BEFORE_ANSWER,
  start: ["ASSIGNED"],
  answer: ["IN_PROGRESS"],
  close: ["ANSWERED"],
  reopen: ["CLOSED"],
  escalate: OPEN_BEFORE_ANSWER,
  comment: ISSUE_STATUSES,
  setDeadline: NOT_CLOSED,
  requestExtension: NOT_CLOSED,
  decideExtension: ISSUE_STATUSES,
};

const STATUS_HINT: Record<IssueActionName, string> = {
  assign: "只有「收集」状态的问题可以交办",
  reassign: "反馈或销号后不能再调整责任单位和负责人",
  start: "只有已交办的问题可以开始办理",
  answer: "只有「办理」中的问题可以反馈办理结果",
  close: "只有已反馈办理结果的问题可以销号",
  reopen: "只有已销号的问题可以重新办理",
  escalate: "只有反馈之前的问题可以提级协调",
  comment: "",
  setDeadline: "问题已销号，不能调整时限",
  requestExtension: "问题已销号，不能申请延期",
  decideExtension: "",
};

/** Why the action cannot start from this state (before looking at the input), or null. */
export function actionBlocker(state: IssueState, action: IssueActionName, today: string): string | null {
  if (!ACTION_FROM[action].includes(state.status)) return `问题当前为「${ISSUE_STATUS_LABELS[state.status]}」：${STATUS_HINT[action]}`;
  if (action === "escalate" && state.level >= MAX_LEVEL) return "问题已在三级（工委/管委会议）协调，不能再提级";
  if (action === "requestExtension") {
    if (state.pendingExtension) return `已有待审批的延期申请（申请延至 ${state.pendingExtension.requestedDeadline}），请等待包保领导审批`;
    if (today > state.resolveDeadline) return `办结时限 ${state.resolveDeadline} 已过，不能再申请延期；延期须在时限届满前申请`;
  }
  if (action === "decideExtension" && !state.pendingExtension) return "没有待审批的延期申请";
  return null;
}

/** The actions whose preconditions hold now (the input may still be refused). */
export function allowedIssueActions(state: IssueState, today: string): IssueActionName[] {
  return ISSUE_ACTIONS.filter((a) => actionBlocker(state, a, today) === null);
}

// ---------------------------------------------------------------- helpers

function add(errors: FieldErrors, key: string, message: string): void {
  (errors[key] ??= []).push(message);
}

function clean(value: Text): string {
  return typeof value === "string" ? value.trim() : "";
}

function requiredText(errors: FieldErrors, key: string, label: string, raw: Text, max: number): string {
  const value = clean(raw);
  if (value === "") add(errors, key, `请填写${label}`);
  else if (value.length > max) add(errors, key, `${label}不能超过 ${max} 个字符`);
  return value;
}

function optionalText(errors: FieldErrors, key: string, label: string, raw: Text, max: number): string | null {
  const value = clean(raw);
  if (value.length > max) add(errors, key, `${label}不能超过 ${max} 个字符`);
  return value === "" ? null : value;
}

/** A date field: blank -> `fallback` (null = required). Returns the date or null after recording a problem. */
function dateField(errors: FieldErrors, key: string, label: string, raw: Text, fallback: string | null): string | null {
  const value = clean(raw);
  if (value === "") {
    if (fallback === null) add(errors, key, `请填写${label}`);
    return fallback;
  }
  if (!isIsoDate(value)) {
    add(errors, key, `${label}不是有效日期（格式 YYYY-MM-DD）`);
    return null;
  }
  return value;
}

function event(state: IssueState, type: IssueEventType, over: Partial<IssueEventDraft> = {}): IssueEventDraft {
  return { type, fromStatus: state.status, toStatus: state.status, fromLevel: null, toLevel: null, note: null, data: null, ...over };
}

function statusEvent(state: IssueState, to: IssueStatus, note: string | null, data: EventData | null = null): IssueEventDraft {
  return event(state, "STATUS_CHANGED", { toStatus: to, note, data });
}

const fail = (errors: FieldErrors): IssueTransition => ({ ok: false, errors });
const done = (patch: IssuePatch, events: IssueEventDraft[], effects: IssueEffects = {}): IssueTransition => ({ ok: true, patch, events, effects });

// ---------------------------------------------------------------- the transition function

/**
 * Applies one action to a problem: the columns to write, the events to record and the
 * side effects (notifications, extension rows), or the errors per field ("action" for a
 * refusal of the action itself in this state).
 */
export function applyIssueAction(state: IssueState, input: IssueAction, ctx: IssueContext): IssueTransition {
  const blocker = actionBlocker(state, input.action, ctx.today);
  if (blocker) return fail({ action: [blocker] });
  const errors: FieldErrors = {};
  const { today } = ctx;

  switch (input.action) {
    case "assign": {
      const unit = requiredText(errors, "responsibleUnit", "责任单位", input.responsibleUnit, UNIT_MAX);
      const note = optionalText(errors, "note", "交办说明", input.note, NOTE_MAX);
      if (Object.keys(errors).length) return fail(errors);
      const userId = input.responsibleUserId ?? state.responsibleUserId;
      const patch: IssuePatch = { status: "ASSIGNED", responsibleUnit: unit, responsibleUserId: userId };
      const events = [statusEvent(state, "ASSIGNED", note ?? `交办${unit}办理`, { responsibleUnit: unit, responsibleUserId: userId })];
      return done(patch, events, userId ? { assignedTo: userId } : {});
    }

    case "reassign": {
      const unit = input.responsibleUnit === undefined ? state.responsibleUnit : optionalText(errors, "responsibleUnit", "责任单位", input.responsibleUnit, UNIT_MAX);
      const userId = input.responsibleUserId ?? state.responsibleUserId;
      const note = optionalText(errors, "note", "调整说明", input.note, NOTE_MAX);
      if (state.status !== "COLLECTED" && unit === null) add(errors, "responsibleUnit", "已交办的问题须有责任单位");
      if (unit === state.responsibleUnit && userId === state.responsibleUserId) add(errors, "responsibleUserId", "责任单位和负责人均未改变");
      if (Object.keys(errors).length) return fail(errors);
      const data = { fromUnit: state.responsibleUnit, toUnit: unit, fromUserId: state.responsibleUserId, toUserId: userId };
      const userChanged = userId !== state.responsibleUserId;
      return done({ responsibleUnit: unit, responsibleUserId: userId }, [event(state, "REASSIGNED", { note, data })], userChanged && userId ? { assignedTo: userId } : {});
    }

    case "start": {
      const note = optionalText(errors, "note", "受理说明", input.note, NOTE_MAX);
      if (Object.keys(errors).length) return fail(errors);
      const fallback = state.responsibleUnit ? `${state.responsibleUnit}已受理` : "已受理";
      return done({ status: "IN_PROGRESS" }, [statusEvent(state, "IN_PROGRESS", note ?? fallback)]);
    }

    case "answer": {
      const answer = requiredText(errors, "answer", "办理结果", input.answer, ANSWER_MAX);
      const date = dateField(errors, "date", "反馈日期", input.date, today);
      if (date && date > today) add(errors, "date", "反馈日期不能晚于今天");
      else if (date && date < state.raisedDate) add(errors, "date", `反馈日期不能早于提出日期 ${state.raisedDate}`);
      if (Object.keys(errors).length) return fail(errors);
      return done({ status: "ANSWERED", answeredDate: date, answer }, [statusEvent(state, "ANSWERED", answer)]);
    }

    case "close": {
      const satisfaction = input.satisfaction;
      if (!(SATISFACTIONS as readonly string[]).includes(satisfaction)) add(errors, "satisfaction", "请选择企业满意度：满意、基本满意或不满意");
      const date = dateField(errors, "date", "销号日期", input.date, today);
      const earliest = state.answeredDate ?? state.raisedDate;
      if (date && date > today) add(errors, "date", "销号日期不能晚于今天");
      else if (date && date < earliest) add(errors, "date", `销号日期不能早于反馈日期 ${earliest}`);
      let note = optionalText(errors, "note", "销号说明", input.note, NOTE_MAX);
      const review = satisfaction !== "SATISFIED" && state.reopenCount < MAX_REVIEWS;
      if (satisfaction !== "SATISFIED" && !review && note === null && !errors.satisfaction) {
        add(errors, "note", "复核后企业仍未评价满意，请填写销号说明（已办理到位的情况及向企业的解释）");
      }
      if (Object.keys(errors).length) return fail(errors);
      note ??= satisfaction === "SATISFIED" ? "企业评价满意，予以销号" : `企业评价${SATISFACTION_LABELS[satisfaction]}`;
      const closed = event(state, "CLOSED", { toStatus: "CLOSED", note, data: { satisfaction } });
      if (!review) return done({ status: "CLOSED", closedDate: date, satisfaction }, [closed]);
      const reopened: IssueEventDraft = {
        type: "REOPENED",
        fromStatus: "CLOSED",
        toStatus: "IN_PROGRESS",
        fromLevel: null,
        toLevel: null,
        note: "企业评价未达满意，重新办理复核",
        data: { satisfaction },
      };
      return done({ status: "IN_PROGRESS", closedDate: null, satisfaction: null, reopenCount: state.reopenCount + 1 }, [closed, reopened], { reopened: true });
    }

    case "reopen": {
      const note = requiredText(errors, "note", "重新办理的原因", input.note, NOTE_MAX);
      if (Object.keys(errors).length) return fail(errors);
      const ev = event(state, "REOPENED", { toStatus: "IN_PROGRESS", note, data: state.satisfaction ? { satisfaction: state.satisfaction } : null });
      return done({ status: "IN_PROGRESS", closedDate: null, satisfaction: null, reopenCount: state.reopenCount + 1 }, [ev], { reopened: true });
    }

    case "escalate": {
      const note = requiredText(errors, "note", "提级协调的理由", input.note, NOTE_MAX);
      if (Object.keys(errors).length) return fail(errors);
      const toLevel = state.level + 1;
      const patch: IssuePatch = { level: toLevel };
      let data: EventData | null = null;
      // At level 2 the 包保领导 answers for the problem (as the seed's history has it).
      if (toLevel === 2 && ctx.leaderUserId && ctx.leaderUserId !== state.responsibleUserId) {
        patch.responsibleUserId = ctx.leaderUserId;
        data = { fromUserId: state.responsibleUserId, toUserId: ctx.leaderUserId };
      }
      return done(patch, [event(state, "ESCALATED", { fromLevel: state.level, toLevel, note, data })], { escalatedTo: toLevel });
    }

    case "comment": {
      const note = requiredText(errors, "note", "备注内容", input.note, NOTE_MAX);
      if (Object.keys(errors).length) return fail(errors);
      return done({}, [event(state, "COMMENTED", { note })]);
    }

    case "setDeadline": {
      const resolve = dateField(errors, "resolveDeadline", "办结时限", input.resolveDeadline, null);
      const answer = dateField(errors, "answerDeadline", "答复时限", input.answerDeadline, state.answerDeadline ?? "");
      const note = optionalText(errors, "note", "调整说明", input.note, NOTE_MAX);
      const resolveOk = resolve !== null && resolve >= state.raisedDate;
      if (resolve && !resolveOk) add(errors, "resolveDeadline", `办结时限不能早于提出日期 ${state.raisedDate}`);
      if (answer && answer < state.raisedDate) add(errors, "answerDeadline", `答复时限不能早于提出日期 ${state.raisedDate}`);
      else if (answer && resolveOk && answer > resolve) add(errors, "answerDeadline", "答复时限不能晚于办结时限");
      const answerValue = answer === "" ? null : answer;
      if (!Object.keys(errors).length && resolve === state.resolveDeadline && answerValue === state.answerDeadline) {
        add(errors, "resolveDeadline", "时限没有变化");
      }
      if (Object.keys(errors).length) return fail(errors);
      const data: EventData = {};
      const patch: IssuePatch = {};
      if (resolve !== state.resolveDeadline) {
        data.from = state.resolveDeadline;
        data.to = resolve!;
        patch.resolveDeadline = resolve!;
      }
      if (answerValue !== state.answerDeadline) {
        data.answerFrom = state.answerDeadline;
        data.answerTo = answerValue;
        patch.answerDeadline = answerValue;
      }
      return done(patch, [event(state, "DEADLINE_CHANGED", { note, data })]);
    }

    case "requestExtension": {
      const requested = dateField(errors, "requestedDeadline", "申请延至日期", input.requestedDeadline, null);
      const reason = requiredText(errors, "reason", "延期理由", input.reason, REASON_MAX);
      if (requested && requested <= state.resolveDeadline) add(errors, "requestedDeadline", `申请延至日期须晚于当前办结时限 ${state.resolveDeadline}`);
      if (Object.keys(errors).length) return fail(errors);
      return done({}, [event(state, "EXTENSION_REQUESTED", { note: reason, data: { requestedDeadline: requested! } })], {
        extensionRequested: { requestedDeadline: requested!, reason },
      });
    }

    case "decideExtension": {
      const pending = state.pendingExtension!;
      if (input.extensionId !== pending.id) add(errors, "extensionId", "该延期申请不存在或已审批");
      if (input.decision !== "APPROVED" && input.decision !== "REJECTED") add(errors, "decision", "请选择同意或不同意");
      let note = optionalText(errors, "note", "审批意见", input.note, NOTE_MAX);
      if (input.decision === "REJECTED" && note === null && !errors.note) add(errors, "note", "不同意延期时请填写审批意见");
      if (Object.keys(errors).length) return fail(errors);
      if (input.decision === "REJECTED") {
        return done({}, [event(state, "EXTENSION_REJECTED", { note })], { extensionDecided: { id: pending.id, status: "REJECTED", note: note! } });
      }
      note ??= "同意延期，请按新时限办结";
      const approved = event(state, "EXTENSION_APPROVED", { note, data: { requestedDeadline: pending.requestedDeadline } });
      const effects: IssueEffects = { extensionDecided: { id: pending.id, status: "APPROVED", note } };
      // A leader may already have moved the deadline past the requested date: nothing to extend then.
      if (pending.requestedDeadline <= state.resolveDeadline) return done({}, [approved], effects);
      const changed = event(state, "DEADLINE_CHANGED", { data: { from: state.resolveDeadline, to: pending.requestedDeadline } });
      return done({ resolveDeadline: pending.requestedDeadline }, [approved, changed], effects);
    }
  }
}
