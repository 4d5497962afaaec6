// The REST API's per-caller request limit (pure): a sliding window over the times of the
// caller's accepted requests. A request is accepted while fewer than `limit` were accepted
// in the last `windowMs`; refused requests are not recorded, so hammering does not extend
// the wait. lib/server/api/take-api-rate.ts applies this rule in one SQL statement (all
// server processes share one count); an integration test holds the two equal.

export interface RateDecision {
  ok: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be accepted again (0 when ok). */
  retryAfter: number;
}

/** The decision for one more request at `now` (ms), and the accepted times to keep. */
export function takeFromWindow(hits: readonly number[], now: number, limit: number, windowMs: number): { decision: RateDecision; hits: number[] } {
  const live = hits.filter((at) => at > now - windowMs);
  if (live.length >= limit) {
    const retryAfter = Math.max(1, Math.ceil((Math.min(...live) + windowMs - now) / 1000));
    return { decision: { ok: false, limit, remaining: 0, retryAfter }, hits: live };
  }
  const kept = [...live, now];
  return { decision: { ok: true, limit, remaining: limit - kept.length, retryAfter: 0 }, hits: kept };
}
