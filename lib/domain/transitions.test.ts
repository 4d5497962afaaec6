import { describe, expect, it } from "vitest";
import { STAGES, PROJECT_STATUSES, type ProjectStatus, type Stage } from "./stages";
import {
  STATUS_ACTIONS,
  allowedMoves,
  fieldsClearedByRollback,
  signedDateProblem,
  validateAdvance,
  validateRollback,
  validateStatusChange,
  type AdvanceInput,
  type ProjectState,
  type StatusAction,
} from "./transitions";

const TODAY = "2025-06-30";

/** A project at `stage` with consistent dates: signed 03-01, landed 03-10, started 04-01, producing 05-20. */
function at(stage: Stage, status: ProjectStatus = "ACTIVE", extra: Partial<ProjectState> = {}): ProjectState & { capacity?: string | null } {
  const i = STAGES.indexOf(stage);
  return {
    stage,
    status,
    signedDate: "2025-03-01",
    landedDate: i >= 1 ? "2025-03-10" : null,
    actualStartDate: i >= 2 ? "2025-04-01" : null,
    actualProductionDate: i >= 3 ? "2025-05-20" : null,
    capacity: i >= 3 ? "年产 5 万吨" : null,
    stageDate: ["2025-03-01", "2025-03-10", "2025-04-01", "2025-05-20"][i],
    statusDate: status === "ACTIVE" ? null : "2025-06-01",
    ...extra,
  };
}

/** Evidence for every stage, dated after any existing stage date. */
function fullInput(toStage: Stage, over: Partial<AdvanceInput> = {}): AdvanceInput {
  return {
    toStage,
    landed: { date: "2025-06-02", registrationDate: "2025-06-01", landArea: "35.5" },
    started: { date: "2025-06-10" },
    producing: { date: "2025-06-20", capacity: "年产 10 万吨" },
    ...over,
  };
}

describe("forward moves: every from/to pair × status", () => {
  // "+" allowed; "=" same stage; "<" backwards (a correction, not a move); "S"/"T" refused while suspended/terminated.
  const TABLE: Record<ProjectStatus, Record<Stage, string>> = {
    //           to:  SIGNED LANDED STARTED PRODUCING
    ACTIVE: { SIGNED: "= + + +", LANDED: "< = + +", STARTED: "< < = +", PRODUCING: "< < < =" },
    SUSPENDED: { SIGNED: "S S S S", LANDED: "S S S S", STARTED: "S S S S", PRODUCING: "S S S S" },
    TERMINATED: { SIGNED: "T T T T", LANDED: "T T T T", STARTED: "T T T T", PRODUCING: "T T T T" },
  };
  const rows: [ProjectStatus, Stage, Stage, string][] = [];
  for (const status of PROJECT_STATUSES)
    for (const from of STAGES) TABLE[status][from].split(" ").forEach((cell, j) => rows.push([status, from, STAGES[j], cell]));

  it("covers 48 cases", () => expect(rows).toHaveLength(48));

  it.each(rows)("%s %s -> %s: %s", (status, from, to, cell) => {
    const r = validateAdvance(at(from, status), fullInput(to), TODAY);
    if (cell === "+") {
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const passed = STAGES.slice(STAGES.indexOf(from) + 1, STAGES.indexOf(to) + 1);
      expect(r.events.map((e) => e.toStage)).toEqual(passed);
      expect(r.events.map((e) => e.fromStage)).toEqual([from, ...passed.slice(0, -1)]);
      expect(r.events.every((e) => e.type === "ADVANCE" && e.fromStatus === "ACTIVE" && e.toStatus === "ACTIVE")).toBe(true);
      expect(r.patch.stage).toBe(to);
      expect(r.patch.stageDate).toBe(r.events[r.events.length - 1].date);
      return;
    }
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const expected = {
      "=": `项目已处于${{ SIGNED: "签约", LANDED: "落地", STARTED: "开工", PRODUCING: "投产" }[from]}阶段`,
      "<": "退回前面的阶段请使用“更正回退”",
      S: "项目已暂缓，不能推进阶段；请先由园区领导恢复推进",
      T: "项目已终止，不能推进阶段；如项目重新启动，请先由园区领导恢复推进",
    }[cell]!;
    expect(r.errors.toStage.join()).toContain(expected);
    expect(Object.keys(r.errors)).toEqual(["toStage"]);
  });
});

describe("forward moves: dates and evidence", () => {
  type Row = [name: string, state: ProjectState, input: AdvanceInput, expected: Record<string, string[]> | "ok"];
  const signed = at("SIGNED");
  const landed = { date: "2025-04-01", registrationDate: "2025-03-20" };
  const TABLE: Row[] = [
    ["landing today is allowed", signed, { toStage: "LANDED", landed: { date: TODAY, registrationDate: TODAY } }, "ok"],
    ["landing tomorrow is refused", signed, { toStage: "LANDED", landed: { date: "2025-07-01", registrationDate: "2025-03-20" } }, { "landed.date": ["落地日期不能晚于今天"] }],
    ["landing on the signing day is allowed (签约即落地)", signed, { toStage: "LANDED", landed: { date: "2025-03-01", registrationDate: "2025-03-01" } }, "ok"],
    ["landing before signing is refused", signed, { toStage: "LANDED", landed: { date: "2025-02-28", registrationDate: "2025-02-01" } }, { "landed.date": ["落地日期不能早于签约日期（2025-03-01）"] }],
    ["landing date missing", signed, { toStage: "LANDED", landed: { registrationDate: "2025-03-20" } }, { "landed.date": ["请填写落地日期"] }],
    ["landing date blank", signed, { toStage: "LANDED", landed: { date: "  ", registrationDate: "2025-03-20" } }, { "landed.date": ["请填写落地日期"] }],
    ["landing date not a calendar date", signed, { toStage: "LANDED", landed: { date: "2025-02-30", registrationDate: "2025-02-01" } }, { "landed.date": ["落地日期不是有效日期（格式 YYYY-MM-DD）"] }],
    ["registration date missing", signed, { toStage: "LANDED", landed: { date: "2025-04-01" } }, { "landed.registrationDate": ["请填写注册日期"] }],
    ["no landing section at all", signed, { toStage: "LANDED" }, { "landed.date": ["请填写落地日期"], "landed.registrationDate": ["请填写注册日期"] }],
    ["registration after landing", signed, { toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-04-02" } }, { "landed.registrationDate": ["注册日期不能晚于落地日期（2025-04-01）"] }],
    ["registration in the future", signed, { toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-08-01" } }, { "landed.registrationDate": ["注册日期不能晚于今天"] }],
    ["registration before signing is fine (an existing company)", signed, { toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2019-05-05" } }, "ok"],
    ["land area not a number", signed, { toStage: "LANDED", landed: { ...landed, landArea: "三十亩" } }, { "landed.landArea": ["用地面积须为数字，最多两位小数"] }],
    ["land area with 3 decimals", signed, { toStage: "LANDED", landed: { ...landed, landArea: "1.234" } }, { "landed.landArea": ["用地面积须为数字，最多两位小数"] }],
    ["land area with misplaced separators", signed, { toStage: "LANDED", landed: { ...landed, landArea: "12,34,5.6" } }, { "landed.landArea": ["用地面积的千位分隔符位置不对：逗号只能每三位一个（如 12,345.67），也可以不写逗号"] }],
    ["registration before 1990 is a typing slip", signed, { toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "0202-05-05" } }, { "landed.registrationDate": ["注册日期不能早于 1990 年"] }],
    ["land area negative", signed, { toStage: "LANDED", landed: { ...landed, landArea: "-3" } }, { "landed.landArea": ["用地面积不能为负数"] }],
    ["land area too large", signed, { toStage: "LANDED", landed: { ...landed, landArea: "100000000" } }, { "landed.landArea": ["用地面积不能超过 99,999,999.99 亩"] }],
    ["starting on the landing day is allowed (落地即开工)", at("LANDED"), { toStage: "STARTED", started: { date: "2025-03-10" } }, "ok"],
    ["starting before landing is refused", at("LANDED"), { toStage: "STARTED", started: { date: "2025-03-09" } }, { "started.date": ["开工日期不能早于落地日期（2025-03-10）"] }],
    ["start date missing", at("LANDED"), { toStage: "STARTED", started: {} }, { "started.date": ["请填写开工日期"] }],
    ["start in the future", at("LANDED"), { toStage: "STARTED", started: { date: "2025-07-01" } }, { "started.date": ["开工日期不能晚于今天"] }],
    ["producing before starting is refused", at("STARTED"), { toStage: "PRODUCING", producing: { date: "2025-03-31" } }, { "producing.date": ["投产日期不能早于开工日期（2025-04-01）"] }],
    ["production date missing", at("STARTED"), { toStage: "PRODUCING", producing: { capacity: "年产 1 万台" } }, { "producing.date": ["请填写投产日期"] }],
    ["production in the future", at("STARTED"), { toStage: "PRODUCING", producing: { date: "2025-12-01" } }, { "producing.date": ["投产日期不能晚于今天"] }],
    ["capacity too long", at("STARTED"), { toStage: "PRODUCING", producing: { date: "2025-05-01", capacity: "产".repeat(201) } }, { "producing.capacity": ["产能不能超过 200 个字符"] }],
    ["note too long", at("STARTED"), { toStage: "PRODUCING", producing: { date: "2025-05-01" }, note: "注".repeat(501) }, { note: ["备注不能超过 500 个字符"] }],
    [
      "a jump checks each stage against the one before it",
      signed,
      { toStage: "PRODUCING", landed: { date: "2025-04-10", registrationDate: "2025-04-01" }, started: { date: "2025-04-09" }, producing: { date: "2025-04-08" } },
      { "started.date": ["开工日期不能早于落地日期（2025-04-10）"], "producing.date": ["投产日期不能早于开工日期（2025-04-09）"] },
    ],
    [
      "a jump reports every missing piece of evidence",
      signed,
      { toStage: "PRODUCING" },
      { "landed.date": ["请填写落地日期"], "landed.registrationDate": ["请填写注册日期"], "started.date": ["请填写开工日期"], "producing.date": ["请填写投产日期"] },
    ],
    [
      "an old import without a landing date falls back to the stage date",
      at("LANDED", "ACTIVE", { landedDate: null, stageDate: "2025-04-15" }),
      { toStage: "STARTED", started: { date: "2025-04-14" } },
      { "started.date": ["开工日期不能早于落地日期（2025-04-15）"] },
    ],
  ];

  it.each(TABLE)("%s", (_name, state, input, expected) => {
    const r = validateAdvance(state, input, TODAY);
    if (expected === "ok") expect(r).toMatchObject({ ok: true });
    else expect(r).toEqual({ ok: false, errors: expected });
  });

  it("签约即落地即开工: three stages on one date give three events with that date and their evidence", () => {
    const r = validateAdvance(
      at("SIGNED"),
      {
        toStage: "PRODUCING",
        landed: { date: "2025-03-01", registrationDate: "2025-02-20", landArea: "1,200.5" },
        started: { date: "2025-03-01" },
        producing: { date: "2025-03-01", capacity: " 年产 3 万套 " },
        note: "  标准地“拿地即开工”  ",
      },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      events: [
        { type: "ADVANCE", fromStage: "SIGNED", toStage: "LANDED", fromStatus: "ACTIVE", toStatus: "ACTIVE", date: "2025-03-01", evidence: { registrationDate: "2025-02-20", landArea: "1200.50" }, note: null },
        { type: "ADVANCE", fromStage: "LANDED", toStage: "STARTED", fromStatus: "ACTIVE", toStatus: "ACTIVE", date: "2025-03-01", evidence: { actualStartDate: "2025-03-01" }, note: null },
        { type: "ADVANCE", fromStage: "STARTED", toStage: "PRODUCING", fromStatus: "ACTIVE", toStatus: "ACTIVE", date: "2025-03-01", evidence: { productionDate: "2025-03-01", capacity: "年产 3 万套" }, note: "标准地“拿地即开工”" },
      ],
      patch: {
        stage: "PRODUCING",
        stageDate: "2025-03-01",
        landedDate: "2025-03-01",
        registeredDate: "2025-02-20",
        landArea: "1200.50",
        actualStartDate: "2025-03-01",
        actualProductionDate: "2025-03-01",
        capacity: "年产 3 万套",
      },
    });
  });

  it("leaves land area and capacity untouched when not given, and ignores sections of stages not reached", () => {
    const r = validateAdvance(at("SIGNED"), { toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-04-01" }, producing: { date: "junk" } }, TODAY);
    expect(r).toEqual({
      ok: true,
      events: [expect.objectContaining({ toStage: "LANDED", evidence: { registrationDate: "2025-04-01" } })],
      patch: { stage: "LANDED", stageDate: "2025-04-01", landedDate: "2025-04-01", registeredDate: "2025-04-01" },
    });
  });

  it("refuses an unknown target stage", () => {
    expect(validateAdvance(at("SIGNED"), { toStage: "DONE" as Stage }, TODAY)).toEqual({ ok: false, errors: { toStage: ["请选择目标阶段"] } });
  });
});

describe("corrections (backward moves)", () => {
  // "+" allowed whatever the status; "x" not a backward move.
  const TABLE: Record<Stage, string> = {
    //         to: SIGNED LANDED STARTED PRODUCING
    SIGNED: "x x x x",
    LANDED: "+ x x x",
    STARTED: "+ + x x",
    PRODUCING: "+ + + x",
  };
  const rows: [ProjectStatus, Stage, Stage, string][] = [];
  for (const status of PROJECT_STATUSES)
    for (const from of STAGES) TABLE[from].split(" ").forEach((cell, j) => rows.push([status, from, STAGES[j], cell]));

  it.each(rows)("%s %s -> %s: %s", (status, from, to, cell) => {
    const r = validateRollback(at(from, status), { toStage: to, reason: "误操作，实际尚未开工" }, TODAY);
    if (cell === "x") {
      expect(r).toEqual({ ok: false, errors: { toStage: [`更正回退的目标阶段须在当前阶段（${{ SIGNED: "签约", LANDED: "落地", STARTED: "开工", PRODUCING: "投产" }[from]}）之前`] } });
      return;
    }
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({ type: "ROLLBACK", fromStage: from, toStage: to, fromStatus: status, toStatus: status, date: TODAY, note: "误操作，实际尚未开工" });
    expect(r.patch.stage).toBe(to);
    expect(r.patch.status).toBeUndefined();
  });

  it.each([
    ["LANDED", "SIGNED", ["landedDate"], "2025-03-01"],
    ["STARTED", "SIGNED", ["landedDate", "actualStartDate"], "2025-03-01"],
    ["STARTED", "LANDED", ["actualStartDate"], "2025-03-10"],
    ["PRODUCING", "SIGNED", ["landedDate", "actualStartDate", "actualProductionDate", "capacity"], "2025-03-01"],
    ["PRODUCING", "LANDED", ["actualStartDate", "actualProductionDate", "capacity"], "2025-03-10"],
    ["PRODUCING", "STARTED", ["actualProductionDate", "capacity"], "2025-04-01"],
  ] as [Stage, Stage, string[], string][])("%s -> %s clears %j and goes back to that stage's date %s", (from, to, cleared, stageDate) => {
    expect(fieldsClearedByRollback(from, to)).toEqual(cleared);
    const state = at(from);
    const r = validateRollback(state, { toStage: to, reason: "更正" }, TODAY);
    if (!r.ok) throw new Error("expected ok");
    expect(r.cleared).toEqual(cleared);
    expect(r.patch).toEqual({ stage: to, stageDate, ...Object.fromEntries(cleared.map((f) => [f, null])) });
    // The values cleared are kept on the event, so the history still shows them.
    expect(r.event.evidence).toEqual(Object.fromEntries(cleared.map((f) => [f, (state as Record<string, unknown>)[f]])));
  });

  it.each([
    [undefined, "请填写更正原因"],
    ["", "请填写更正原因"],
    ["   ", "请填写更正原因"],
    ["因".repeat(501), "更正原因不能超过 500 个字符"],
  ])("needs a reason (%j)", (reason, message) => {
    expect(validateRollback(at("STARTED"), { toStage: "LANDED", reason }, TODAY)).toEqual({ ok: false, errors: { reason: [message] } });
  });

  it("trims the reason; 500 characters is the limit", () => {
    const r = validateRollback(at("STARTED"), { toStage: "LANDED", reason: ` ${"因".repeat(500)} ` }, TODAY);
    expect(r.ok && r.event.note).toBe("因".repeat(500));
  });
});

describe("suspend, terminate, resume", () => {
  // "+" allowed, "x" refused with a message on "action".
  const TABLE: Record<ProjectStatus, Record<StatusAction, string>> = {
    ACTIVE: { SUSPEND: "+", TERMINATE: "+", RESUME: "x" },
    SUSPENDED: { SUSPEND: "x", TERMINATE: "+", RESUME: "+" },
    TERMINATED: { SUSPEND: "x", TERMINATE: "x", RESUME: "+" },
  };
  const TARGET: Record<StatusAction, ProjectStatus> = { SUSPEND: "SUSPENDED", TERMINATE: "TERMINATED", RESUME: "ACTIVE" };
  const MESSAGES: Record<string, string> = {
    "SUSPENDED SUSPEND": "只有正常推进的项目可以暂缓（当前：暂缓）",
    "TERMINATED SUSPEND": "项目已终止，不能暂缓",
    "TERMINATED TERMINATE": "项目已终止，不能终止",
    "ACTIVE RESUME": "项目正在正常推进，无需恢复",
  };
  const rows: [Stage, ProjectStatus, StatusAction, string][] = [];
  for (const stage of STAGES) for (const status of PROJECT_STATUSES) for (const action of STATUS_ACTIONS) rows.push([stage, status, action, TABLE[status][action]]);

  it.each(rows)("at %s, %s + %s: %s", (stage, status, action, cell) => {
    const r = validateStatusChange(at(stage, status), { action, date: "2025-06-15", reason: "企业资金链紧张" }, TODAY);
    if (cell === "x") {
      expect(r).toEqual({ ok: false, errors: { action: [MESSAGES[`${status} ${action}`]] } });
      return;
    }
    expect(r).toEqual({
      ok: true,
      event: { type: action, fromStage: stage, toStage: stage, fromStatus: status, toStatus: TARGET[action], date: "2025-06-15", evidence: null, note: "企业资金链紧张" },
      patch: { status: TARGET[action], statusDate: "2025-06-15", statusReason: "企业资金链紧张" },
    });
  });

  type Row = [name: string, state: ProjectState, action: StatusAction, date: string | undefined, reason: string | undefined, expected: Record<string, string[]> | "ok"];
  const started = at("STARTED"); // reached 2025-04-01
  const suspended = at("STARTED", "SUSPENDED", { statusDate: "2025-05-10" });
  const TABLE2: Row[] = [
    ["suspend today", started, "SUSPEND", TODAY, "停工", "ok"],
    ["suspend tomorrow", started, "SUSPEND", "2025-07-01", "停工", { date: ["暂缓日期不能晚于今天"] }],
    ["suspend on the day the stage was reached", started, "SUSPEND", "2025-04-01", "停工", "ok"],
    ["suspend before the stage was reached", started, "SUSPEND", "2025-03-31", "停工", { date: ["暂缓日期不能早于当前阶段（开工）的开工日期（2025-04-01）"] }],
    ["terminate without a date", started, "TERMINATE", undefined, "解约", { date: ["请填写终止日期"] }],
    ["terminate with a malformed date", started, "TERMINATE", "2025/06/01", "解约", { date: ["终止日期不是有效日期（格式 YYYY-MM-DD）"] }],
    ["terminate without a reason", started, "TERMINATE", "2025-06-01", "  ", { reason: ["请填写终止原因"] }],
    ["suspend with a reason too long", started, "SUSPEND", "2025-06-01", "因".repeat(501), { reason: ["暂缓原因不能超过 500 个字符"] }],
    ["resume before the suspension", suspended, "RESUME", "2025-05-09", "复工", { date: ["恢复日期不能早于上次状态变更日期（2025-05-10）"] }],
    ["resume on the day of the suspension", suspended, "RESUME", "2025-05-10", "复工", "ok"],
    ["resume without a reason", suspended, "RESUME", "2025-06-01", undefined, { reason: ["请填写恢复原因"] }],
    ["terminate a suspended project before it was suspended", suspended, "TERMINATE", "2025-05-01", "解约", { date: ["终止日期不能早于上次状态变更日期（2025-05-10）"] }],
    ["suspend again after a resumption, before it", at("STARTED", "ACTIVE", { statusDate: "2025-06-01" }), "SUSPEND", "2025-05-31", "停工", { date: ["暂缓日期不能早于上次状态变更日期（2025-06-01）"] }],
    ["several problems at once", started, "SUSPEND", "", "", { date: ["请填写暂缓日期"], reason: ["请填写暂缓原因"] }],
  ];

  it.each(TABLE2)("%s", (_name, state, action, date, reason, expected) => {
    const r = validateStatusChange(state, { action, date, reason }, TODAY);
    if (expected === "ok") expect(r).toMatchObject({ ok: true });
    else expect(r).toEqual({ ok: false, errors: expected });
  });

  it("refuses an unknown action", () => {
    expect(validateStatusChange(started, { action: "DELETE" as StatusAction, date: TODAY, reason: "x" }, TODAY)).toEqual({
      ok: false,
      errors: { action: ["请选择操作：暂缓、终止或恢复推进"] },
    });
  });
});

describe("what the UI may offer", () => {
  const TABLE: [Stage, ProjectStatus, Stage[], Stage[], StatusAction[]][] = [
    ["SIGNED", "ACTIVE", ["LANDED", "STARTED", "PRODUCING"], [], ["SUSPEND", "TERMINATE"]],
    ["LANDED", "ACTIVE", ["STARTED", "PRODUCING"], ["SIGNED"], ["SUSPEND", "TERMINATE"]],
    ["STARTED", "ACTIVE", ["PRODUCING"], ["SIGNED", "LANDED"], ["SUSPEND", "TERMINATE"]],
    ["PRODUCING", "ACTIVE", [], ["SIGNED", "LANDED", "STARTED"], ["SUSPEND", "TERMINATE"]],
    ["SIGNED", "SUSPENDED", [], [], ["TERMINATE", "RESUME"]],
    ["STARTED", "SUSPENDED", [], ["SIGNED", "LANDED"], ["TERMINATE", "RESUME"]],
    ["LANDED", "TERMINATED", [], ["SIGNED"], ["RESUME"]],
    ["PRODUCING", "TERMINATED", [], ["SIGNED", "LANDED", "STARTED"], ["RESUME"]],
  ];
  it.each(TABLE)("%s %s", (stage, status, advance, rollback, statusActions) => {
    expect(allowedMoves(stage, status)).toEqual({ advance, rollback, statusActions });
  });

  it("agrees with the validators for every stage and status", () => {
    for (const stage of STAGES)
      for (const status of PROJECT_STATUSES) {
        const moves = allowedMoves(stage, status);
        for (const to of STAGES) {
          expect(validateAdvance(at(stage, status), fullInput(to), TODAY).ok).toBe(moves.advance.includes(to));
          expect(validateRollback(at(stage, status), { toStage: to, reason: "r" }, TODAY).ok).toBe(moves.rollback.includes(to));
        }
        for (const action of STATUS_ACTIONS) {
          expect(validateStatusChange(at(stage, status), { action, date: TODAY, reason: "r" }, TODAY).ok).toBe(moves.statusActions.includes(action));
        }
      }
  });
});

describe("editing the signing date", () => {
  it.each([
    [{ signedDate: "2025-03-01" }, null],
    [{ signedDate: "2025-03-10", landedDate: "2025-03-10" }, null],
    [{ signedDate: "2025-03-11", landedDate: "2025-03-10" }, "签约日期不能晚于落地日期（2025-03-10）"],
    [{ signedDate: "2025-05-01", landedDate: null, actualStartDate: "2025-04-01" }, "签约日期不能晚于开工日期（2025-04-01）"],
    [{ signedDate: "2025-05-01", landedDate: "2025-06-01", actualStartDate: "2025-06-01", actualProductionDate: "2025-04-30" }, "签约日期不能晚于投产日期（2025-04-30）"],
  ])("%j -> %s", (dates, expected) => {
    expect(signedDateProblem(dates)).toBe(expected);
  });
});
