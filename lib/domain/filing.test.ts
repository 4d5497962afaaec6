import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { EMPTY_CALENDAR, calendarFrom } from "./working-days";
import {
  FILEABLE_MONTHS_SHOWN,
  FILING_LOOKBACK_MONTHS,
  fileableMonthProblem,
  fileableMonths,
  filingDueDate,
  filingState,
  formatYearMonth,
  fromMonthIndex,
  lastCompletedMonth,
  lastDayOfMonth,
  monthIndex,
  monthNotOverProblem,
  monthsElapsed,
  owedMonths,
  parseYearMonth,
} from "./filing";

// The 2026 arrangement (State Council), as the Holiday table holds it, plus 2026-01-01..03.
const OFF: [string, string][] = [
  ["2026-01-01", "2026-01-03"],
  ["2026-02-15", "2026-02-23"],
  ["2026-04-04", "2026-04-06"],
  ["2026-05-01", "2026-05-05"],
  ["2026-06-19", "2026-06-21"],
  ["2026-09-25", "2026-09-27"],
  ["2026-10-01", "2026-10-07"],
];
const WORK = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];
const rows: { date: string; kind: "HOLIDAY" | "WORKDAY" }[] = [];
for (const [from, to] of OFF) for (let d = from; d <= to; d = addDays(d, 1)) rows.push({ date: d, kind: "HOLIDAY" });
for (const d of WORK) rows.push({ date: d, kind: "WORKDAY" });
const CAL = calendarFrom(rows);

describe("filingDueDate: 5th working day after month end", () => {
  it.each([
    // month, due with the holiday table, why
    [2026, 10, "2026-11-06", "Oct 31 is a Saturday: Mon 2 .. Fri 6 Nov"],
    [2026, 9, "2026-10-13", "National Day week off, Sat 10 Oct is a 调休 working day"],
    [2026, 4, "2026-05-11", "May Day 1-5 off, Sat 9 May worked"],
    [2025, 12, "2026-01-08", "New Year 1-3 off, Sun 4 Jan worked"],
    [2026, 2, "2026-03-06", "Feb 28 is a 调休 Saturday but the month's last day never counts"],
    [2026, 1, "2026-02-06", "Jan 31 is a Saturday"],
    [2026, 6, "2026-07-07", "Jun 30 is a Tuesday: Wed 1 .. Tue 7 Jul"],
  ])("%i-%i is due %s (%s)", (year, month, due) => {
    expect(filingDueDate({ year, month }, CAL)).toBe(due);
  });

  it("without holidays counts Monday to Friday", () => {
    expect(filingDueDate({ year: 2026, month: 9 }, EMPTY_CALENDAR)).toBe("2026-10-07");
    expect(filingDueDate({ year: 2026, month: 12 }, EMPTY_CALENDAR)).toBe("2027-01-07");
  });
});

describe("months", () => {
  it("indexes, formats and parses months", () => {
    expect(fromMonthIndex(monthIndex({ year: 2026, month: 12 }))).toEqual({ year: 2026, month: 12 });
    expect(monthIndex({ year: 2027, month: 1 }) - monthIndex({ year: 2026, month: 12 })).toBe(1);
    expect(lastDayOfMonth({ year: 2028, month: 2 })).toBe("2028-02-29");
    expect(lastDayOfMonth({ year: 2026, month: 12 })).toBe("2026-12-31");
    expect(lastCompletedMonth("2026-01-15")).toEqual({ year: 2025, month: 12 });
    expect(lastCompletedMonth("2026-11-23")).toEqual({ year: 2026, month: 10 });
    expect(formatYearMonth({ year: 2026, month: 3 })).toBe("2026年3月");
    expect(parseYearMonth("2026-03")).toEqual({ year: 2026, month: 3 });
    expect(parseYearMonth("2026-13")).toBeNull();
    expect(parseYearMonth("26-3")).toBeNull();
    expect(monthsElapsed("2026-01-31")).toBe(0);
    expect(monthsElapsed("2026-11-23")).toBe(10);
  });
});

const started = (date: string | null, stage = "STARTED", status = "ACTIVE") => ({ stage, status, actualStartDate: date });

describe("owedMonths", () => {
  it.each([
    ["started this month owes nothing yet", started("2026-11-02"), []],
    ["started last month owes last month", started("2026-10-31"), ["2026-10"]],
    ["started in August owes Aug-Oct", started("2026-08-15"), ["2026-08", "2026-09", "2026-10"]],
    ["producing projects keep filing", started("2026-09-01", "PRODUCING"), ["2026-09", "2026-10"]],
    ["suspended projects owe nothing", started("2026-08-15", "STARTED", "SUSPENDED"), []],
    ["terminated projects owe nothing", started("2026-08-15", "STARTED", "TERMINATED"), []],
    ["not started owes nothing", started("2026-08-15", "LANDED"), []],
    ["no start date owes nothing", started(null), []],
  ])("%s", (_, p, months) => {
    expect(owedMonths(p, "2026-11-23").map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`)).toEqual(months);
  });

  it(`looks back ${FILING_LOOKBACK_MONTHS} months at most`, () => {
    const owed = owedMonths(started("2019-05-10"), "2026-11-23");
    expect(owed).toHaveLength(FILING_LOOKBACK_MONTHS);
    expect(owed[0]).toEqual({ year: 2025, month: 11 });
    expect(owed.at(-1)).toEqual({ year: 2026, month: 10 });
  });
});

describe("filingState", () => {
  const p = started("2026-08-15");
  const filed = (...ms: number[]) => ms.map((month) => ({ year: 2026, month }));
  it.each([
    ["all filed", "2026-11-23", filed(8, 9, 10), [], null],
    ["last month missing before its due date: pending", "2026-11-06", filed(8, 9), [], 10],
    ["last month missing on the day after: overdue", "2026-11-07", filed(8, 9), [10], null],
    ["an older month missing is overdue", "2026-11-03", filed(8, 10), [9], null],
    ["nothing filed, in the first days of the month", "2026-11-02", [], [8, 9], 10],
  ])("%s", (_, today, done, overdue, pending) => {
    const s = filingState(p, done, today, CAL);
    expect(s.overdue.map((m) => m.month)).toEqual(overdue);
    expect(s.pending?.month ?? null).toBe(pending);
  });

  it("uses the holiday table for the due date (September due 13 Oct)", () => {
    const q = started("2026-09-01");
    expect(filingState(q, [], "2026-10-13", CAL).pending).toEqual({ year: 2026, month: 9 });
    expect(filingState(q, [], "2026-10-14", CAL).overdue).toEqual([{ year: 2026, month: 9 }]);
    expect(filingState(q, [], "2026-10-08", EMPTY_CALENDAR).overdue).toEqual([{ year: 2026, month: 9 }]);
  });
});

describe("fileableMonthProblem", () => {
  it.each([
    [{ year: 2026, month: 10 }, "2026-03-01", null],
    [{ year: 2026, month: 3 }, "2026-03-31", null],
    [{ year: 2026, month: 11 }, "2026-03-01", "2026年11月尚未结束，月末后才能填报"],
    [{ year: 2027, month: 1 }, "2026-03-01", "2027年1月尚未结束，月末后才能填报"],
    [{ year: 2026, month: 2 }, "2026-03-01", "项目于 2026-03-01 开工，不能填报开工前的月份"],
    [{ year: 2026, month: 2 }, null, "项目尚未开工，开工后才能按月填报"],
  ])("%o started %s -> %s", (ym, start, problem) => {
    expect(fileableMonthProblem(ym, start, "2026-11-23")).toBe(problem);
  });
});

describe("monthNotOverProblem", () => {
  it("accepts a completed month and refuses this month and later", () => {
    expect(monthNotOverProblem({ year: 2026, month: 10 }, "2026-11-01")).toBeNull();
    expect(monthNotOverProblem({ year: 2019, month: 1 }, "2026-11-23")).toBeNull();
    expect(monthNotOverProblem({ year: 2026, month: 11 }, "2026-11-30")).toBe("2026年11月尚未结束，月末后才能填报");
    expect(monthNotOverProblem({ year: 2027, month: 1 }, "2026-11-23")).toBe("2027年1月尚未结束，月末后才能填报");
  });
});

describe("fileableMonths", () => {
  const key = (ym: { year: number; month: number }) => `${ym.year}-${String(ym.month).padStart(2, "0")}`;
  it.each([
    ["STARTED", "2026-08-20", ["2026-10", "2026-09", "2026-08"]],
    ["PRODUCING", "2026-10-31", ["2026-10"]],
    ["STARTED", "2025-11-05", ["2026-10", "2026-09", "2026-08", "2026-07", "2026-06", "2026-05", "2026-04", "2026-03", "2026-02", "2026-01", "2025-12", "2025-11"]],
    ["STARTED", "2026-11-02", []],
    ["STARTED", null, []],
    ["LANDED", "2026-03-01", []],
    ["SIGNED", null, []],
  ] as const)("%s started %s -> %o", (stage, start, months) => {
    expect(fileableMonths({ stage, actualStartDate: start }, "2026-11-23").map(key)).toEqual(months);
  });

  it(`offers the newest ${FILEABLE_MONTHS_SHOWN} months at most, or fewer when asked`, () => {
    const long = fileableMonths({ stage: "PRODUCING", actualStartDate: "2015-01-01" }, "2026-11-23");
    expect(long).toHaveLength(FILEABLE_MONTHS_SHOWN);
    expect(key(long[0])).toBe("2026-10");
    expect(key(long[FILEABLE_MONTHS_SHOWN - 1])).toBe("2023-11");
    expect(fileableMonths({ stage: "PRODUCING", actualStartDate: "2015-01-01" }, "2026-11-23", 2).map(key)).toEqual(["2026-10", "2026-09"]);
  });

  it("offers exactly the months fileableMonthProblem accepts", () => {
    const start = "2025-06-15";
    const offered = new Set(fileableMonths({ stage: "STARTED", actualStartDate: start }, "2026-11-23").map(key));
    for (let i = monthIndex({ year: 2025, month: 1 }); i <= monthIndex({ year: 2027, month: 2 }); i++) {
      const ym = fromMonthIndex(i);
      expect(offered.has(key(ym))).toBe(fileableMonthProblem(ym, start, "2026-11-23") === null);
    }
  });
});
