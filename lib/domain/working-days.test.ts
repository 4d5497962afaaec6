import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { EMPTY_CALENDAR, addWorkingDays, calendarFrom, isWorkingDay, nextWorkingDay, weekday, workingDaysBetween } from "./working-days";

// The 2026 arrangement published by the State Council General Office, as the Holiday table holds it.
const OFF: [string, string, string][] = [
  ["元旦", "2026-01-01", "2026-01-03"],
  ["春节", "2026-02-15", "2026-02-23"],
  ["清明节", "2026-04-04", "2026-04-06"],
  ["劳动节", "2026-05-01", "2026-05-05"],
  ["端午节", "2026-06-19", "2026-06-21"],
  ["中秋节", "2026-09-25", "2026-09-27"],
  ["国庆节", "2026-10-01", "2026-10-07"],
];
const WORK = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

function rows() {
  const out: { date: string; kind: "HOLIDAY" | "WORKDAY" }[] = [];
  for (const [, from, to] of OFF) for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, kind: "HOLIDAY" });
  for (const d of WORK) out.push({ date: d, kind: "WORKDAY" });
  return out;
}
const CAL = calendarFrom(rows());

describe("calendar days", () => {
  it("adds days across month and year ends and leap years", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("knows the weekday (2026-01-01 is a Thursday)", () => {
    expect(weekday("2026-01-01")).toBe(4);
    expect(weekday("2026-02-14")).toBe(6);
    expect(weekday("2026-09-20")).toBe(0);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2026-11-23", true, "an ordinary Monday"],
    ["2026-11-28", false, "an ordinary Saturday"],
    ["2026-11-29", false, "an ordinary Sunday"],
    ["2026-01-01", false, "元旦 on a Thursday"],
    ["2026-01-04", true, "元旦 调休 Sunday"],
    ["2026-02-14", true, "春节 调休 Saturday"],
    ["2026-02-16", false, "春节 Monday"],
    ["2026-02-23", false, "春节 last day, a Monday"],
    ["2026-02-24", true, "first day back after 春节"],
    ["2026-02-28", true, "春节 调休 Saturday after the holiday"],
    ["2026-09-20", true, "国庆 调休 Sunday"],
    ["2026-09-25", false, "中秋 Friday"],
    ["2026-10-07", false, "国庆 Wednesday"],
    ["2026-10-10", true, "国庆 调休 Saturday"],
  ])("%s is %s (%s)", (date, expected) => {
    expect(isWorkingDay(date, CAL)).toBe(expected);
  });

  it("falls back to Monday-Friday without a calendar", () => {
    expect(isWorkingDay("2026-01-01", EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay("2026-02-14", EMPTY_CALENDAR)).toBe(false);
  });
});

describe("addWorkingDays: the n-th working day after the raised date", () => {
  it.each([
    // raised, n, due, why
    ["2026-11-19", 3, "2026-11-24", "Thursday + 3 skips the weekend"],
    ["2026-11-21", 1, "2026-11-23", "raised on a Saturday: Monday is the first working day"],
    ["2026-11-23", 0, "2026-11-23", "zero days is the same day"],
    ["2026-02-12", 3, "2026-02-24", "春节: Fri 13, Sat 14 (调休), then nine days off"],
    ["2026-02-12", 7, "2026-02-28", "春节: ends on the 调休 Saturday"],
    ["2026-02-13", 1, "2026-02-14", "the 调休 Saturday is the next working day"],
    ["2026-02-13", 15, "2026-03-12", "15 days for 用地 across 春节"],
    ["2026-09-18", 1, "2026-09-20", "国庆 调休 Sunday"],
    ["2026-09-24", 1, "2026-09-28", "over 中秋"],
    ["2026-09-30", 1, "2026-10-08", "over 国庆"],
    ["2026-09-30", 3, "2026-10-10", "over 国庆 to the 调休 Saturday"],
    ["2026-09-22", 7, "2026-10-09", "over 中秋 and 国庆"],
    ["2025-12-31", 1, "2026-01-04", "over 元旦 to the 调休 Sunday"],
  ])("%s + %i working days = %s (%s)", (raised, n, due) => {
    expect(addWorkingDays(raised, n, CAL)).toBe(due);
  });

  it("extends a deadline by working days from the old deadline", () => {
    const deadline = addWorkingDays("2026-09-22", 7, CAL);
    expect(deadline).toBe("2026-10-09");
    // Ten more working days: Sat 10 (调休), 12-16, 19-22.
    expect(addWorkingDays(deadline, 10, CAL)).toBe("2026-10-22");
    expect(workingDaysBetween("2026-09-22", "2026-10-22", CAL)).toBe(17);
  });

  it("counts backwards with a negative n", () => {
    expect(addWorkingDays("2026-02-24", -1, CAL)).toBe("2026-02-14");
    expect(addWorkingDays("2026-11-23", -1, CAL)).toBe("2026-11-20");
  });

  it("refuses fractional days", () => {
    expect(() => addWorkingDays("2026-11-23", 1.5, CAL)).toThrow(RangeError);
  });

  it("nextWorkingDay is one working day on", () => {
    expect(nextWorkingDay("2026-11-20", CAL)).toBe("2026-11-23");
    expect(nextWorkingDay("2026-02-13", CAL)).toBe("2026-02-14");
  });
});

describe("workingDaysBetween", () => {
  it("counts working days in (from, to]", () => {
    expect(workingDaysBetween("2026-02-12", "2026-02-28", CAL)).toBe(7);
    expect(workingDaysBetween("2026-11-23", "2026-11-23", CAL)).toBe(0);
    expect(workingDaysBetween("2026-11-20", "2026-11-23", CAL)).toBe(1);
    expect(workingDaysBetween("2026-11-23", "2026-11-20", CAL)).toBe(-1);
    expect(workingDaysBetween("2026-10-01", "2026-10-07", CAL)).toBe(0);
  });

  it("inverts addWorkingDays for every start date of 2026 and n up to 20", () => {
    for (let d = "2026-01-01"; d <= "2026-12-31"; d = addDays(d, 1)) {
      for (const n of [1, 3, 7, 15, 20]) expect(workingDaysBetween(d, addWorkingDays(d, n, CAL), CAL)).toBe(n);
    }
  });

  it("counts 2026's working days as published (365 - 104 weekend days - holidays on weekdays + 调休)", () => {
    // 248 working days in 2026 by the State Council arrangement.
    expect(workingDaysBetween("2025-12-31", "2026-12-31", CAL)).toBe(248);
  });
});
