// Per-token request limit: a sliding window of the last minute's request times, kept in
// this server process's memory. Several processes each count their own requests, so
// behind N processes a token gets up to N times the limit; one process is the deployment
// this product ships with (npm start).

export interface RateDecision {
  ok: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be accepted again (0 when ok). */
  retryAfter: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request for `key` if it is within the limit. */
  take(key: string): RateDecision {
    const t = this.now();
    const since = t - this.windowMs;
    const list = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (list.length >= this.limit) {
      this.hits.set(key, list);
      const retryAfter = Math.max(1, Math.ceil((list[0] + this.windowMs - t) / 1000));
      return { ok: false, limit: this.limit, remaining: 0, retryAfter };
    }
    list.push(t);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.sweep(since);
    return { ok: true, limit: this.limit, remaining: this.limit - list.length, retryAfter: 0 };
  }

  reset(): void {
    this.hits.clear();
  }

  // Forget keys with no request in the window, so the map does not grow with every token ever seen.
  private sweep(since: number) {
    for (const [key, list] of this.hits) if (list[list.length - 1] <= since) this.hits.delete(key);
  }
}

export const API_RATE_LIMIT_PER_MINUTE = 120;

/** The limiter every /api/v1 route shares in this process. */
export const apiRateLimiter = new SlidingWindowLimiter(API_RATE_LIMIT_PER_MINUTE, 60_000);
