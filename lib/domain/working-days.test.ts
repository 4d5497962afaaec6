import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { CalendarMissingError, EMPTY_CALENDAR, addWorkingDays, calendarFrom, calendarMissingMessage, isWorkingDay, nextWorkingDay, tryWorkingDays, weekday, workingDaysBetween } from "./working-days";

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

describe("years without a calendar are refused", () => {
  // As the server loads it: 2026's rows, and 2026 the only year entered.
  const STRICT = calendarFrom(rows(), [2026]);

  it("counts inside an entered year exactly as before", () => {
    expect(addWorkingDays("2026-09-22", 7, STRICT)).toBe(addWorkingDays("2026-09-22", 7, CAL));
    expect(workingDaysBetween("2025-12-31", "2026-12-31", STRICT)).toBe(248);
  });

  it("refuses to step onto a date of a year that is not entered, naming the year in Chinese", () => {
    // 2026-12-24 (Thursday) + 6 working days reaches 2027-01-01.
    expect(addWorkingDays("2026-12-24", 4, STRICT)).toBe("2026-12-30");
    expect(addWorkingDays("2026-12-24", 5, STRICT)).toBe("2026-12-31");
    expect(() => addWorkingDays("2026-12-24", 6, STRICT)).toThrow(CalendarMissingError);
    expect(() => addWorkingDays("2026-12-24", 6, STRICT)).toThrow("2027 年的节假日安排尚未录入，无法计算工作日期限，请管理员先在“节假日”页面录入");
    expect(() => isWorkingDay("2027-01-04", STRICT)).toThrow(CalendarMissingError);
    // Earlier years are refused too: the calendar must be entered for every year counted on.
    expect(() => isWorkingDay("2025-06-03", STRICT)).toThrow(calendarMissingMessage(2025));
    // Counting backwards from 2026-01-04 (the 调休 Sunday) past 元旦 onto 2025-12-31 needs 2025.
    expect(addWorkingDays("2026-01-05", -1, STRICT)).toBe("2026-01-04");
    expect(() => addWorkingDays("2026-01-04", -1, STRICT)).toThrow(calendarMissingMessage(2025));
  });

  it("the error carries the year, and the start date itself is never looked at", () => {
    try {
      nextWorkingDay("2026-12-31", STRICT);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarMissingError);
      expect((e as CalendarMissingError).year).toBe(2027);
    }
    // Raised on 2025-12-31 (a year not entered), counting starts on 2026-01-01.
    expect(addWorkingDays("2025-12-31", 1, STRICT)).toBe("2026-01-04"); // the 元旦 调休 Sunday
    expect(addWorkingDays("2027-01-04", 0, STRICT)).toBe("2027-01-04");
  });

  it("entering one row makes the year count (weekdays then follow Monday to Friday)", () => {
    const withNewYear = calendarFrom([...rows(), { date: "2027-01-01", kind: "HOLIDAY" }], [2026, 2027]);
    expect(addWorkingDays("2026-12-24", 6, withNewYear)).toBe("2027-01-04");
    expect(isWorkingDay("2027-01-01", withNewYear)).toBe(false);
  });

  it("a calendar built without years checks nothing (unit tests, the seed's own arithmetic)", () => {
    expect(addWorkingDays("2026-12-24", 6, CAL)).toBe("2027-01-01");
    expect(isWorkingDay("2030-01-02", EMPTY_CALENDAR)).toBe(true);
  });

  it("tryWorkingDays gives read pages the value or the message, and rethrows anything else", () => {
    expect(tryWorkingDays(() => addWorkingDays("2026-11-30", 5, STRICT))).toEqual({ value: "2026-12-07", missing: null });
    expect(tryWorkingDays(() => addWorkingDays("2026-12-31", 5, STRICT))).toEqual({ value: null, missing: calendarMissingMessage(2027) });
    expect(() => tryWorkingDays(() => addWorkingDays("2026-12-31", 0.5, STRICT))).toThrow(RangeError);
  });
});
