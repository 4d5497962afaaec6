import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, afterFailure, isLocked, minutesLeft } from "./throttle";

describe("sign-in throttle", () => {
  const t0 = new Date("2026-11-23T08:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("locks on the fifth failure within the window", () => {
    let state = null as ReturnType<typeof afterFailure> | null;
    for (let i = 1; i < ACCOUNT_RULE.maxFailures; i++) {
      state = afterFailure(state, ACCOUNT_RULE, at(i * 1000));
      expect(isLocked(state, at(i * 1000))).toBe(false);
    }
    state = afterFailure(state, ACCOUNT_RULE, at(10_000));
    expect(isLocked(state, at(10_001))).toBe(true);
    expect(minutesLeft(state, at(10_001))).toBe(15);
    expect(isLocked(state, at(10_000 + ACCOUNT_RULE.lockMs + 1))).toBe(false);
  });

  it("starts a new window once the old one has passed", () => {
    let state = afterFailure(null, ACCOUNT_RULE, t0);
    for (let i = 0; i < 3; i++) state = afterFailure(state, ACCOUNT_RULE, at(1000));
    expect(state.failures).toBe(4);
    state = afterFailure(state, ACCOUNT_RULE, at(ACCOUNT_RULE.windowMs + 2000));
    expect(state.failures).toBe(1);
    expect(isLocked(state, at(ACCOUNT_RULE.windowMs + 2000))).toBe(false);
  });
});
