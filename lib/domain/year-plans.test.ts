import { describe, expect, it } from "vitest";
import {
  type CarryInput,
  carryOver,
  describePlan,
  fromCents,
  planFlagProblems,
  planFromCells,
  planYearProblem,
  plannableYears,
  producingByYearEnd,
  samePlan,
  startedByYearEnd,
  toCents,
} from "./year-plans";

describe("a row's cells as a plan", () => {
  it("a blank amount with neither flag is no plan; a flag alone plans 0; a typed 0 is a plan", () => {
    expect(planFromCells({ plannedInvestment: null, planStart: false, planProduction: false })).toBeNull();
    expect(planFromCells({ plannedInvestment: null, planStart: true, planProduction: false })).toEqual({ plannedInvestment: "0.00", planStart: true, planProduction: false });
    expect(planFromCells({ plannedInvestment: "0.00", planStart: false, planProduction: false })).toEqual({ plannedInvestment: "0.00", planStart: false, planProduction: false });
    expect(planFromCells({ plannedInvestment: "1200.00", planStart: false, planProduction: true })).toEqual({ plannedInvestment: "1200.00", planStart: false, planProduction: true });
  });

  it("compares plans by value: amounts as numbers, none equals none only", () => {
    const p = { plannedInvestment: "12.5", planStart: true, planProduction: false };
    expect(samePlan(p, { ...p, plannedInvestment: "12.50" })).toBe(true);
    expect(samePlan(p, { ...p, plannedInvestment: "12.51" })).toBe(false);
    expect(samePlan(p, { ...p, planStart: false })).toBe(false);
    expect(samePlan(p, { ...p, planProduction: true })).toBe(false);
    expect(samePlan(null, null)).toBe(true);
    expect(samePlan(null, p)).toBe(false);
    expect(samePlan(p, null)).toBe(false);
  });

  it("describes a plan in Chinese", () => {
    expect(describePlan(null)).toBe("未列入计划");
    expect(describePlan({ plannedInvestment: "300.00", planStart: true, planProduction: true })).toBe("计划投资 300.00，计划开工，计划投产");
  });
});

describe("money in cents", () => {
  it("is exact both ways", () => {
    expect(toCents("1234.5")).toBe(123450n);
    expect(toCents("0.01")).toBe(1n);
    expect(toCents("-3")).toBe(-300n);
    expect(toCents("99999999.99")).toBe(9999999999n);
    expect(fromCents(123450n)).toBe("1234.50");
    expect(fromCents(5n)).toBe("0.05");
    expect(fromCents(-250n)).toBe("-2.50");
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is 30.
    expect(fromCents(toCents("0.1") + toCents("0.2"))).toBe("0.30");
  });

  it("refuses what is not an amount", () => {
    expect(() => toCents("1.234")).toThrow(RangeError);
    expect(() => toCents("abc")).toThrow(RangeError);
    expect(() => toCents("")).toThrow(RangeError);
  });
});

describe("the plan year", () => {
  it("is not before signing nor more than five years ahead", () => {
    expect(planYearProblem(2026, 2026, 2026)).toBeNull();
    expect(planYearProblem(2031, 2024, 2026)).toBeNull();
    expect(planYearProblem(2025, 2026, 2026)).toBe("计划年份不能早于项目签约的 2026 年");
    expect(planYearProblem(2032, 2024, 2026)).toBe("计划年份不能晚于 2031 年");
  });

  it("offers the signing year (or an earlier plan) to two years ahead, newest first", () => {
    expect(plannableYears(2025, 2026, [])).toEqual([2028, 2027, 2026, 2025]);
    expect(plannableYears(2026, 2026, [2024])).toEqual([2028, 2027, 2026, 2025, 2024]);
    expect(plannableYears(2026, 2026, [2030])).toEqual([2030, 2029, 2028, 2027, 2026]);
    expect(plannableYears(2027, 2026, [])).toEqual([2028, 2027]);
  });
});

describe("started or producing by the end of a year", () => {
  const started = { stage: "STARTED" as const, status: "ACTIVE" as const, actualStartDate: "2026-12-31", actualProductionDate: null };
  it("counts the start date against the year's last day, with the current stage", () => {
    expect(startedByYearEnd(started, 2026)).toBe(true);
    expect(startedByYearEnd(started, 2025)).toBe(false);
    expect(startedByYearEnd({ ...started, actualStartDate: "2027-01-01" }, 2026)).toBe(false);
    // Corrected back to 落地: the start no longer counts, whatever date was left.
    expect(startedByYearEnd({ ...started, stage: "LANDED" }, 2026)).toBe(false);
    expect(producingByYearEnd({ ...started, stage: "PRODUCING", actualProductionDate: "2026-06-01" }, 2026)).toBe(true);
    expect(producingByYearEnd({ ...started, actualProductionDate: "2026-06-01" }, 2026)).toBe(false);
    expect(producingByYearEnd({ ...started, stage: "PRODUCING", actualProductionDate: "2027-02-01" }, 2026)).toBe(false);
  });
});

describe("carrying a year's plan into the next", () => {
  const base: CarryInput = {
    year: 2026,
    plan: { plannedInvestment: "1000.00", planStart: true, planProduction: false },
    project: { stage: "LANDED", status: "ACTIVE", actualStartDate: null, actualProductionDate: null },
    completedInYear: "0.00",
    nextPlan: null,
    mode: "remainder",
  };

  it("a planned start that did not happen is planned for next year, with the unfinished investment", () => {
    expect(carryOver(base)).toEqual({
      kind: "carry",
      next: { plannedInvestment: "1000.00", planStart: true, planProduction: false },
      why: ["计划 2026 年开工，年底前未开工", "计划投资 1000.00 万元，当年完成 0.00 万元，未完成 1000.00 万元"],
      note: "由 2026 年计划结转",
    });
  });

  it("a start in January of the next year still carries the plan to start (it starts next year)", () => {
    const r = carryOver({ ...base, project: { ...base.project, stage: "STARTED", actualStartDate: "2027-01-15" } });
    expect(r).toMatchObject({ kind: "carry", next: { planStart: true } });
  });

  it("a planned production that did not happen is carried; the start that happened is not", () => {
    const r = carryOver({
      ...base,
      plan: { plannedInvestment: "2000.00", planStart: true, planProduction: true },
      project: { stage: "STARTED", status: "ACTIVE", actualStartDate: "2026-03-01", actualProductionDate: null },
      completedInYear: "1500.00",
    });
    expect(r).toMatchObject({ kind: "carry", next: { plannedInvestment: "500.00", planStart: false, planProduction: true }, why: ["计划 2026 年投产，年底前未投产", "计划投资 2000.00 万元，当年完成 1500.00 万元，未完成 500.00 万元"] });
  });

  it("remainder mode never goes below 0; entered mode carries the planned amount as entered", () => {
    const over = { ...base, completedInYear: "1200.00" };
    expect(carryOver(over)).toMatchObject({ kind: "carry", next: { plannedInvestment: "0.00", planStart: true }, why: ["计划 2026 年开工，年底前未开工"] });
    expect(carryOver({ ...over, mode: "entered" })).toMatchObject({ kind: "carry", next: { plannedInvestment: "1000.00" } });
    expect(carryOver({ ...base, completedInYear: "333.33", mode: "entered" })).toMatchObject({ next: { plannedInvestment: "1000.00" } });
    expect(carryOver({ ...base, completedInYear: "333.33" })).toMatchObject({ next: { plannedInvestment: "666.67" } });
  });

  it("only unfinished investment carries too, without flags", () => {
    const r = carryOver({
      ...base,
      plan: { plannedInvestment: "800.00", planStart: false, planProduction: false },
      project: { stage: "PRODUCING", status: "ACTIVE", actualStartDate: "2024-01-01", actualProductionDate: "2025-06-01" },
      completedInYear: "500.00",
    });
    expect(r).toMatchObject({ kind: "carry", next: { plannedInvestment: "300.00", planStart: false, planProduction: false } });
  });

  it("a finished plan or a terminated project carries nothing; a suspended one is carried", () => {
    const finished = carryOver({ ...base, project: { stage: "STARTED", status: "ACTIVE", actualStartDate: "2026-05-01", actualProductionDate: null }, completedInYear: "1000.00" });
    expect(finished).toEqual({ kind: "none", reason: "年度计划已完成" });
    expect(carryOver({ ...base, project: { ...base.project, status: "TERMINATED" } })).toEqual({ kind: "none", reason: "项目已终止，不结转" });
    expect(carryOver({ ...base, project: { ...base.project, status: "SUSPENDED" } })).toMatchObject({ kind: "carry" });
  });

  it("an existing plan for next year is never overwritten: the outcome says so, with what would have been carried", () => {
    const r = carryOver({ ...base, nextPlan: { plannedInvestment: "100.00", planStart: false, planProduction: true } });
    expect(r).toEqual({
      kind: "exists",
      proposed: { plannedInvestment: "1000.00", planStart: true, planProduction: false },
      why: ["计划 2026 年开工，年底前未开工", "计划投资 1000.00 万元，当年完成 0.00 万元，未完成 1000.00 万元"],
      reason: "已有 2027 年计划（计划投资 100.00，计划投产），不覆盖",
    });
    // Nothing unfinished: "none" wins over "exists".
    expect(carryOver({ ...base, plan: { ...base.plan, planStart: false }, completedInYear: "1000.00", nextPlan: { plannedInvestment: "1.00", planStart: false, planProduction: false } })).toMatchObject({ kind: "none" });
  });
});

describe("flags that contradict what happened", () => {
  const p = { stage: "PRODUCING" as const, status: "ACTIVE" as const, actualStartDate: "2025-04-01", actualProductionDate: "2026-03-01" };
  const plan = (planStart: boolean, planProduction: boolean) => ({ plannedInvestment: "0.00", planStart, planProduction });
  it("refuses planning a start or production that happened before the year", () => {
    expect(planFlagProblems(plan(true, true), p, 2027)).toEqual([
      { field: "planStart", message: "已于 2025-04-01 开工，不能再计划 2027 年开工" },
      { field: "planProduction", message: "已于 2026-03-01 投产，不能再计划 2027 年投产" },
    ]);
    expect(planFlagProblems(plan(false, true), p, 2026)).toEqual([]);
    expect(planFlagProblems(plan(true, false), p, 2025)).toEqual([]);
    expect(planFlagProblems(plan(true, false), p, 2026)).toMatchObject([{ field: "planStart" }]);
    // Corrected back to 签约: nothing happened, any plan goes.
    expect(planFlagProblems(plan(true, true), { ...p, stage: "SIGNED" }, 2027)).toEqual([]);
  });
});
