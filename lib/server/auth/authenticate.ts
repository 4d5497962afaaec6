import "server-only";
import type { Db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/server/auth/password";
import { ACCOUNT_RULE, IP_RULE, type ThrottleState, accountThrottleKey, attemptAllowed, ipThrottleKey, minutesLeft } from "@/lib/domain/throttle";
import { signInSchema } from "@/lib/validation/sign-in";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { releaseAttempt, reserveAttempt } from "./login-throttle";

export const SIGN_IN_FAILED = "用户名或密码错误";
export const signInLockedMessage = (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`;

export type AuthResult =
  | { ok: true; user: { id: number; username: string; name: string } }
  | { ok: false; message: string };

type Reservation = { ok: true; ipWindow: Date | null } | { ok: false; message: string };

/**
 * Counts this attempt against the IP and then the account before any password is checked,
 * and decides from the counts just written: of any number of parallel attempts, in one
 * process or several, only as many as the rule allows are checked. A refusal for the IP
 * does not count against the account; one for the account gives the IP's count back. The
 * attempt that locks a key is audited with it.
 */
async function reserveSignIn(db: Db, username: string, ip: string | null, now: Date): Promise<Reservation> {
  return db.$transaction(async (tx) => {
    const refuse = (state: ThrottleState) => ({ ok: false as const, message: signInLockedMessage(minutesLeft(state, now)) });
    const lockedNow = (state: ThrottleState, max: number) => state.failures === max;

    const ipKey = ip ? ipThrottleKey(ip) : null;
    const ipState = ipKey ? await reserveAttempt(tx, ipKey, IP_RULE, now) : null;
    if (ipState && !attemptAllowed(ipState, IP_RULE)) return refuse(ipState);
    if (ipState && lockedNow(ipState, IP_RULE.maxFailures)) {
      await writeAudit(tx, { actorId: null, action: "auth.ipLocked", entityType: "System", entityId: ipKey!, ip, after: ipState });
    }

    const account = await reserveAttempt(tx, accountThrottleKey(username), ACCOUNT_RULE, now);
    if (!attemptAllowed(account, ACCOUNT_RULE)) {
      if (ipKey && ipState) await releaseAttempt(tx, ipKey, IP_RULE, ipState.windowStart);
      return refuse(account);
    }
    if (lockedNow(account, ACCOUNT_RULE.maxFailures)) {
      await writeAudit(tx, { actorId: null, action: "auth.accountLocked", entityType: "User", entityId: username, ip, after: account });
    }
    return { ok: true as const, ipWindow: ipState?.windowStart ?? null };
  });
}

/**
 * Checks a username and password. Unknown users and wrong passwords get the same message
 * and cost the same argon2 verification; attempts are throttled per account and per IP
 * (the counters live in PostgreSQL so every server process shares them).
 */
export async function authenticate(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AuthResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: SIGN_IN_FAILED };
  const username = parsed.data.username.trim();

  const reserved = await reserveSignIn(db, username, ip, now);
  if (!reserved.ok) return { ok: false, message: reserved.message };

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, name: true, passwordHash: true, isActive: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await verifyPassword(await dummyPasswordHash(), parsed.data.password), false);

  if (!user || !valid || !user.isActive) {
    // The attempt was counted when it was reserved; a wrong password keeps it.
    await writeAudit(db, { actorId: null, action: "auth.signInFailed", entityType: "User", entityId: username, ip });
    return { ok: false, message: SIGN_IN_FAILED };
  }

  // Rows are locked IP first, then account, as in reserveSignIn, so the two never deadlock.
  await db.$transaction(async (tx) => {
    if (ip && reserved.ipWindow) await releaseAttempt(tx, ipThrottleKey(ip), IP_RULE, reserved.ipWindow);
    await tx.loginThrottle.deleteMany({ where: { key: accountThrottleKey(username) } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await writeAudit(tx, { actorId: user.id, action: "auth.signIn", entityType: "User", entityId: user.id, ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, name: user.name } };
}
