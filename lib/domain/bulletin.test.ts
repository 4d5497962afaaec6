import { describe, expect, it } from "vitest";
import { compareIndicators, formatChange, honourListSize, honourLists, rankParks } from "./bulletin";
import { formatYearMonth, lastCompletedMonth, previousMonth, ymKey } from "./filing";
import { EMPTY_COUNTS, computeIndicators, type Indicator } from "./indicators";

function withRate(key: Indicator["key"], rate: number | null): Indicator[] {
  return computeIndicators(EMPTY_COUNTS, 10).map((i) => (i.key === key ? { ...i, rate } : i));
}
const park = (parkId: number, parkName: string, rate: number | null) => ({ parkId, parkName, indicators: withRate("startCohort", rate) });

describe("bulletin months", () => {
  it.each([
    [{ year: 2026, month: 11 }, { year: 2026, month: 10 }],
    [{ year: 2026, month: 1 }, { year: 2025, month: 12 }],
  ])("previousMonth(%o) = %o", (m, prev) => expect(previousMonth(m)).toEqual(prev));

  it("reports on the last complete month", () => {
    expect(lastCompletedMonth("2026-11-23")).toEqual({ year: 2026, month: 10 });
    expect(lastCompletedMonth("2027-01-03")).toEqual({ year: 2026, month: 12 });
  });

  it("writes months for URLs and for people", () => {
    expect(ymKey({ year: 2026, month: 3 })).toBe("2026-03");
    expect(formatYearMonth({ year: 2026, month: 3 })).toBe("2026年3月");
  });
});

describe("compareIndicators", () => {
  it("gives the change in percentage points, and none where either month has no rate", () => {
    const now = withRate("startCohort", 198 / 292).map((i) => (i.key === "fulfilment" ? { ...i, rate: 0.9 } : i));
    const before = withRate("startCohort", 0.65).map((i) => (i.key === "fulfilment" ? { ...i, rate: null } : i));
    const rows = compareIndicators(now, before);
    const start = rows.find((r) => r.key === "startCohort")!;
    expect(start.changePoints).toBe(2.8); // 67.81% - 65% = 2.81 points
    expect(rows.find((r) => r.key === "fulfilment")!.changePoints).toBeNull();
    expect(rows).toHaveLength(now.length);
  });

  it.each([
    [2.8, "↑ 2.8 个百分点"],
    [-0.4, "↓ 0.4 个百分点"],
    [0, "持平"],
    [null, "—"],
  ])("formatChange(%s) = %s", (x, text) => expect(formatChange(x)).toBe(text));
});

describe("rankParks and the 红榜/黑榜", () => {
  const rows = [park(1, "甲园区", 0.5), park(2, "乙园区", 0.8), park(3, "丙园区", null), park(4, "丁园区", 0.5), park(5, "戊园区", 0.2)];

  it("ranks best first, shares ranks on ties, puts parks without a rate last and unranked", () => {
    const ranked = rankParks(rows, "startCohort");
    expect(ranked.map((r) => [r.row.parkId, r.rank])).toEqual([
      [2, 1],
      [4, 2],
      [1, 2],
      [5, 4],
      [3, null],
    ]);
  });

  it("takes the top and bottom without overlap", () => {
    const { red, black } = honourLists(rankParks(rows, "startCohort"), 3);
    // Four ranked parks: one on each list (a third at most).
    expect(red.map((r) => r.row.parkId)).toEqual([2]);
    expect(black.map((r) => r.row.parkId)).toEqual([5]);
    const many = Array.from({ length: 7 }, (_, i) => park(i + 1, `园区${i + 1}`, i / 10));
    const lists = honourLists(rankParks(many, "startCohort"));
    // Seven parks: two each, the worst first on the 黑榜.
    expect(lists.red.map((r) => r.row.parkId)).toEqual([7, 6]);
    expect(lists.black.map((r) => r.row.parkId)).toEqual([1, 2]);
    expect(honourLists(rankParks([park(1, "甲", 0.3), park(2, "乙", 0.2)], "startCohort"))).toEqual({ red: [], black: [] });
    expect([2, 3, 8, 9, 30].map((n) => honourListSize(n))).toEqual([0, 1, 2, 3, 3]);
  });
});
