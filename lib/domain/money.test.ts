import { describe, expect, it } from "vitest";
import { formatMoney, formatWan, formatYi, hasMisplacedSeparators, misplacedSeparatorsMessage, parseWan } from "./money";

describe("money in 万元", () => {
  it("parses what people type into a two-decimal string", () => {
    expect(parseWan("12,345.6")).toBe("12345.60");
    expect(parseWan(" 8000 ")).toBe("8000.00");
    expect(parseWan("0.05")).toBe("0.05");
    expect(parseWan("007")).toBe("7.00");
    expect(parseWan("１２")).toBeNull();
    expect(parseWan("1.234")).toBeNull();
    expect(parseWan("abc")).toBeNull();
    expect(parseWan("")).toBeNull();
    expect(parseWan("1e5")).toBeNull();
  });

  it("reads thousands separators only between groups of three digits", () => {
    expect(parseWan("1,234,567.8")).toBe("1234567.80");
    expect(parseWan("1，234")).toBe("1234.00");
    expect(parseWan("12 345")).toBe("12345.00");
    for (const bad of ["12,34,5.6", "1,2345", "1234,567", ",123", "123,", "1,234.5,6", "1 2 3"]) {
      expect(hasMisplacedSeparators(bad), bad).toBe(true);
      expect(parseWan(bad), bad).toBeNull();
    }
    expect(hasMisplacedSeparators(" 8000 ")).toBe(false);
    expect(misplacedSeparatorsMessage("总投资")).toBe("总投资的千位分隔符位置不对：逗号只能每三位一个（如 12,345.67），也可以不写逗号");
  });

  it("shows 万元 and 亿元 with the unit (1 亿 = 10,000 万)", () => {
    expect(formatWan("83170")).toBe("83,170 万元");
    expect(formatYi("232900")).toBe("23.29 亿元");
    expect(formatYi("831700")).toBe("83.17 亿元");
    expect(formatMoney("9999.5")).toBe("9,999.5 万元");
    expect(formatMoney("10000")).toBe("1.00 亿元");
    expect(formatMoney(null)).toBe("—");
  });
});
