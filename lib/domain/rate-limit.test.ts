import { describe, expect, it } from "vitest";
import { takeFromWindow } from "./rate-limit";

/** A caller's requests at the given times, one after another: the decisions. */
function run(times: number[], limit: number, windowMs: number) {
  let hits: number[] = [];
  return times.map((t) => {
    const r = takeFromWindow(hits, t, limit, windowMs);
    hits = r.hits;
    return r.decision;
  });
}

describe("takeFromWindow (sliding window)", () => {
  it("accepts up to the limit within the window, then refuses with the seconds to wait", () => {
    const t = 1_000_000;
    const d = run([t, t, t, t + 10_000], 3, 60_000);
    expect(d.map((x) => x.ok)).toEqual([true, true, true, false]);
    expect(d.map((x) => x.remaining)).toEqual([2, 1, 0, 0]);
    expect(d[3]).toEqual({ ok: false, limit: 3, remaining: 0, retryAfter: 50 });
  });

  it("slides: a request is accepted again once the oldest one leaves the window", () => {
    const d = run([0, 30_000, 59_999, 60_001, 60_002], 2, 60_000);
    expect(d.map((x) => x.ok)).toEqual([true, true, false, true, false]);
    expect(d[3].remaining).toBe(0);
  });

  it("refused requests do not extend the wait", () => {
    const times = [0, ...Array.from({ length: 9 }, (_, i) => 100 * (i + 1)), 1_001];
    const d = run(times, 1, 1_000);
    expect(d.map((x) => x.ok)).toEqual([true, ...Array(9).fill(false), true]);
  });

  it("keeps only the accepted times of the window", () => {
    expect(takeFromWindow([1, 2, 50_000], 70_000, 5, 60_000).hits).toEqual([50_000, 70_000]);
    expect(takeFromWindow([20_000, 30_000], 40_000, 2, 60_000).hits).toEqual([20_000, 30_000]);
  });

  it("Retry-After is at least one second, also a millisecond before the window frees a place", () => {
    expect(takeFromWindow([0], 59_999, 1, 60_000).decision.retryAfter).toBe(1);
  });
});
