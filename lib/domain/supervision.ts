// 督办 (supervision letters): statuses, what each step allows, the overdue rule and limits.
// Pure: lib/server/supervision applies them to stored letters (docs/domain.md, 督办).

export const SUPERVISION_STATUSES = ["ISSUED", "REPLIED", "RETURNED", "CLOSED"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export const SUPERVISION_STATUS_LABELS: Record<SupervisionStatus, string> = {
  ISSUED: "待回复",
  REPLIED: "待审核",
  RETURNED: "已退回",
  CLOSED: "已销号",
};

export const SUPERVISION_EVENT_LABELS: Record<"ISSUED" | "REPLIED" | "RETURNED" | "ACCEPTED", string> = {
  ISSUED: "下发督办函",
  REPLIED: "回复整改情况",
  RETURNED: "退回重办",
  ACCEPTED: "审核销号",
};

/** Open: not yet 销号. */
export const OPEN_SUPERVISION_STATUSES: readonly SupervisionStatus[] = ["ISSUED", "REPLIED", "RETURNED"];

export const SUBJECT_MAX = 200;
export const REQUIREMENT_MAX = 2000;
export const REPLY_MAX = 2000;
export const RETURN_REASON_MAX = 500;
export const UNIT_MAX = 100;
/** 办理时限 in working days. */
export const WORKDAYS_MIN = 1;
export const WORKDAYS_MAX = 60;
/** Default 办理时限 offered on the form. */
export const DEFAULT_WORKDAYS = 5;

export type SupervisionStep = "reply" | "accept" | "return";

/** Why a step is refused in a status, or null when it is allowed. */
export function stepProblem(step: SupervisionStep, status: SupervisionStatus): string | null {
  if (status === "CLOSED") return "该督办事项已销号，不能再操作";
  if (step === "reply") return status === "REPLIED" ? "已回复，正在等待督办领导审核" : null;
  return status === "REPLIED" ? null : "责任人尚未回复整改情况，暂不能审核";
}

/**
 * Overdue: open past its deadline — a letter still awaiting (or re-awaiting) the reply after
 * the deadline day. A reply waiting for review is not the recipient's delay and not overdue.
 */
export function isSupervisionOverdue(s: { status: SupervisionStatus; deadline: string }, today: string): boolean {
  return (s.status === "ISSUED" || s.status === "RETURNED") && s.deadline < today;
}

/** 督办函编号: DB-<year>-<four-digit sequence of the year>. */
export function supervisionCode(year: string, seq: number): string {
  return `DB-${year}-${String(seq).padStart(4, "0")}`;
}
