import "server-only";
import type { Db } from "@/lib/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/server/auth/password";
import { ACCOUNT_RULE, IP_RULE, type ThrottleRule, type ThrottleState, afterFailure, isLocked, minutesLeft } from "@/lib/domain/throttle";
import { signInSchema } from "@/lib/validation/sign-in";
import { writeAudit } from "@/lib/server/audit/write-audit";

export const SIGN_IN_FAILED = "用户名或密码错误";
export const signInLockedMessage = (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`;

export type AuthResult =
  | { ok: true; user: { id: number; username: string; name: string } }
  | { ok: false; message: string };

async function readState(db: Db, key: string): Promise<ThrottleState | null> {
  return db.loginThrottle.findUnique({ where: { key }, select: { failures: true, windowStart: true, lockedUntil: true } });
}

/**
 * Checks a username and password. Unknown users and wrong passwords get the same message
 * and cost the same argon2 verification; failures are throttled per account and per IP
 * (the counters live in PostgreSQL so every server process shares them).
 */
export async function authenticate(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AuthResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: SIGN_IN_FAILED };
  const username = parsed.data.username.trim();
  const accountKey = `user:${username.toLowerCase()}`;
  const ipKey = ip ? `ip:${ip}` : null;

  const [accountState, ipState] = await Promise.all([readState(db, accountKey), ipKey ? readState(db, ipKey) : null]);
  for (const state of [accountState, ipState]) {
    if (state && isLocked(state, now)) return { ok: false, message: signInLockedMessage(minutesLeft(state, now)) };
  }

  const user = await db.user.findUnique({
    where: { username },
    select: { id: true, username: true, name: true, passwordHash: true, isActive: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, parsed.data.password)
    : (await verifyPassword(await dummyPasswordHash(), parsed.data.password), false);

  if (!user || !valid || !user.isActive) {
    await db.$transaction(async (tx) => {
      const bump = async (key: string, state: ThrottleState | null, rule: ThrottleRule) => {
        const next = afterFailure(state, rule, now);
        await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
      };
      await bump(accountKey, accountState, ACCOUNT_RULE);
      if (ipKey) await bump(ipKey, ipState, IP_RULE);
      await writeAudit(tx, { actorId: null, action: "auth.signInFailed", entityType: "User", entityId: username, ip });
    });
    return { ok: false, message: SIGN_IN_FAILED };
  }

  await db.$transaction(async (tx) => {
    await tx.loginThrottle.deleteMany({ where: { key: accountKey } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await writeAudit(tx, { actorId: user.id, action: "auth.signIn", entityType: "User", entityId: user.id, ip });
  });
  return { ok: true, user: { id: user.id, username: user.username, name: user.name } };
}
