import { describe, expect, it } from "vitest";
import { effectiveDateProblem, periodCountedRange, periodLabel, periodRange, resolveRuleIntervals, ruleOn, type RuleVersion } from "./points";

describe("periods", () => {
  it("months, quarters and years with their days", () => {
    expect(periodRange({ type: "month", year: 2026, n: 2 })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodRange({ type: "quarter", year: 2026, n: 4 })).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(periodRange({ type: "year", year: 2024, n: 1 })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(periodLabel({ type: "quarter", year: 2026, n: 3 })).toBe("2026年第三季度");
    expect(periodCountedRange({ type: "month", year: 2026, n: 11 }, "2026-11-25")).toEqual({ from: "2026-11-01", to: "2026-11-25" });
    expect(periodCountedRange({ type: "month", year: 2026, n: 12 }, "2026-11-25")).toBeNull();
  });
});

describe("rule versions", () => {
  const v = (level: RuleVersion["level"], points: number, effectiveFrom: string): RuleVersion => ({ level, kind: "PROJECT_STARTED", earner: "LIAISON", points, effectiveFrom });
  it("the built-in default until a version, the region's until the park's own, each from its date", () => {
    const rules = resolveRuleIntervals(1, [v("region", 6, "2026-03-01"), v("park", 8, "2026-06-01"), v("region", 7, "2026-09-01")]);
    const at = (date: string) => ruleOn(rules, "PROJECT_STARTED", "LIAISON", date);
    expect(at("2026-02-28")).toMatchObject({ points: 5, source: "default" });
    expect(at("2026-03-01")).toMatchObject({ points: 6, source: "region" });
    expect(at("2026-06-01")).toMatchObject({ points: 8, source: "park" });
    expect(at("2026-10-01")).toMatchObject({ points: 8, source: "park" });
    expect(ruleOn(rules, "PROJECT_STARTED", "LEADER", "2026-10-01")).toMatchObject({ points: 5, source: "default" });
  });
  it("a new rule may not take effect before this month", () => {
    expect(effectiveDateProblem("2026-10-31", "2026-11-25")).toContain("生效日期不能早于 2026-11-01");
    expect(effectiveDateProblem("2026-11-01", "2026-11-25")).toBeNull();
  });
});
