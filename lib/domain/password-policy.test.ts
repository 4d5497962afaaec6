import { describe, expect, it } from "vitest";
import { PASSWORD_MIN_LENGTH, passwordProblems, temporaryPassword } from "./password-policy";

describe("passwordProblems", () => {
  it("accepts a long password unrelated to the username", () => {
    expect(passwordProblems("绿色园区-2026-spring", "wangfang")).toEqual([]);
    expect(passwordProblems("k7#Tq9!mZp2x", "wangfang")).toEqual([]);
  });

  it("refuses fewer than 10 characters, naming the field", () => {
    expect(passwordProblems("Ab3$xyz12", "wangfang")).toEqual([`新密码至少 ${PASSWORD_MIN_LENGTH} 个字符`]);
    expect(passwordProblems("short", "u", "密码")).toEqual(["密码至少 10 个字符"]);
  });

  it("refuses a password containing the username, in any case", () => {
    expect(passwordProblems("WangFang-2026!", "wangfang")).toContain("新密码不能包含用户名");
  });

  it("refuses the published demo passwords and common ones", () => {
    expect(passwordProblems("Park@2026", "x")).toContain("新密码是公开的演示密码或常见密码，请换一个");
    expect(passwordProblems("Test@Pass-2026", "x")).toContain("新密码是公开的演示密码或常见密码，请换一个");
    expect(passwordProblems("PASSWORD123", "x")).toContain("新密码是公开的演示密码或常见密码，请换一个");
    expect(passwordProblems("1234567890", "x")).toContain("新密码是公开的演示密码或常见密码，请换一个");
  });

  it("refuses one character repeated", () => {
    expect(passwordProblems("zzzzzzzzzzzz", "x")).toEqual(["新密码不能是同一个字符的重复"]);
  });

  it("refuses over-long input", () => {
    expect(passwordProblems("a1".repeat(65), "x")).toEqual(["新密码不能超过 128 个字符"]);
  });
});

describe("temporaryPassword", () => {
  it("passes the rule for any username and differs each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      expect(passwordProblems(p, "admin")).toEqual([]);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
