import { describe, expect, it } from "vitest";
import {
  EMPTY_COUNTS,
  type IndicatorCounts,
  type ProjectFacts,
  cohortWindow,
  computeIndicators,
  countIndicators,
  defaultPeriod,
  defaultThrough,
  describeMetric,
  dueAsOf,
  formatPercent,
  formatPoints,
  isDueNotStarted,
  percentPoints,
  periodEnd,
  pointsAgainstTime,
  rate,
  timeProgress,
} from "./indicators";

const byKey = (c: IndicatorCounts, through = 10) => Object.fromEntries(computeIndicators(c, through).map((i) => [i.key, i]));

describe("rate and formatPercent", () => {
  it("reproduces the published checks (docs/domain.md#published-checks)", () => {
    expect(formatPercent(rate(18 + 180, 292))).toBe("67.8%"); // 开工率, cohort
    expect(formatPercent(rate(244, 247))).toBe("98.8%"); // 履约率
    expect(formatPercent(rate(209000, 232900))).toBe("89.7%"); // 20.9亿/23.29亿 in 万元
    expect(formatPercent(rate("209000.00", "232900.00"))).toBe("89.7%"); // as SQL returns sums
    expect(formatPercent(rate(370, 1077), 0)).toBe("34%"); // 资金到位率 as published
    expect(formatPercent(rate(370, 1077))).toBe("34.4%");
    expect(formatPercent(rate(206, 255))).toBe("80.8%"); // 开工率, plan
    expect(formatPercent(rate(118, 218), 2)).toBe("54.13%"); // 投产率 with two decimals
  });

  it("rounds half up; the published 99.65% for 291/292 is a truncation of 99.657%", () => {
    expect(formatPercent(rate(291, 292))).toBe("99.7%");
    expect(formatPercent(rate(291, 292), 2)).toBe("99.66%");
    expect(formatPercent(0.6785)).toBe("67.9%");
    expect(formatPercent(0.12345, 2)).toBe("12.35%");
  });

  it("gives null for a zero denominator, shown as —, never NaN or 0%", () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(5, 0)).toBeNull();
    expect(rate("0.00", "0")).toBeNull();
    expect(formatPercent(rate(0, 0))).toBe("—");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(rate(0, 7)).toBe(0);
    expect(formatPercent(rate(0, 7))).toBe("0.0%");
  });

  it("allows rates above 100% (funds against a plan)", () => {
    expect(formatPercent(rate(1500, 1000))).toBe("150.0%");
  });
});

describe("序时进度", () => {
  it("is months elapsed ÷ 12", () => {
    expect(formatPercent(timeProgress(10))).toBe("83.3%");
    expect(timeProgress(12)).toBe(1);
    expect(() => timeProgress(0)).toThrow(RangeError);
    expect(() => timeProgress(13)).toThrow(RangeError);
  });

  it("reproduces 97.2% vs 83.3% = 13.8 points ahead (from the unrounded completion)", () => {
    // The published completion shows as 97.2%; 13.8 points follow from an unrounded
    // 97.1x%. We always subtract unrounded values and round once.
    const completion = rate(97_160, 100_000)!;
    expect(formatPercent(completion)).toBe("97.2%");
    expect(pointsAgainstTime(completion, 10)).toBe(13.8);
    expect(formatPoints(13.8)).toBe("领先序时进度 13.8 个百分点");
    // An exact 97.2% is 13.9 points ahead of 10/12.
    expect(pointsAgainstTime(0.972, 10)).toBe(13.9);
  });

  it("reports behind, level and missing", () => {
    expect(pointsAgainstTime(0.5, 10)).toBe(-33.3);
    expect(formatPoints(-33.3)).toBe("落后序时进度 33.3 个百分点");
    expect(pointsAgainstTime(0.5, 6)).toBe(0);
    expect(formatPoints(0)).toBe("与序时进度持平");
    expect(pointsAgainstTime(null, 6)).toBeNull();
    expect(formatPoints(null)).toBe("—");
  });

  it("rounds a difference of rates to points half-up, away from zero", () => {
    expect(percentPoints(0.13849)).toBe(13.8);
    expect(percentPoints(0.1385)).toBe(13.9);
    expect(percentPoints(-0.1385)).toBe(-13.9);
    expect(percentPoints(0)).toBe(0);
  });
});

describe("periods", () => {
  it("ends on the last day of the month", () => {
    expect(periodEnd(2026, 10)).toBe("2026-10-31");
    expect(periodEnd(2024, 2)).toBe("2024-02-29");
    expect(periodEnd(2026, 12)).toBe("2026-12-31");
  });

  it("cuts the cohort at the period end only in the period's own year", () => {
    expect(cohortWindow({ year: 2026, through: 10, cohort: 2026 })).toEqual({ from: "2026-01-01", to: "2026-10-31" });
    expect(cohortWindow({ year: 2026, through: 10, cohort: 2025 })).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("judges 'due' at the period end or today, whichever is earlier", () => {
    expect(dueAsOf({ year: 2026, through: 12, cohort: 2026 }, "2026-11-23")).toBe("2026-11-23");
    expect(dueAsOf({ year: 2026, through: 10, cohort: 2026 }, "2026-11-23")).toBe("2026-10-31");
  });

  it("defaults to the last complete month, in January to the whole previous year", () => {
    expect(defaultPeriod("2026-11-23")).toEqual({ year: 2026, through: 10 });
    expect(defaultPeriod("2026-02-01")).toEqual({ year: 2026, through: 1 });
    expect(defaultPeriod("2027-01-05")).toEqual({ year: 2026, through: 12 });
    expect(defaultThrough(2027, "2027-01-05")).toBe(1);
    expect(defaultThrough(2026, "2027-01-05")).toBe(12);
    expect(defaultThrough(2026, "2026-11-23")).toBe(10);
  });
});

describe("isDueNotStarted", () => {
  const p = (stage: ProjectFacts["stage"], status: ProjectFacts["status"], plannedStartDate: string | null) => ({ stage, status, plannedStartDate });
  it("needs a passed planned start, no start, and an honoured contract", () => {
    expect(isDueNotStarted(p("LANDED", "ACTIVE", "2026-05-01"), "2026-10-31")).toBe(true);
    expect(isDueNotStarted(p("SIGNED", "SUSPENDED", "2026-10-31"), "2026-10-31")).toBe(true);
    expect(isDueNotStarted(p("SIGNED", "ACTIVE", "2026-11-01"), "2026-10-31")).toBe(false);
    expect(isDueNotStarted(p("SIGNED", "ACTIVE", null), "2026-10-31")).toBe(false);
    expect(isDueNotStarted(p("STARTED", "ACTIVE", "2026-01-01"), "2026-10-31")).toBe(false);
    expect(isDueNotStarted(p("PRODUCING", "SUSPENDED", "2026-01-01"), "2026-10-31")).toBe(false);
    expect(isDueNotStarted(p("SIGNED", "TERMINATED", "2026-01-01"), "2026-10-31")).toBe(false);
  });
});

describe("computeIndicators", () => {
  it("shows — for every rate of an empty scope", () => {
    for (const i of computeIndicators(EMPTY_COUNTS, 10)) {
      expect(i.rate, i.key).toBeNull();
      expect(formatPercent(i.rate)).toBe("—");
    }
    expect(byKey(EMPTY_COUNTS).investmentYear.pointsAgainstTime).toBeNull();
  });

  it("builds each rate from its own numerator and denominator", () => {
    const c: IndicatorCounts = {
      ...EMPTY_COUNTS,
      signed: 292,
      honoured: 291,
      landed: 219,
      started: 198,
      producing: 118,
      honouredContractInvestment: "1077.00",
      fundsArrived: "370.00",
      planStart: 255,
      planStarted: 206,
      planDue: 77,
      planDueStarted: 68,
      planProduction: 0,
      plannedInvestment: "232900.00",
      yearCompleted: "209000.00",
      totalInvestment: "500000.00",
      totalCompleted: "250000.00",
    };
    const k = byKey(c, 11);
    expect(formatPercent(k.fulfilment.rate, 2)).toBe("99.66%");
    expect(formatPercent(k.landing.rate)).toBe("75.0%");
    expect(formatPercent(k.startCohort.rate)).toBe("67.8%");
    expect(formatPercent(k.productionCohort.rate)).toBe("40.4%");
    expect(formatPercent(k.funds.rate)).toBe("34.4%");
    expect(formatPercent(k.startPlan.rate)).toBe("80.8%");
    expect(formatPercent(k.startPlanDue.rate)).toBe("88.3%");
    expect(k.productionPlan.rate).toBeNull();
    expect(formatPercent(k.investmentYear.rate)).toBe("89.7%");
    expect(k.investmentYear.pointsAgainstTime).toBe(-1.9); // 89.74% vs 11/12 = 91.67%
    expect(formatPercent(k.investmentTotal.rate)).toBe("50.0%");
    expect(k.startCohort.numeratorMetric).toBe("cohort.started");
    expect(k.startCohort.denominatorMetric).toBe("cohort.signed");
    for (const i of computeIndicators(c, 11)) expect(i.formula).toContain(i.label.replace(/（.*）/, ""));
  });
});

describe("countIndicators (the reference model of the SQL)", () => {
  const base: ProjectFacts = {
    stage: "SIGNED",
    stageDate: "2026-03-01",
    signedDate: "2026-03-01",
    landedDate: null,
    actualStartDate: null,
    actualProductionDate: null,
    status: "ACTIVE",
    statusDate: null,
    statusChanges: [],
    plannedStartDate: null,
    contractInvestment: "1000.00",
    totalInvestment: "2000.00",
    investmentCompletedBefore: "0",
    fundsArrivedBefore: "0",
    plan: null,
    reports: [],
  };
  const period = { year: 2026, through: 10, cohort: 2026 };

  it("counts stages cumulatively and leaves terminated projects out of every numerator", () => {
    const c = countIndicators(
      [
        { ...base, stage: "PRODUCING" },
        { ...base, stage: "STARTED" },
        { ...base, stage: "LANDED", status: "SUSPENDED" },
        { ...base, stage: "STARTED", status: "TERMINATED" },
        { ...base, signedDate: "2026-11-02" }, // after the period
        { ...base, signedDate: "2025-12-31" }, // another cohort
      ],
      period,
      "2026-11-23",
    );
    expect(c).toMatchObject({ signed: 4, honoured: 3, terminated: 1, suspended: 1, landed: 3, started: 2, producing: 1 });
    expect(c.contractInvestment).toBe("4000.00");
    expect(c.honouredContractInvestment).toBe("3000.00");
  });

  it("sums funds and investment to the period's end, the year's completion from the year's reports", () => {
    const reports = [
      { year: 2025, month: 12, investmentCompleted: "100.00", fundsArrived: "10.00" },
      { year: 2026, month: 3, investmentCompleted: "200.50", fundsArrived: "20.25" },
      { year: 2026, month: 10, investmentCompleted: "300.00", fundsArrived: "30.00" },
      { year: 2026, month: 11, investmentCompleted: "999.00", fundsArrived: "99.00" },
    ];
    const c = countIndicators(
      [
        {
          ...base,
          stage: "STARTED",
          plannedStartDate: "2026-04-01",
          investmentCompletedBefore: "50.00",
          fundsArrivedBefore: "5.00",
          plan: { plannedInvestment: "1000.00", planStart: true, planProduction: true },
          reports,
        },
        { ...base, signedDate: "2024-01-01", plannedStartDate: "2026-09-01", plan: { plannedInvestment: "500.00", planStart: true, planProduction: false }, reports: [] },
        { ...base, signedDate: "2024-01-01", plannedStartDate: "2026-12-01", plan: { plannedInvestment: "0", planStart: true, planProduction: false }, reports: [] },
      ],
      period,
      "2026-11-23",
    );
    expect(c.fundsArrived).toBe("65.25");
    expect(c.yearCompleted).toBe("500.50");
    expect(c.totalCompleted).toBe("650.50");
    expect(c.plannedInvestment).toBe("1500.00");
    expect(c.totalInvestment).toBe("6000.00");
    expect(c).toMatchObject({ planned: 3, planStart: 3, planStarted: 1, planDue: 2, planDueStarted: 1, planProduction: 1, planProducing: 0, dueNotStarted: 1 });
  });
});

describe("countIndicators as of the period's end", () => {
  const base: ProjectFacts = {
    stage: "SIGNED",
    stageDate: "2026-03-01",
    signedDate: "2026-03-01",
    landedDate: null,
    actualStartDate: null,
    actualProductionDate: null,
    status: "ACTIVE",
    statusDate: null,
    statusChanges: [],
    plannedStartDate: null,
    contractInvestment: "1000.00",
    totalInvestment: "2000.00",
    investmentCompletedBefore: "0",
    fundsArrivedBefore: "0",
    plan: null,
    reports: [],
  };
  const jan_oct = { year: 2026, through: 10, cohort: 2026 };
  const jan_nov = { year: 2026, through: 11, cohort: 2026 };
  const started = (on: string): ProjectFacts => ({ ...base, stage: "STARTED", stageDate: on, landedDate: "2026-04-01", actualStartDate: on });

  it("counts a start in November in Jan–Nov only, and a termination in November from November on", () => {
    const plan = { plannedInvestment: "100.00", planStart: true, planProduction: false };
    const world: ProjectFacts[] = [
      { ...started("2026-11-12"), plannedStartDate: "2026-09-01", plan },
      { ...started("2026-05-12"), status: "TERMINATED", statusDate: "2026-11-10", statusChanges: [{ date: "2026-11-10", status: "TERMINATED" }] },
    ];
    const oct = countIndicators(world, jan_oct, "2026-12-15");
    expect(oct).toMatchObject({ signed: 2, honoured: 2, terminated: 0, landed: 2, started: 1, planStart: 1, planStarted: 0, planDue: 1, planDueStarted: 0, dueNotStarted: 1 });
    const nov = countIndicators(world, jan_nov, "2026-12-15");
    expect(nov).toMatchObject({ signed: 2, honoured: 1, terminated: 1, landed: 1, started: 1, planStarted: 1, planDueStarted: 1, dueNotStarted: 0 });
  });

  it("leaves a plan project signed after the period out of the period's plan figures", () => {
    const late = { ...base, signedDate: "2026-11-02", stageDate: "2026-11-02", plan: { plannedInvestment: "500.00", planStart: true, planProduction: true } };
    expect(countIndicators([late], jan_oct, "2026-12-15")).toMatchObject({ planned: 0, planStart: 0, planProduction: 0, plannedInvestment: "0.00" });
    expect(countIndicators([late], jan_nov, "2026-12-15")).toMatchObject({ planned: 1, planStart: 1, planProduction: 1, plannedInvestment: "500.00" });
  });

  it("judges a running month as of today", () => {
    const p = started("2026-12-10");
    expect(countIndicators([p], { year: 2026, through: 12, cohort: 2026 }, "2026-12-05").started).toBe(0);
    expect(countIndicators([p], { year: 2026, through: 12, cohort: 2026 }, "2026-12-15").started).toBe(1);
  });

  it("says which day a drill-down list is taken as of", () => {
    expect(describeMetric("cohort.started", jan_oct)).toBe("2026年签约项目（1—10月） · 已开工项目（含投产） · 截至2026年10月末");
    expect(describeMetric("due.notStarted", jan_oct)).toBe("截至2026年10月末 · 应开工未开工项目");
  });
});

