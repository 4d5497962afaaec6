import { describe, expect, it } from "vitest";
import {
  CATEGORY_DEADLINES,
  ISSUE_ACTIONS,
  ISSUE_CATEGORIES,
  ISSUE_CATEGORY_LABELS,
  ISSUE_EVENT_LABELS,
  ISSUE_EVENT_TYPES,
  ISSUE_STATUSES,
  ISSUE_STATUS_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  SATISFACTIONS,
  SATISFACTION_LABELS,
  allowedIssueActions,
  applyIssueAction,
  authorityFor,
  defaultDeadlines,
  dueTomorrow,
  isOverdue,
  type IssueAction,
  type IssueActionName,
  type IssueState,
  type IssueStatus,
} from "./issues";
import { addDays } from "./dates";
import { calendarFrom } from "./working-days";

const TODAY = "2026-11-20"; // a Friday

/** A problem raised 2026-11-10, due 2026-11-19 (answer) / 2026-11-30 (resolve), at `status` with consistent dates. */
function at(status: IssueStatus, over: Partial<IssueState> = {}): IssueState {
  const answered = status === "ANSWERED" || status === "CLOSED";
  return {
    status,
    level: 1,
    raisedDate: "2026-11-10",
    answerDeadline: "2026-11-13",
    resolveDeadline: "2026-11-30",
    answeredDate: answered ? "2026-11-18" : null,
    closedDate: status === "CLOSED" ? "2026-11-19" : null,
    satisfaction: status === "CLOSED" ? "SATISFIED" : null,
    reopenCount: 0,
    responsibleUnit: status === "COLLECTED" ? null : "市自然资源和规划局",
    responsibleUserId: 7,
    pendingExtension: null,
    ...over,
  };
}

/** A valid input for each action. */
const INPUT: Record<IssueActionName, IssueAction> = {
  assign: { action: "assign", responsibleUnit: "园区规划建设局", responsibleUserId: 8 },
  reassign: { action: "reassign", responsibleUnit: "园区经发局", responsibleUserId: 9 },
  start: { action: "start" },
  answer: { action: "answer", answer: "已协调供电公司完成增容" },
  close: { action: "close", satisfaction: "SATISFIED" },
  reopen: { action: "reopen", note: "企业反映问题复发" },
  escalate: { action: "escalate", note: "涉及多个部门，提请包保领导协调" },
  comment: { action: "comment", note: "已电话督促" },
  setDeadline: { action: "setDeadline", resolveDeadline: "2026-12-10" },
  requestExtension: { action: "requestExtension", requestedDeadline: "2026-12-15", reason: "需等待省厅批复" },
  decideExtension: { action: "decideExtension", extensionId: 5, decision: "APPROVED" },
};

describe("every status × action", () => {
  // Resulting status: C A P R X (收集 交办 办理 反馈 销号), "=" unchanged, "-" refused in this status.
  //                               COLLECTED ASSIGNED IN_PROGRESS ANSWERED CLOSED
  const TABLE: Record<IssueActionName, string> = {
    assign: /*           */ "A - - - -",
    reassign: /*         */ "= = = - -",
    start: /*            */ "- P - - -",
    answer: /*           */ "- - R - -",
    close: /*            */ "- - - X -",
    reopen: /*           */ "- - - - P",
    escalate: /*         */ "= = = - -",
    comment: /*          */ "= = = = =",
    setDeadline: /*      */ "= = = = -",
    requestExtension: /* */ "= = = = -",
    decideExtension: /*  */ "= = = = =",
  };
  const CODE: Record<string, IssueStatus> = { C: "COLLECTED", A: "ASSIGNED", P: "IN_PROGRESS", R: "ANSWERED", X: "CLOSED" };
  const rows: [IssueActionName, IssueStatus, string][] = [];
  for (const action of ISSUE_ACTIONS) TABLE[action].split(" ").forEach((cell, i) => rows.push([action, ISSUE_STATUSES[i], cell]));

  it("covers 55 cases", () => expect(rows).toHaveLength(ISSUE_ACTIONS.length * ISSUE_STATUSES.length));

  it.each(rows)("%s from %s: %s", (action, status, cell) => {
    const state = at(status, action === "decideExtension" ? { pendingExtension: { id: 5, requestedDeadline: "2026-12-15" } } : {});
    const result = applyIssueAction(state, INPUT[action], { today: TODAY });
    expect(allowedIssueActions(state, TODAY).includes(action)).toBe(cell !== "-");
    if (cell === "-") {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(Object.keys(result.errors)).toEqual(["action"]);
        expect(result.errors.action[0]).toContain(`问题当前为「${ISSUE_STATUS_LABELS[status]}」`);
      }
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = cell === "=" ? status : CODE[cell];
    expect(result.patch.status ?? status).toBe(expected);
    expect(result.events.length).toBeGreaterThan(0);
    // Every event starts from the stored status.
    expect(result.events[0].fromStatus).toBe(status);
    expect(result.events[result.events.length - 1].toStatus).toBe(expected);
  });
});

describe("lifecycle steps write the seed's event shapes", () => {
  it("assign needs a unit, records it, and tells the responsible user", () => {
    const bad = applyIssueAction(at("COLLECTED"), { action: "assign", responsibleUnit: "  " }, { today: TODAY });
    expect(bad).toEqual({ ok: false, errors: { responsibleUnit: ["请填写责任单位"] } });
    const r = applyIssueAction(at("COLLECTED"), INPUT.assign, { today: TODAY });
    expect(r).toEqual({
      ok: true,
      patch: { status: "ASSIGNED", responsibleUnit: "园区规划建设局", responsibleUserId: 8 },
      events: [
        {
          type: "STATUS_CHANGED",
          fromStatus: "COLLECTED",
          toStatus: "ASSIGNED",
          fromLevel: null,
          toLevel: null,
          note: "交办园区规划建设局办理",
          data: { responsibleUnit: "园区规划建设局", responsibleUserId: 8 },
        },
      ],
      effects: { assignedTo: 8 },
    });
    // Without a user the current responsible person keeps it.
    const keep = applyIssueAction(at("COLLECTED"), { action: "assign", responsibleUnit: "园区经发局" }, { today: TODAY });
    expect(keep.ok && keep.patch.responsibleUserId).toBe(7);
  });

  it("reassign must change something and writes REASSIGNED", () => {
    const same = applyIssueAction(at("IN_PROGRESS"), { action: "reassign", responsibleUnit: "市自然资源和规划局", responsibleUserId: 7 }, { today: TODAY });
    expect(same).toEqual({ ok: false, errors: { responsibleUserId: ["责任单位和负责人均未改变"] } });
    const unitOnly = applyIssueAction(at("IN_PROGRESS"), { action: "reassign", responsibleUnit: "园区经发局" }, { today: TODAY });
    expect(unitOnly.ok && unitOnly.effects).toEqual({});
    const r = applyIssueAction(at("IN_PROGRESS"), INPUT.reassign, { today: TODAY });
    expect(r.ok && r.events[0]).toMatchObject({ type: "REASSIGNED", data: { fromUnit: "市自然资源和规划局", toUnit: "园区经发局", fromUserId: 7, toUserId: 9 } });
    expect(r.ok && r.effects).toEqual({ assignedTo: 9 });
  });

  it("start notes the unit's acceptance", () => {
    const r = applyIssueAction(at("ASSIGNED"), { action: "start" }, { today: TODAY });
    expect(r.ok && r.events[0]).toMatchObject({ type: "STATUS_CHANGED", fromStatus: "ASSIGNED", toStatus: "IN_PROGRESS", note: "市自然资源和规划局已受理" });
  });

  it("answer needs the result and a date between the raised date and today", () => {
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "answer", answer: "" }, { today: TODAY })).toEqual({ ok: false, errors: { answer: ["请填写办理结果"] } });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "answer", answer: "好", date: "2026-11-21" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { date: ["反馈日期不能晚于今天"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "answer", answer: "好", date: "2026-11-09" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { date: ["反馈日期不能早于提出日期 2026-11-10"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "answer", answer: "好", date: "2026-13-01" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { date: ["反馈日期不是有效日期（格式 YYYY-MM-DD）"] },
    });
    const r = applyIssueAction(at("IN_PROGRESS"), { action: "answer", answer: " 已办结 " }, { today: TODAY });
    expect(r.ok && r.patch).toEqual({ status: "ANSWERED", answeredDate: TODAY, answer: "已办结" });
    expect(r.ok && r.events[0].note).toBe("已办结");
  });

  it("close 满意: closed with the date and the rating", () => {
    const r = applyIssueAction(at("ANSWERED"), { action: "close", satisfaction: "SATISFIED", date: "2026-11-19" }, { today: TODAY });
    expect(r).toEqual({
      ok: true,
      patch: { status: "CLOSED", closedDate: "2026-11-19", satisfaction: "SATISFIED" },
      events: [{ type: "CLOSED", fromStatus: "ANSWERED", toStatus: "CLOSED", fromLevel: null, toLevel: null, note: "企业评价满意，予以销号", data: { satisfaction: "SATISFIED" } }],
      effects: {},
    });
    const early = applyIssueAction(at("ANSWERED"), { action: "close", satisfaction: "SATISFIED", date: "2026-11-17" }, { today: TODAY });
    expect(early).toEqual({ ok: false, errors: { date: ["销号日期不能早于反馈日期 2026-11-18"] } });
    const bad = applyIssueAction(at("ANSWERED"), { action: "close", satisfaction: "HAPPY" as never }, { today: TODAY });
    expect(bad).toEqual({ ok: false, errors: { satisfaction: ["请选择企业满意度：满意、基本满意或不满意"] } });
  });

  it.each(["BASICALLY_SATISFIED", "DISSATISFIED"] as const)("close %s the first time reopens it for review", (satisfaction) => {
    const r = applyIssueAction(at("ANSWERED"), { action: "close", satisfaction }, { today: TODAY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.patch).toEqual({ status: "IN_PROGRESS", closedDate: null, satisfaction: null, reopenCount: 1 });
    expect(r.events.map((e) => [e.type, e.fromStatus, e.toStatus, e.data])).toEqual([
      ["CLOSED", "ANSWERED", "CLOSED", { satisfaction }],
      ["REOPENED", "CLOSED", "IN_PROGRESS", { satisfaction }],
    ]);
    expect(r.events[0].note).toBe(`企业评价${SATISFACTION_LABELS[satisfaction]}`);
    expect(r.effects).toEqual({ reopened: true });
  });

  it("after the review round a rating below 满意 stands, with an explanation", () => {
    const reviewed = at("ANSWERED", { reopenCount: 1 });
    expect(applyIssueAction(reviewed, { action: "close", satisfaction: "BASICALLY_SATISFIED" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { note: ["复核后企业仍未评价满意，请填写销号说明（已办理到位的情况及向企业的解释）"] },
    });
    const r = applyIssueAction(reviewed, { action: "close", satisfaction: "BASICALLY_SATISFIED", note: "超出政策部分已向企业解释说明" }, { today: TODAY });
    expect(r.ok && r.patch).toEqual({ status: "CLOSED", closedDate: TODAY, satisfaction: "BASICALLY_SATISFIED" });
    expect(r.ok && r.effects).toEqual({});
  });

  it("reopen needs a reason, clears the rating and counts the round", () => {
    expect(applyIssueAction(at("CLOSED"), { action: "reopen", note: "" }, { today: TODAY })).toEqual({ ok: false, errors: { note: ["请填写重新办理的原因"] } });
    const r = applyIssueAction(at("CLOSED"), INPUT.reopen, { today: TODAY });
    expect(r.ok && r.patch).toEqual({ status: "IN_PROGRESS", closedDate: null, satisfaction: null, reopenCount: 1 });
    expect(r.ok && r.events[0]).toMatchObject({ type: "REOPENED", fromStatus: "CLOSED", toStatus: "IN_PROGRESS", data: { satisfaction: "SATISFIED" } });
    expect(r.ok && r.effects).toEqual({ reopened: true });
  });
});

describe("escalation 三级协调", () => {
  it("needs a note, hands level 2 to the 包保领导, goes no higher than 3", () => {
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "escalate", note: " " }, { today: TODAY })).toEqual({ ok: false, errors: { note: ["请填写提级协调的理由"] } });
    const to2 = applyIssueAction(at("IN_PROGRESS"), INPUT.escalate, { today: TODAY, leaderUserId: 30 });
    expect(to2.ok && to2.patch).toEqual({ level: 2, responsibleUserId: 30 });
    expect(to2.ok && to2.events[0]).toMatchObject({ type: "ESCALATED", fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", fromLevel: 1, toLevel: 2, data: { fromUserId: 7, toUserId: 30 } });
    expect(to2.ok && to2.effects).toEqual({ escalatedTo: 2 });
    const noLeader = applyIssueAction(at("IN_PROGRESS"), INPUT.escalate, { today: TODAY });
    expect(noLeader.ok && noLeader.patch).toEqual({ level: 2 });
    const to3 = applyIssueAction(at("IN_PROGRESS", { level: 2 }), INPUT.escalate, { today: TODAY, leaderUserId: 30 });
    expect(to3.ok && to3.patch).toEqual({ level: 3 });
    expect(to3.ok && to3.effects).toEqual({ escalatedTo: 3 });
    expect(applyIssueAction(at("IN_PROGRESS", { level: 3 }), INPUT.escalate, { today: TODAY })).toEqual({
      ok: false,
      errors: { action: ["问题已在三级（工委/管委会议）协调，不能再提级"] },
    });
  });

  it("level 3, deadlines and extension decisions are a leader's", () => {
    const expectations: [IssueActionName, number, string][] = [
      ["escalate", 1, "write"],
      ["escalate", 2, "lead"],
      ["setDeadline", 1, "lead"],
      ["decideExtension", 1, "lead"],
      ["requestExtension", 1, "write"],
      ["close", 3, "write"],
    ];
    for (const [action, level, authority] of expectations) expect(authorityFor(action, { level }), `${action} at ${level}`).toBe(authority);
  });
});

describe("deadlines and extensions", () => {
  it("setDeadline records from/to and refuses no change or an answer deadline after the resolve deadline", () => {
    const r = applyIssueAction(at("IN_PROGRESS"), { action: "setDeadline", resolveDeadline: "2026-12-10", answerDeadline: "2026-11-16", note: "领导调度" }, { today: TODAY });
    expect(r.ok && r.patch).toEqual({ resolveDeadline: "2026-12-10", answerDeadline: "2026-11-16" });
    expect(r.ok && r.events[0]).toMatchObject({ type: "DEADLINE_CHANGED", note: "领导调度", data: { from: "2026-11-30", to: "2026-12-10", answerFrom: "2026-11-13", answerTo: "2026-11-16" } });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "setDeadline", resolveDeadline: "2026-11-30" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { resolveDeadline: ["时限没有变化"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "setDeadline", resolveDeadline: "2026-11-12", answerDeadline: "2026-11-13" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { answerDeadline: ["答复时限不能晚于办结时限"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "setDeadline", resolveDeadline: "2026-11-01" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { resolveDeadline: ["办结时限不能早于提出日期 2026-11-10"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), { action: "setDeadline", resolveDeadline: "" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { resolveDeadline: ["请填写办结时限"] },
    });
  });

  it("an extension is asked up to the deadline day, for a later date, with a reason", () => {
    const state = at("IN_PROGRESS"); // due 2026-11-30
    const onDeadline = applyIssueAction(state, INPUT.requestExtension, { today: "2026-11-30" });
    expect(onDeadline).toEqual({
      ok: true,
      patch: {},
      events: [
        { type: "EXTENSION_REQUESTED", fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", fromLevel: null, toLevel: null, note: "需等待省厅批复", data: { requestedDeadline: "2026-12-15" } },
      ],
      effects: { extensionRequested: { requestedDeadline: "2026-12-15", reason: "需等待省厅批复" } },
    });
    expect(applyIssueAction(state, INPUT.requestExtension, { today: "2026-12-01" })).toEqual({
      ok: false,
      errors: { action: ["办结时限 2026-11-30 已过，不能再申请延期；延期须在时限届满前申请"] },
    });
    expect(applyIssueAction(state, { action: "requestExtension", requestedDeadline: "2026-11-30", reason: "" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { requestedDeadline: ["申请延至日期须晚于当前办结时限 2026-11-30"], reason: ["请填写延期理由"] },
    });
    const pending = at("IN_PROGRESS", { pendingExtension: { id: 5, requestedDeadline: "2026-12-15" } });
    expect(applyIssueAction(pending, INPUT.requestExtension, { today: TODAY })).toEqual({
      ok: false,
      errors: { action: ["已有待审批的延期申请（申请延至 2026-12-15），请等待包保领导审批"] },
    });
  });

  it("approval moves the deadline (APPROVED then DEADLINE_CHANGED); rejection needs a reason", () => {
    const pending = at("IN_PROGRESS", { pendingExtension: { id: 5, requestedDeadline: "2026-12-15" } });
    const ok = applyIssueAction(pending, INPUT.decideExtension, { today: "2026-12-03" });
    expect(ok.ok && ok.patch).toEqual({ resolveDeadline: "2026-12-15" });
    expect(ok.ok && ok.events.map((e) => [e.type, e.data])).toEqual([
      ["EXTENSION_APPROVED", { requestedDeadline: "2026-12-15" }],
      ["DEADLINE_CHANGED", { from: "2026-11-30", to: "2026-12-15" }],
    ]);
    expect(ok.ok && ok.effects).toEqual({ extensionDecided: { id: 5, status: "APPROVED", note: "同意延期，请按新时限办结" } });
    expect(applyIssueAction(pending, { action: "decideExtension", extensionId: 5, decision: "REJECTED" }, { today: TODAY })).toEqual({
      ok: false,
      errors: { note: ["不同意延期时请填写审批意见"] },
    });
    const no = applyIssueAction(pending, { action: "decideExtension", extensionId: 5, decision: "REJECTED", note: "请按原时限办结" }, { today: TODAY });
    expect(no.ok && no.patch).toEqual({});
    expect(no.ok && no.events.map((e) => e.type)).toEqual(["EXTENSION_REJECTED"]);
    expect(applyIssueAction(pending, { ...INPUT.decideExtension, extensionId: 6 } as IssueAction, { today: TODAY })).toEqual({
      ok: false,
      errors: { extensionId: ["该延期申请不存在或已审批"] },
    });
    expect(applyIssueAction(at("IN_PROGRESS"), INPUT.decideExtension, { today: TODAY })).toEqual({ ok: false, errors: { action: ["没有待审批的延期申请"] } });
    // The deadline was already moved past the requested date: approved, nothing to extend.
    const overtaken = at("IN_PROGRESS", { resolveDeadline: "2026-12-20", pendingExtension: { id: 5, requestedDeadline: "2026-12-15" } });
    const r = applyIssueAction(overtaken, INPUT.decideExtension, { today: TODAY });
    expect(r.ok && [r.patch, r.events.map((e) => e.type)]).toEqual([{}, ["EXTENSION_APPROVED"]]);
  });

  it("comments need text", () => {
    expect(applyIssueAction(at("CLOSED"), { action: "comment", note: "" }, { today: TODAY })).toEqual({ ok: false, errors: { note: ["请填写备注内容"] } });
    expect(applyIssueAction(at("CLOSED"), { action: "comment", note: "x".repeat(1001) }, { today: TODAY })).toEqual({
      ok: false,
      errors: { note: ["备注内容不能超过 1000 个字符"] },
    });
  });
});

describe("deadline defaults, overdue and due tomorrow", () => {
  const cal = calendarFrom([
    ...Array.from({ length: 9 }, (_, i) => ({ date: addDays("2026-02-15", i), kind: "HOLIDAY" as const })),
    { date: "2026-02-14", kind: "WORKDAY" },
    { date: "2026-02-28", kind: "WORKDAY" },
  ]);

  it("uses 3 working days to answer and 15 (用地/规划审批/融资) or 7 to resolve, skipping 春节", () => {
    expect(defaultDeadlines("LAND", "2026-02-12", cal)).toEqual({ answerDeadline: "2026-02-24", resolveDeadline: "2026-03-11" });
    expect(defaultDeadlines("LABOR", "2026-02-12", cal)).toEqual({ answerDeadline: "2026-02-24", resolveDeadline: "2026-02-28" });
    const long = ISSUE_CATEGORIES.filter((c) => CATEGORY_DEADLINES[c].resolve === 15);
    expect(long).toEqual(["LAND", "PLANNING_APPROVAL", "FINANCING"]);
    for (const c of ISSUE_CATEGORIES) expect(CATEGORY_DEADLINES[c].answer).toBe(3);
  });

  it("overdue = not closed and the deadline before today", () => {
    expect(isOverdue({ status: "IN_PROGRESS", resolveDeadline: "2026-11-19" }, TODAY)).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", resolveDeadline: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: "CLOSED", resolveDeadline: "2026-11-01" }, TODAY)).toBe(false);
  });

  it("due tomorrow = due today or by the next working day (a Friday looks through to Monday)", () => {
    const c = calendarFrom([]);
    expect(dueTomorrow({ status: "ASSIGNED", resolveDeadline: "2026-11-23" }, TODAY, c)).toBe(true); // Monday
    expect(dueTomorrow({ status: "ASSIGNED", resolveDeadline: TODAY }, TODAY, c)).toBe(true);
    expect(dueTomorrow({ status: "ASSIGNED", resolveDeadline: "2026-11-24" }, TODAY, c)).toBe(false);
    expect(dueTomorrow({ status: "ASSIGNED", resolveDeadline: "2026-11-19" }, TODAY, c)).toBe(false);
    expect(dueTomorrow({ status: "CLOSED", resolveDeadline: "2026-11-23" }, TODAY, c)).toBe(false);
    // Friday before 春节: the next working day is the 调休 Saturday.
    expect(dueTomorrow({ status: "ASSIGNED", resolveDeadline: "2026-02-14" }, "2026-02-13", cal)).toBe(true);
  });
});

describe("labels", () => {
  it("name every category, status, rating, event and notification kind in Chinese", () => {
    for (const c of ISSUE_CATEGORIES) expect(ISSUE_CATEGORY_LABELS[c]).toMatch(/\p{Script=Han}/u);
    for (const s of ISSUE_STATUSES) expect(ISSUE_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
    for (const s of SATISFACTIONS) expect(SATISFACTION_LABELS[s]).toMatch(/\p{Script=Han}/u);
    for (const t of ISSUE_EVENT_TYPES) expect(ISSUE_EVENT_LABELS[t]).toMatch(/\p{Script=Han}/u);
    for (const k of NOTIFICATION_KINDS) expect(NOTIFICATION_KIND_LABELS[k]).toMatch(/\p{Script=Han}/u);
  });
});
