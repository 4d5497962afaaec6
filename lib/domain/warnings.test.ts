import { describe, expect, it } from "vitest";
import {
  DEFAULT_WARNING_RULES,
  type LightContext,
  type LightInputs,
  addMonths,
  evaluateLights,
  filingLight,
  mergeWarningRules,
  progressLight,
  startLight,
  toCents,
  worstLight,
} from "./warnings";
import { parkWarningRules, warningRulesFormSchema, formToRules, rulesToForm } from "@/lib/validation/warning-rules";

const CTX: LightContext = { today: "2026-11-23", monthsElapsed: 10, lastMonth: { year: 2026, month: 10 }, lastMonthDue: "2026-11-06" };
const R = DEFAULT_WARNING_RULES;

const base: LightInputs = {
  stage: "LANDED",
  status: "ACTIVE",
  plannedStartDate: null,
  actualStartDate: null,
  plannedInvestment: null,
  completedThisYear: "0",
  overdueMonths: 0,
  pendingLastMonth: false,
};

describe("start light (green on plan; yellow due this month or past; red 3 months past plan)", () => {
  it.each([
    ["planned next month", { plannedStartDate: "2026-12-01" }, "GREEN"],
    ["planned later this month", { plannedStartDate: "2026-11-30" }, "YELLOW"],
    ["planned today", { plannedStartDate: "2026-11-23" }, "YELLOW"],
    ["planned earlier this month", { plannedStartDate: "2026-11-01" }, "YELLOW"],
    ["two months late", { plannedStartDate: "2026-09-24" }, "YELLOW"],
    ["exactly three months late", { plannedStartDate: "2026-08-23" }, "RED"],
    ["one day short of three months", { plannedStartDate: "2026-08-24" }, "YELLOW"],
    ["a year late", { plannedStartDate: "2025-11-01" }, "RED"],
    ["signed, red too", { stage: "SIGNED", plannedStartDate: "2026-01-01" }, "RED"],
    ["started (even if late) is green", { stage: "STARTED", plannedStartDate: "2025-01-01" }, "GREEN"],
    ["producing is green", { stage: "PRODUCING", plannedStartDate: null }, "GREEN"],
    ["no planned start: no light", { plannedStartDate: null }, null],
    ["suspended: no light", { status: "SUSPENDED", plannedStartDate: "2025-01-01" }, null],
    ["terminated: no light", { status: "TERMINATED", plannedStartDate: "2025-01-01" }, null],
  ])("%s", (_, over, light) => {
    expect(startLight({ ...base, ...over }, R, CTX).light).toBe(light);
  });

  it("a park may set the red threshold and switch the rule off", () => {
    const p = { ...base, plannedStartDate: "2026-09-20" };
    expect(startLight(p, mergeWarningRules({ start: { redMonthsLate: 2 } }), CTX).light).toBe("RED");
    expect(startLight(p, mergeWarningRules({ start: { enabled: false } }), CTX).light).toBeNull();
  });

  it("explains itself", () => {
    expect(startLight({ ...base, plannedStartDate: "2026-11-30" }, R, CTX).reason).toBe("本月计划开工（2026-11-30），尚未开工");
    expect(startLight({ ...base, plannedStartDate: "2026-01-01" }, R, CTX).reason).toBe("计划 2026-01-01 开工，已超过 3 个月仍未开工");
  });

  it("adds months like PostgreSQL (clamped to the month's end)", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-11-30", 3)).toBe("2029-02-28");
    expect(addMonths("2026-10-15", 3)).toBe("2027-01-15");
  });
});

describe("progress light (序时进度 = months elapsed / 12)", () => {
  const started = { ...base, stage: "STARTED", actualStartDate: "2025-05-01", plannedInvestment: "12000" };
  // 10 months elapsed: 序时进度 83.33%. 1% of 12,000 is 120.
  it.each([
    ["on time progress", "10000", "GREEN"],
    ["ahead", "12000", "GREEN"],
    ["9.9 points behind", "8812", "GREEN"],
    ["exactly 10 points behind", "8800", "YELLOW"],
    ["20 points behind", "7600", "YELLOW"],
    ["exactly 30 points behind", "6400", "YELLOW"],
    ["just over 30 points behind", "6399.99", "RED"],
    ["nothing done", "0", "RED"],
  ])("%s (%s of 12,000)", (_, done, light) => {
    expect(progressLight({ ...started, completedThisYear: done }, R, CTX).light).toBe(light);
  });

  it.each([
    ["no plan this year", { plannedInvestment: null }, null],
    ["a zero plan", { plannedInvestment: "0.00" }, null],
    ["not started (the start light covers it)", { stage: "LANDED" }, null],
    ["suspended", { status: "SUSPENDED" }, null],
  ])("%s: no light", (_, over, light) => {
    expect(progressLight({ ...started, ...over }, R, CTX).light).toBe(light);
  });

  it("is green in January, when no month has elapsed", () => {
    expect(progressLight({ ...started, completedThisYear: "0" }, R, { ...CTX, today: "2026-01-20", monthsElapsed: 0 }).light).toBe("GREEN");
  });

  it.each([
    // started this year: 序时进度 runs from the start month (October start: 1 of 3 months = 33.3%)
    ["2026-10-05", "0", "RED", 33.3],
    ["2026-10-05", "120", "YELLOW", 33.3],
    ["2026-10-05", "300", "GREEN", 33.3],
    ["2026-11-04", "0", "GREEN", 0], // started this month: nothing elapsed yet
    ["2026-01-20", "0", "RED", 83.3],
  ])("started %s, %s of 1,200 done: %s", (start, done, light, timePct) => {
    const r = progressLight({ ...started, actualStartDate: start, plannedInvestment: "1200", completedThisYear: done }, R, CTX);
    expect([r.light, r.timePct]).toEqual([light, timePct]);
  });

  it("follows a park's thresholds", () => {
    const rules = mergeWarningRules({ progress: { yellowPoints: 5, redPoints: 15 } });
    expect(progressLight({ ...started, completedThisYear: "9400" }, rules, CTX).light).toBe("YELLOW"); // 5 points
    expect(progressLight({ ...started, completedThisYear: "8000" }, rules, CTX).light).toBe("RED"); // 16.7 points
  });

  it("reports the figures", () => {
    const r = progressLight({ ...started, completedThisYear: "6000" }, R, CTX);
    expect(r).toMatchObject({ completionPct: 50, timePct: 83.3, light: "RED" });
    expect(r.reason).toBe("本年完成 50%，序时进度 83.3%，落后超过 30 个百分点");
  });
});

describe("filing light", () => {
  const filer = { ...base, stage: "STARTED", actualStartDate: "2026-03-01" };
  it.each([
    ["all filed", {}, "GREEN"],
    ["last month pending before its due date", { pendingLastMonth: true }, "YELLOW"],
    ["an overdue month", { overdueMonths: 1 }, "RED"],
    ["overdue beats pending", { overdueMonths: 2, pendingLastMonth: true }, "RED"],
    ["not started: no light", { stage: "LANDED", actualStartDate: null, overdueMonths: 3 }, null],
    ["started without a start date: no light", { actualStartDate: null }, null],
    ["suspended: no light", { status: "SUSPENDED", overdueMonths: 3 }, null],
  ])("%s", (_, over, light) => {
    expect(filingLight({ ...filer, ...over }, R, CTX).light).toBe(light);
  });

  it("names the month and due date when pending; may be switched off", () => {
    expect(filingLight({ ...filer, pendingLastMonth: true }, R, CTX).reason).toBe("2026年10月月报待填报，截止 2026-11-06");
    expect(filingLight({ ...filer, overdueMonths: 2 }, mergeWarningRules({ filing: { enabled: false } }), CTX).light).toBeNull();
  });
});

describe("overall light", () => {
  it("is the worst applicable light, with every reason", () => {
    const r = evaluateLights(
      { ...base, stage: "STARTED", actualStartDate: "2026-01-10", plannedInvestment: "1000", completedThisYear: "700", pendingLastMonth: true },
      R,
      CTX,
    );
    expect(r).toMatchObject({ overall: "YELLOW", start: "GREEN", progress: "YELLOW", filing: "YELLOW" });
    expect(r.reasons).toEqual(["投资进度：本年完成 70%，序时进度 83.3%，落后 10–30 个百分点", "月报：2026年10月月报待填报，截止 2026-11-06"]);
    expect(evaluateLights({ ...base, stage: "SIGNED" }, R, CTX)).toMatchObject({ overall: null, reasons: [] });
    expect(worstLight([null, "GREEN", "RED", "YELLOW"])).toBe("RED");
    expect(worstLight([null, null])).toBeNull();
  });

  it("converts money exactly", () => {
    expect(toCents("6399.99")).toBe(639999);
    expect(toCents("12000")).toBe(1200000);
    expect(toCents("0.5")).toBe(50);
  });
});

describe("park overrides (Park.warningRules)", () => {
  it("lays a stored override over the defaults and ignores unusable JSON", () => {
    expect(parkWarningRules(null)).toEqual(DEFAULT_WARNING_RULES);
    expect(parkWarningRules({ progress: { redPoints: 40 } }).progress).toEqual({ enabled: true, yellowPoints: 10, redPoints: 40 });
    expect(parkWarningRules({ start: { redMonthsLate: "x" } })).toEqual(DEFAULT_WARNING_RULES);
    expect(parkWarningRules({ progress: { yellowPoints: 40 } })).toEqual(DEFAULT_WARNING_RULES); // yellow above red
    expect(parkWarningRules({ unknown: 1 })).toEqual(DEFAULT_WARNING_RULES);
  });

  it("validates the settings form with Chinese messages naming the field", () => {
    const bad = warningRulesFormSchema.safeParse({ startEnabled: "on", startRedMonthsLate: "0", progressEnabled: "on", progressYellowPoints: "20", progressRedPoints: "15" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages).toContain("startRedMonthsLate:开工红灯月数不能小于 1 个月");
    expect(messages).toContain("progressRedPoints:投资进度红灯百分点须大于黄灯百分点");
    const ok = warningRulesFormSchema.parse({ startEnabled: "on", startRedMonthsLate: "2", progressEnabled: "on", progressYellowPoints: "5", progressRedPoints: "20" });
    expect(ok.filingEnabled).toBe(false);
    expect(rulesToForm(formToRules(ok))).toEqual(ok);
  });
});
