// Sign-in throttling rules (pure). Attempts are counted per key (an account, an IP) in a
// fixed window *before* the password is checked, so parallel requests cannot all pass the
// check at once: the attempt that reaches the limit is the last one checked and locks the
// key; later ones are refused until the lock expires. An attempt that turns out right is
// given back (`afterRelease`); a wrong one stays counted. lib/server/auth/login-throttle.ts
// applies these rules in one SQL statement per step, and an integration test holds the
// SQL equal to them.

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const IP_RULE: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The counters' keys: an account by its username (any case), an IP by its address. */
export const accountThrottleKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const ipThrottleKey = (ip: string) => `ip:${ip}`;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | null, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

/**
 * The state after one more attempt at `now`, counted before the password is checked. While
 * locked, attempts are still counted (and refused). After the window, or once a lock has
 * expired, counting starts again at 1.
 */
export function afterAttempt(state: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleState {
  if (state && isLocked(state, now)) return { ...state, failures: state.failures + 1 };
  const fresh = !state || now.getTime() - state.windowStart.getTime() > rule.windowMs || state.lockedUntil !== null;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null;
  return { failures, windowStart, lockedUntil };
}

/** Whether the attempt that produced `state` (see afterAttempt) may have its password checked. */
export function attemptAllowed(state: ThrottleState, rule: ThrottleRule): boolean {
  return state.failures <= rule.maxFailures;
}

/**
 * The state after an allowed attempt is given back (its password was right, or it was not
 * checked after all), if the window it was counted in is still the current one. A lock it
 * set is lifted only if no attempt was refused meanwhile: those count too.
 */
export function afterRelease(state: ThrottleState, rule: ThrottleRule, countedIn: Date): ThrottleState {
  if (state.windowStart.getTime() !== countedIn.getTime() || state.failures === 0) return state;
  const failures = state.failures - 1;
  return { failures, windowStart: state.windowStart, lockedUntil: failures < rule.maxFailures ? null : state.lockedUntil };
}

/** Minutes left on a lock, rounded up, for the message. */
export function minutesLeft(state: ThrottleState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}
