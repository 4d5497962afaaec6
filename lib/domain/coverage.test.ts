import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { assignmentStartProblem, coversDay, endDateForReassign, visitDue, weekOf } from "./coverage";

describe("assignment start dates", () => {
  it("allow today and earlier, never the future", () => {
    expect(assignmentStartProblem("2026-11-23", "2026-11-23", null)).toBeNull();
    expect(assignmentStartProblem("2020-01-01", "2026-11-23", null)).toBeNull();
    expect(assignmentStartProblem("2026-11-24", "2026-11-23", null)).toBe("开始日期不能晚于今天");
  });

  it("keep history in order: not before the current holder's start, the same day allowed", () => {
    expect(assignmentStartProblem("2026-03-01", "2026-11-23", "2026-03-01", "包保责任人")).toBeNull();
    expect(assignmentStartProblem("2026-02-28", "2026-11-23", "2026-03-01", "包保责任人")).toBe("开始日期不能早于现任包保责任人的开始日期（2026-03-01）");
  });

  it("end the old row on the new start date (half-open periods), zero days on a same-day correction", () => {
    expect(endDateForReassign("2025-01-10", "2026-11-23")).toBe("2026-11-23");
    expect(endDateForReassign("2026-11-23", "2026-11-23")).toBe("2026-11-23");
    expect(() => endDateForReassign("2026-11-23", "2026-11-22")).toThrow();
    // The handover day belongs to the new holder only.
    expect(coversDay("2025-01-10", "2026-11-23", "2026-11-22")).toBe(true);
    expect(coversDay("2025-01-10", "2026-11-23", "2026-11-23")).toBe(false);
    expect(coversDay("2026-11-23", null, "2026-11-23")).toBe(true);
    expect(coversDay("2026-11-23", "2026-11-23", "2026-11-23")).toBe(false);
  });
});

describe("visits due", () => {
  it("run the interval from the last visit", () => {
    expect(visitDue("2026-11-01", "2025-01-01", 30, "2026-11-23")).toEqual({ dueDate: "2026-12-01", due: false, overdue: false, daysSince: 22, daysLeft: 8 });
    expect(visitDue("2026-10-24", "2025-01-01", 30, "2026-11-23")).toEqual({ dueDate: "2026-11-23", due: true, overdue: false, daysSince: 30, daysLeft: 0 });
    expect(visitDue("2026-10-01", "2025-01-01", 30, "2026-11-23")).toEqual({ dueDate: "2026-10-31", due: true, overdue: true, daysSince: 53, daysLeft: -23 });
  });

  it("run from the assignment's start when the enterprise was never visited", () => {
    expect(visitDue(null, "2026-11-20", 30, "2026-11-23")).toEqual({ dueDate: "2026-12-20", due: false, overdue: false, daysSince: null, daysLeft: 27 });
    expect(visitDue(null, "2026-01-01", 30, "2026-11-23")).toMatchObject({ dueDate: "2026-01-31", overdue: true, daysSince: null });
  });

  it("count a visit made before the assignment started (by the previous liaison)", () => {
    expect(visitDue("2026-08-01", "2026-11-20", 30, "2026-11-23")).toMatchObject({ dueDate: "2026-08-31", overdue: true, daysSince: 114 });
  });

  it("follow the park's own interval", () => {
    expect(visitDue("2026-11-01", "2025-01-01", 14, "2026-11-23")).toMatchObject({ dueDate: "2026-11-15", overdue: true });
  });
});

describe("weeks", () => {
  it("run Monday to Sunday", () => {
    expect(weekOf("2026-11-23")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" }); // a Monday
    expect(weekOf("2026-11-26")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" });
    expect(weekOf("2026-11-29")).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" }); // a Sunday
    expect(weekOf("2027-01-01")).toEqual({ monday: "2026-12-28", sunday: "2027-01-03" }); // across the year
    expect(weekOf("2024-02-29")).toEqual({ monday: "2024-02-26", sunday: "2024-03-03" });
  });

  it("add days across months and leap years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 30)).toBe("2027-01-30");
  });
});
