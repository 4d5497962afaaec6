import { describe, expect, it } from "vitest";
import { isLocale, matchLocale, negotiateLocale } from "./locales";

describe("interface languages", () => {
  it("knows zh-CN and en only", () => {
    expect(isLocale("zh-CN")).toBe(true);
    expect(isLocale("en")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(matchLocale("zh-Hant-TW")).toBe("zh-CN");
    expect(matchLocale("EN-gb")).toBe("en");
    expect(matchLocale("de")).toBeNull();
  });

  it("follows the browser's preference by quality, defaulting to Chinese", () => {
    expect(negotiateLocale("en-US,en;q=0.9,zh;q=0.8")).toBe("en");
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(negotiateLocale("de-DE,en;q=0.5,zh;q=0.7")).toBe("zh-CN");
    expect(negotiateLocale("fr,de;q=0.9")).toBe("zh-CN");
    expect(negotiateLocale("en;q=0,zh;q=0.1")).toBe("zh-CN");
    expect(negotiateLocale("en;q=abc")).toBe("zh-CN");
    expect(negotiateLocale("")).toBe("zh-CN");
    expect(negotiateLocale(null)).toBe("zh-CN");
  });
});
