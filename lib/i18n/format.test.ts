import { describe, expect, it } from "vitest";
import { formatCountIn, formatDateTimeIn, formatDateIn, formatMoneyIn, formatWanIn, formatYearMonthIn, inSentence } from "./format";

describe("formats per language", () => {
  it("money: 万元/亿元 in Chinese, million yuan in English", () => {
    expect(formatMoneyIn("zh-CN", "12345.60")).toBe("1.23 亿元");
    expect(formatMoneyIn("zh-CN", "456")).toBe("456 万元");
    expect(formatMoneyIn("en", "12345.60")).toBe("CNY 123.46 m");
    expect(formatMoneyIn("en", "50")).toBe("CNY 0.50 m");
    expect(formatWanIn("zh-CN", "12345.6")).toBe("12,345.6 万元");
    expect(formatMoneyIn("en", null)).toBe("—");
  });

  it("months and days", () => {
    expect(formatYearMonthIn("zh-CN", { year: 2026, month: 10 })).toBe("2026年10月");
    expect(formatYearMonthIn("en", { year: 2026, month: 10 })).toBe("Oct 2026");
    expect(formatDateIn("zh-CN", "2026-10-05")).toBe("2026年10月5日");
    expect(formatDateIn("en", "2026-10-05")).toBe("5 Oct 2026");
    expect(formatDateIn("en", null)).toBe("—");
    expect(formatYearMonthIn("en", { year: 2026, month: 9 })).toBe("Sep 2026");
    expect(formatDateIn("en", "2026-09-30")).toBe("30 Sep 2026");
    expect(formatCountIn("en", 12345)).toBe("12,345");
    expect(formatDateTimeIn("en", new Date("2026-10-05T01:30:00Z"))).toBe("5 Oct 2026, 09:30");
    expect(formatDateTimeIn("zh-CN", new Date("2026-10-05T01:30:00Z"))).toBe("2026年10月5日 09:30");
  });

  it("a label inside an English sentence takes a small letter; alone, Chinese and acronyms stay", () => {
    expect(inSentence("en", "Liaison leader")).toBe("liaison leader");
    expect(inSentence("en", "Park leader")).toBe("park leader");
    expect(inSentence("en", "coverage")).toBe("coverage");
    expect(inSentence("en", "API token")).toBe("API token");
    expect(inSentence("zh-CN", "包保领导")).toBe("包保领导");
  });
});
