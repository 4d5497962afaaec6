import { describe, expect, it } from "vitest";
import { dateToIso, daysBetween, formatDateZh, isIsoDate, isoToDate, todayInShanghai } from "./dates";

describe("business dates", () => {
  it("take today in Asia/Shanghai, not UTC", () => {
    // 2026-11-23 17:30 UTC is already 24 November in Shanghai.
    expect(todayInShanghai(new Date("2026-11-23T17:30:00Z"))).toBe("2026-11-24");
    expect(todayInShanghai(new Date("2026-11-23T15:59:00Z"))).toBe("2026-11-23");
  });

  it("accept only real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-1")).toBe(false);
  });

  it("round-trip through a DATE column without drift", () => {
    expect(dateToIso(isoToDate("2025-12-31"))).toBe("2025-12-31");
    expect(daysBetween("2025-12-31", "2026-03-01")).toBe(60);
    expect(formatDateZh("2026-03-05")).toBe("2026年3月5日");
    expect(formatDateZh(null)).toBe("—");
  });
});
