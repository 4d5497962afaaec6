import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, type ThrottleState, afterAttempt, afterRelease, attemptAllowed, isLocked, minutesLeft } from "./throttle";

describe("sign-in throttle", () => {
  const t0 = new Date("2026-11-23T08:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("locks on the fifth failure within the window", () => {
    let state = null as ReturnType<typeof afterAttempt> | null;
    for (let i = 1; i < ACCOUNT_RULE.maxFailures; i++) {
      state = afterAttempt(state, ACCOUNT_RULE, at(i * 1000));
      expect(isLocked(state, at(i * 1000))).toBe(false);
    }
    state = afterAttempt(state, ACCOUNT_RULE, at(10_000));
    expect(isLocked(state, at(10_001))).toBe(true);
    expect(minutesLeft(state, at(10_001))).toBe(15);
    expect(isLocked(state, at(10_000 + ACCOUNT_RULE.lockMs + 1))).toBe(false);
  });

  it("starts a new window once the old one has passed", () => {
    let state = afterAttempt(null, ACCOUNT_RULE, t0);
    for (let i = 0; i < 3; i++) state = afterAttempt(state, ACCOUNT_RULE, at(1000));
    expect(state.failures).toBe(4);
    state = afterAttempt(state, ACCOUNT_RULE, at(ACCOUNT_RULE.windowMs + 2000));
    expect(state.failures).toBe(1);
    expect(isLocked(state, at(ACCOUNT_RULE.windowMs + 2000))).toBe(false);
  });

  it("counts attempts while locked and refuses them; the attempt reaching the limit is still checked", () => {
    let state: ThrottleState | null = null;
    const allowed: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      state = afterAttempt(state, ACCOUNT_RULE, at(i));
      allowed.push(attemptAllowed(state, ACCOUNT_RULE));
    }
    expect(allowed).toEqual([true, true, true, true, true, false, false, false]);
    expect(state).toEqual({ failures: 8, windowStart: t0, lockedUntil: at(4 + ACCOUNT_RULE.lockMs) });
  });

  it("after a lock expires, counting starts again at 1 (even inside the old window)", () => {
    const rule = { maxFailures: 2, windowMs: 60_000, lockMs: 10_000 };
    let state = afterAttempt(afterAttempt(null, rule, t0), rule, at(1000));
    expect(state.lockedUntil).toEqual(at(11_000));
    state = afterAttempt(state, rule, at(20_000));
    expect(state).toEqual({ failures: 1, windowStart: at(20_000), lockedUntil: null });
    expect(attemptAllowed(state, rule)).toBe(true);
  });

  it("releasing gives the attempt back in its own window only, and lifts a lock only nobody was refused by", () => {
    let state = afterAttempt(null, ACCOUNT_RULE, t0);
    expect(afterRelease(state, ACCOUNT_RULE, t0)).toEqual({ failures: 0, windowStart: t0, lockedUntil: null });
    expect(afterRelease(state, ACCOUNT_RULE, at(5))).toBe(state);
    for (let i = 1; i < ACCOUNT_RULE.maxFailures; i++) state = afterAttempt(state, ACCOUNT_RULE, at(i));
    expect(isLocked(state, at(10))).toBe(true);
    expect(isLocked(afterRelease(state, ACCOUNT_RULE, t0), at(10))).toBe(false);
    const refusedMeanwhile = afterAttempt(state, ACCOUNT_RULE, at(20));
    expect(isLocked(afterRelease(refusedMeanwhile, ACCOUNT_RULE, t0), at(30))).toBe(true);
    expect(afterRelease({ failures: 0, windowStart: t0, lockedUntil: null }, ACCOUNT_RULE, t0).failures).toBe(0);
  });
});
