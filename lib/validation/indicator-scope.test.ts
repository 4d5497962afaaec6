import { describe, expect, it } from "vitest";
import { indicatorScopeParams, parseIndicatorScope } from "./indicator-scope";
import { parseProjectFilters } from "./project-filters";

describe("dashboard scope from the URL", () => {
  it("defaults to this year through the last complete month, cohort = year", () => {
    expect(parseIndicatorScope({}, "2026-11-23")).toEqual({ scope: { year: 2026, through: 10, cohort: 2026, park: undefined, region: undefined }, errors: [] });
    expect(parseIndicatorScope({ year: "2025" }, "2026-11-23").scope).toMatchObject({ year: 2025, through: 12, cohort: 2025 });
  });

  it("in January defaults to the whole previous year; the current year chosen then runs to January", () => {
    expect(parseIndicatorScope({}, "2027-01-06").scope).toMatchObject({ year: 2026, through: 12, cohort: 2026 });
    expect(parseIndicatorScope({ year: "2027" }, "2027-01-06").scope).toMatchObject({ year: 2027, through: 1, cohort: 2027 });
    expect(parseIndicatorScope({ through: "6" }, "2027-01-06").scope).toMatchObject({ year: 2026, through: 6 });
    expect(parseIndicatorScope({}, "2027-02-01").scope).toMatchObject({ year: 2027, through: 1 });
  });

  it("keeps a park over a region and reads the cohort", () => {
    const { scope } = parseIndicatorScope({ park: "3", region: "2", year: "2026", through: "6", cohort: "2025" }, "2026-11-23");
    expect(scope).toEqual({ park: 3, region: undefined, year: 2026, through: 6, cohort: 2025 });
    expect(indicatorScopeParams(scope)).toEqual({ park: "3", year: "2026", through: "6", cohort: "2025" });
  });

  it("drops bad values with a message naming the field and rule", () => {
    const { scope, errors } = parseIndicatorScope({ through: "13", year: "abc", region: "0" }, "2026-11-23");
    expect(scope).toMatchObject({ year: 2026, through: 10 });
    expect(errors).toEqual(expect.arrayContaining(["截止月份不能大于 12", "年份须为数字", "市州不能小于 1"]));
  });
});

describe("ledger drill-down params", () => {
  it("parses a figure's metric, period and cohort", () => {
    const { filters, errors } = parseProjectFilters({ metric: "cohort.started", period: "2026-10", cohort: "2026", region: "4" });
    expect(errors).toEqual([]);
    expect(filters).toMatchObject({ metric: "cohort.started", period: "2026-10", cohort: 2026, region: 4 });
  });

  it("refuses unknown metrics and malformed periods", () => {
    const { filters, errors } = parseProjectFilters({ metric: "cohort.everything", period: "2026-13" });
    expect(filters.metric).toBeUndefined();
    expect(filters.period).toBeUndefined();
    expect(errors).toEqual(["指标无效", "统计期须为 YYYY-MM（2000—2100 年，1—12 月）"]);
  });
});
