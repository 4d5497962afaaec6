// Stage moves and status changes as data, with their rules. Pure: the browser calls these
// to show errors while the user types, and lib/server calls the same functions inside
// every write, so no path can skip a rule.
//
// Rules (docs/domain.md#stages-and-status):
// - forward moves go one or several stages at once; every stage reached gets its own
//   event with its own business date, several may share a date (签约即落地, 落地即开工);
// - business dates are never in the future (today in Asia/Shanghai) and each stage's
//   date is on or after the previous stage's (签约 ≤ 落地 ≤ 开工 ≤ 投产);
// - evidence per stage: 落地 a registration date (land area optional), 开工 the actual
//   start date (the event's date), 投产 the production date (capacity optional);
// - a suspended or terminated project does not move forward until it is resumed;
// - backward moves are corrections: they need a reason, take today as their date and
//   clear the dates of the stages above the target;
// - suspend only an active project, terminate an active or suspended one, resume a
//   suspended or terminated one; each with a date and a reason.

import { EARLIEST_DATE, isIsoDate } from "./dates";
import { hasMisplacedSeparators, misplacedSeparatorsMessage, parseWan } from "./money";
import { STAGES, STAGE_LABELS, STATUS_LABELS, isStage, stageIndex, stagesBetween, type ProjectStatus, type Stage } from "./stages";

export type StageDates = {
  signedDate: string;
  landedDate?: string | null;
  actualStartDate?: string | null;
  actualProductionDate?: string | null;
};

/** What the rules need to know about a project; dates are YYYY-MM-DD. */
export type ProjectState = StageDates & {
  stage: Stage;
  status: ProjectStatus;
  /** Date the current stage was reached; used when the stage's own column is empty (old imports). */
  stageDate?: string | null;
  /** Date of the last status change (suspend, terminate, resume), if any. */
  statusDate?: string | null;
};

export type AdvanceInput = {
  toStage: Stage;
  landed?: { date?: string | null; registrationDate?: string | null; landArea?: string | null } | null;
  started?: { date?: string | null } | null;
  producing?: { date?: string | null; capacity?: string | null } | null;
  note?: string | null;
};

export type RollbackInput = { toStage: Stage; reason?: string | null };

export const STATUS_ACTIONS = ["SUSPEND", "TERMINATE", "RESUME"] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];
export type StatusChangeInput = { action: StatusAction; date?: string | null; reason?: string | null };

export type StageEventType = "ADVANCE" | "ROLLBACK" | StatusAction;

/** One StageEvent row to write. */
export type StageEventDraft = {
  type: StageEventType;
  fromStage: Stage;
  toStage: Stage;
  fromStatus: ProjectStatus;
  toStatus: ProjectStatus;
  /** Business date, YYYY-MM-DD. */
  date: string;
  evidence: Record<string, string> | null;
  note: string | null;
};

/** The Project columns a move writes (dates YYYY-MM-DD, land area a 2-decimal string; null clears). */
export type ProjectPatch = {
  stage?: Stage;
  stageDate?: string;
  landedDate?: string | null;
  registeredDate?: string | null;
  landArea?: string | null;
  actualStartDate?: string | null;
  actualProductionDate?: string | null;
  capacity?: string | null;
  status?: ProjectStatus;
  statusDate?: string | null;
  statusReason?: string | null;
};

export type FieldErrors = Record<string, string[]>;
export type RuleResult<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export const REASON_MAX = 500;
export const NOTE_MAX = 500;
export const CAPACITY_MAX = 200;
/** Decimal(12,2) would allow more; no park has a plot this size, so a larger figure is a typo. */
export const LAND_AREA_MAX = "99999999.99";

/** The Project column holding the date each stage was reached. */
export const STAGE_DATE_FIELDS = {
  SIGNED: "signedDate",
  LANDED: "landedDate",
  STARTED: "actualStartDate",
  PRODUCING: "actualProductionDate",
} as const satisfies Record<Stage, keyof StageDates>;

/** Input section per stage reached by a forward move; field keys are "<section>.<field>". */
export const STAGE_SECTIONS = { LANDED: "landed", STARTED: "started", PRODUCING: "producing" } as const;

export const STAGE_DATE_LABELS: Record<Stage, string> = {
  SIGNED: "签约日期",
  LANDED: "落地日期",
  STARTED: "开工日期",
  PRODUCING: "投产日期",
};

export const STATUS_ACTION_LABELS: Record<StatusAction, string> = { SUSPEND: "暂缓", TERMINATE: "终止", RESUME: "恢复推进" };

const STATUS_ACTION_TARGET: Record<StatusAction, ProjectStatus> = { SUSPEND: "SUSPENDED", TERMINATE: "TERMINATED", RESUME: "ACTIVE" };
const STATUS_ACTION_FROM: Record<StatusAction, readonly ProjectStatus[]> = {
  SUSPEND: ["ACTIVE"],
  TERMINATE: ["ACTIVE", "SUSPENDED"],
  RESUME: ["SUSPENDED", "TERMINATED"],
};
const STATUS_DATE_LABELS: Record<StatusAction, string> = { SUSPEND: "暂缓日期", TERMINATE: "终止日期", RESUME: "恢复日期" };
const STATUS_REASON_LABELS: Record<StatusAction, string> = { SUSPEND: "暂缓原因", TERMINATE: "终止原因", RESUME: "恢复原因" };

// ---------------------------------------------------------------- helpers

function add(errors: FieldErrors, key: string, message: string): void {
  (errors[key] ??= []).push(message);
}

function clean(value: string | null | undefined): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Problems with a business date: missing, malformed, in the future. Returns the valid date or null. */
function checkDate(errors: FieldErrors, key: string, label: string, raw: string | null | undefined, today: string): string | null {
  const value = clean(raw);
  if (value === "") {
    add(errors, key, `请填写${label}`);
    return null;
  }
  if (!isIsoDate(value)) {
    add(errors, key, `${label}不是有效日期（格式 YYYY-MM-DD）`);
    return null;
  }
  if (value < EARLIEST_DATE) {
    add(errors, key, `${label}不能早于 ${EARLIEST_DATE.slice(0, 4)} 年`);
    return null;
  }
  if (value > today) {
    add(errors, key, `${label}不能晚于今天`);
    return null;
  }
  return value;
}

/** The date a project reached `stage`, falling back to the latest earlier stage with a date. */
export function reachedDate(state: ProjectState, stage: Stage): { stage: Stage; date: string } {
  for (let i = stageIndex(stage); i > 0; i--) {
    const s = STAGES[i];
    const d = state[STAGE_DATE_FIELDS[s]];
    if (d) return { stage: s, date: d };
    if (s === state.stage && state.stageDate) return { stage: s, date: state.stageDate };
  }
  return { stage: "SIGNED", date: state.signedDate };
}

function checkReason(errors: FieldErrors, label: string, raw: string | null | undefined): string | null {
  const value = clean(raw);
  if (value === "") add(errors, "reason", `请填写${label}`);
  else if (value.length > REASON_MAX) add(errors, "reason", `${label}不能超过 ${REASON_MAX} 个字符`);
  else return value;
  return null;
}

// ---------------------------------------------------------------- forward moves

/**
 * A forward move of one or several stages. On success: one event per stage reached, in
 * order, and the Project columns to write.
 */
export function validateAdvance(
  current: ProjectState,
  input: AdvanceInput,
  today: string,
): RuleResult<{ events: StageEventDraft[]; patch: ProjectPatch }> {
  const errors: FieldErrors = {};
  if (!isStage(input.toStage)) return { ok: false, errors: { toStage: ["请选择目标阶段"] } };
  if (current.status === "SUSPENDED") {
    return { ok: false, errors: { toStage: ["项目已暂缓，不能推进阶段；请先由园区领导恢复推进"] } };
  }
  if (current.status === "TERMINATED") {
    return { ok: false, errors: { toStage: ["项目已终止，不能推进阶段；如项目重新启动，请先由园区领导恢复推进"] } };
  }
  if (stageIndex(input.toStage) <= stageIndex(current.stage)) {
    const message =
      input.toStage === current.stage
        ? `项目已处于${STAGE_LABELS[current.stage]}阶段`
        : `目标阶段（${STAGE_LABELS[input.toStage]}）须在当前阶段（${STAGE_LABELS[current.stage]}）之后；退回前面的阶段请使用“更正回退”`;
    return { ok: false, errors: { toStage: [message] } };
  }

  const note = clean(input.note);
  if (note.length > NOTE_MAX) add(errors, "note", `备注不能超过 ${NOTE_MAX} 个字符`);

  const events: StageEventDraft[] = [];
  const patch: ProjectPatch = { stage: input.toStage };
  let previous = reachedDate(current, current.stage);
  let fromStage = current.stage;

  for (const stage of stagesBetween(current.stage, input.toStage)) {
    const section = STAGE_SECTIONS[stage as keyof typeof STAGE_SECTIONS];
    const label = STAGE_DATE_LABELS[stage];
    const dateKey = `${section}.date`;
    const date = checkDate(errors, dateKey, label, input[section]?.date, today);
    if (date !== null && date < previous.date) {
      add(errors, dateKey, `${label}不能早于${STAGE_DATE_LABELS[previous.stage]}（${previous.date}）`);
    }
    const evidence: Record<string, string> = {};

    if (stage === "LANDED") {
      const landed = input.landed ?? {};
      const registrationDate = checkDate(errors, "landed.registrationDate", "注册日期", landed.registrationDate, today);
      if (registrationDate !== null && date !== null && registrationDate > date) {
        add(errors, "landed.registrationDate", `注册日期不能晚于落地日期（${date}）`);
      }
      if (registrationDate !== null) {
        evidence.registrationDate = registrationDate;
        patch.registeredDate = registrationDate;
      }
      const rawArea = clean(landed.landArea);
      if (rawArea !== "") {
        const area = parseWan(rawArea);
        if (hasMisplacedSeparators(rawArea)) add(errors, "landed.landArea", misplacedSeparatorsMessage("用地面积"));
        else if (area === null) add(errors, "landed.landArea", "用地面积须为数字，最多两位小数");
        else if (area.startsWith("-")) add(errors, "landed.landArea", "用地面积不能为负数");
        else if (Number(area) > Number(LAND_AREA_MAX)) add(errors, "landed.landArea", "用地面积不能超过 99,999,999.99 亩");
        else {
          evidence.landArea = area;
          patch.landArea = area;
        }
      }
      if (date !== null) patch.landedDate = date;
    } else if (stage === "STARTED") {
      if (date !== null) {
        evidence.actualStartDate = date;
        patch.actualStartDate = date;
      }
    } else if (stage === "PRODUCING") {
      const capacity = clean(input.producing?.capacity);
      if (capacity.length > CAPACITY_MAX) add(errors, "producing.capacity", `产能不能超过 ${CAPACITY_MAX} 个字符`);
      if (date !== null) {
        evidence.productionDate = date;
        patch.actualProductionDate = date;
      }
      if (capacity !== "") {
        evidence.capacity = capacity;
        patch.capacity = capacity;
      }
    }

    if (date !== null) {
      events.push({
        type: "ADVANCE",
        fromStage,
        toStage: stage,
        fromStatus: current.status,
        toStatus: current.status,
        date,
        evidence,
        note: null,
      });
      previous = { stage, date };
    }
    fromStage = stage;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // The note explains the move as a whole; it goes on the stage finally reached.
  events[events.length - 1].note = note === "" ? null : note;
  patch.stageDate = events[events.length - 1].date;
  return { ok: true, events, patch };
}

// ---------------------------------------------------------------- corrections

/** Project columns cleared by a correction back to `toStage`, in stage order. */
export function fieldsClearedByRollback(from: Stage, toStage: Stage): (keyof ProjectPatch)[] {
  const fields: (keyof ProjectPatch)[] = [];
  for (const stage of stagesBetween(toStage, from)) {
    fields.push(STAGE_DATE_FIELDS[stage] as keyof ProjectPatch);
    if (stage === "PRODUCING") fields.push("capacity");
  }
  return fields;
}

/**
 * A backward move correcting a stage recorded by mistake. Its business date is today; the
 * dates of the stages above the target are cleared (registration date and land area stay:
 * they are ledger facts that can be true without the project having landed).
 */
export function validateRollback(
  current: ProjectState & { capacity?: string | null },
  input: RollbackInput,
  today: string,
): RuleResult<{ event: StageEventDraft; cleared: (keyof ProjectPatch)[]; patch: ProjectPatch }> {
  const errors: FieldErrors = {};
  if (!isStage(input.toStage)) add(errors, "toStage", "请选择更正后的阶段");
  else if (stageIndex(input.toStage) >= stageIndex(current.stage)) {
    add(errors, "toStage", `更正回退的目标阶段须在当前阶段（${STAGE_LABELS[current.stage]}）之前`);
  }
  const reason = checkReason(errors, "更正原因", input.reason);
  if (Object.keys(errors).length > 0 || reason === null) return { ok: false, errors };

  const cleared = fieldsClearedByRollback(current.stage, input.toStage);
  const patch: ProjectPatch = { stage: input.toStage, stageDate: reachedDate(current, input.toStage).date };
  const previousValues: Record<string, string> = {};
  for (const field of cleared) {
    const old = (current as Record<string, unknown>)[field];
    if (typeof old === "string" && old !== "") previousValues[field] = old;
    (patch as Record<string, null>)[field] = null;
  }
  const event: StageEventDraft = {
    type: "ROLLBACK",
    fromStage: current.stage,
    toStage: input.toStage,
    fromStatus: current.status,
    toStatus: current.status,
    date: today,
    evidence: Object.keys(previousValues).length > 0 ? previousValues : null,
    note: reason,
  };
  return { ok: true, event, cleared, patch };
}

// ---------------------------------------------------------------- suspend, terminate, resume

export function canChangeStatus(status: ProjectStatus, action: StatusAction): boolean {
  return STATUS_ACTION_FROM[action].includes(status);
}

export function validateStatusChange(
  current: ProjectState,
  input: StatusChangeInput,
  today: string,
): RuleResult<{ event: StageEventDraft; patch: ProjectPatch }> {
  const errors: FieldErrors = {};
  const action = input.action;
  if (!(STATUS_ACTIONS as readonly string[]).includes(action)) return { ok: false, errors: { action: ["请选择操作：暂缓、终止或恢复推进"] } };

  if (!canChangeStatus(current.status, action)) {
    const now = STATUS_LABELS[current.status];
    const message =
      action === "RESUME"
        ? "项目正在正常推进，无需恢复"
        : current.status === "TERMINATED"
          ? `项目已终止，不能${STATUS_ACTION_LABELS[action]}`
          : `只有正常推进的项目可以暂缓（当前：${now}）`;
    add(errors, "action", message);
  }

  const dateLabel = STATUS_DATE_LABELS[action];
  const date = checkDate(errors, "date", dateLabel, input.date, today);
  if (date !== null) {
    const reached = reachedDate(current, current.stage);
    if (date < reached.date) {
      add(errors, "date", `${dateLabel}不能早于当前阶段（${STAGE_LABELS[current.stage]}）的${STAGE_DATE_LABELS[reached.stage]}（${reached.date}）`);
    } else if (current.statusDate && date < current.statusDate) {
      add(errors, "date", `${dateLabel}不能早于上次状态变更日期（${current.statusDate}）`);
    }
  }
  const reason = checkReason(errors, STATUS_REASON_LABELS[action], input.reason);
  if (Object.keys(errors).length > 0 || date === null || reason === null) return { ok: false, errors };

  const toStatus = STATUS_ACTION_TARGET[action];
  return {
    ok: true,
    event: {
      type: action,
      fromStage: current.stage,
      toStage: current.stage,
      fromStatus: current.status,
      toStatus,
      date,
      evidence: null,
      note: reason,
    },
    patch: { status: toStatus, statusDate: date, statusReason: reason },
  };
}

// ---------------------------------------------------------------- what the UI may offer

export type AllowedMoves = {
  /** Later stages a forward move may reach (needs project.write); empty unless ACTIVE. */
  advance: Stage[];
  /** Earlier stages a correction may go back to (needs project.correct). */
  rollback: Stage[];
  /** Status changes possible now (need project.correct). */
  statusActions: StatusAction[];
};

export function allowedMoves(stage: Stage, status: ProjectStatus): AllowedMoves {
  const i = stageIndex(stage);
  return {
    advance: status === "ACTIVE" ? STAGES.slice(i + 1) : [],
    rollback: STAGES.slice(0, i),
    statusActions: STATUS_ACTIONS.filter((a) => canChangeStatus(status, a)),
  };
}

// ---------------------------------------------------------------- edits of the record

/**
 * An edited signing date must stay on or before the dates of the stages already reached.
 * Returns the message for the "signedDate" field, or null.
 */
export function signedDateProblem(dates: StageDates): string | null {
  for (const stage of ["LANDED", "STARTED", "PRODUCING"] as const) {
    const d = dates[STAGE_DATE_FIELDS[stage]];
    if (d && dates.signedDate > d) return `签约日期不能晚于${STAGE_DATE_LABELS[stage]}（${d}）`;
  }
  return null;
}

/** Evidence a record edit can reach, per stage: 落地 rests on the registration date (the stage dates themselves move only with stage moves). */
export const EDITABLE_EVIDENCE = { LANDED: "registeredDate" } as const;

/**
 * A record edit (the form, the API's PATCH, an imported ledger) may not blank the evidence
 * of a stage the project has reached: a landed project keeps its registration date. A
 * value never recorded (data from before this rule) may stay empty. Field -> messages.
 */
export function blankedEvidenceProblems(stage: Stage, before: { registeredDate: string | null }, after: { registeredDate: string | null }): FieldErrors {
  const errors: FieldErrors = {};
  if (stageIndex(stage) >= stageIndex("LANDED") && before.registeredDate && !after.registeredDate) {
    add(errors, EDITABLE_EVIDENCE.LANDED, `项目已${STAGE_LABELS[stage]}，注册日期是落地的依据，不能清空`);
  }
  return errors;
}
