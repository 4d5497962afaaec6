import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "./rate-limit";

describe("SlidingWindowLimiter", () => {
  it("accepts up to the limit within the window, then refuses with the seconds to wait", () => {
    let t = 1_000_000;
    const limiter = new SlidingWindowLimiter(3, 60_000, () => t);
    expect([1, 2, 3].map(() => limiter.take("a").ok)).toEqual([true, true, true]);
    t += 10_000;
    const refused = limiter.take("a");
    expect(refused).toEqual({ ok: false, limit: 3, remaining: 0, retryAfter: 50 });
    expect(limiter.take("b").ok).toBe(true);
  });

  it("slides: a request is accepted again once the oldest one leaves the window", () => {
    let t = 0;
    const limiter = new SlidingWindowLimiter(2, 60_000, () => t);
    limiter.take("k");
    t = 30_000;
    limiter.take("k");
    t = 59_999;
    expect(limiter.take("k").ok).toBe(false);
    t = 60_001;
    const d = limiter.take("k");
    expect(d.ok).toBe(true);
    expect(d.remaining).toBe(0);
    expect(limiter.take("k").ok).toBe(false);
  });

  it("refused requests do not extend the wait", () => {
    let t = 0;
    const limiter = new SlidingWindowLimiter(1, 1_000, () => t);
    limiter.take("k");
    for (t = 100; t < 1_000; t += 100) expect(limiter.take("k").ok).toBe(false);
    t = 1_001;
    expect(limiter.take("k").ok).toBe(true);
  });
});
