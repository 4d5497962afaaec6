import "server-only";
import { getDb } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { passwordProblems, temporaryPassword } from "@/lib/domain/password-policy";
import { ACCOUNT_RULE, accountThrottleKey, attemptAllowed, minutesLeft } from "@/lib/domain/throttle";
import { releaseAttempt, reserveAttempt } from "@/lib/server/auth/login-throttle";
import { passwordChangeSchema } from "@/lib/validation/users";
import { idField } from "@/lib/validation/fields";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { type Actor } from "@/lib/domain/permissions";
import { AppError, parseOrThrow } from "@/lib/server/errors";
import { assertAdministersPeople, lockTarget } from "./user-scope";

/**
 * Resets someone's password to a one-time temporary one, returned once for the
 * administrator (or the person's park leader) to hand over. The person must choose a new
 * password at the next sign-in, and every session they have ends now.
 */
export async function resetPassword(actor: Actor, userId: unknown): Promise<{ id: number; username: string; temporaryPassword: string }> {
  const scope = assertAdministersPeople(actor);
  const id = parseOrThrow(idField("用户"), userId);
  if (id === actor.userId) throw new AppError("VALIDATION", "不能重置自己的密码，请在“我的账号”中修改", { _form: ["不能重置自己的密码，请在“我的账号”中修改"] });
  const plain = temporaryPassword();
  const passwordHash = await hashPassword(plain);
  return getDb().$transaction(async (tx) => {
    const target = await lockTarget(tx, scope, id, true);
    await tx.user.update({
      where: { id },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 }, passwordChangedAt: new Date() },
    });
    // A locked account is unlocked by a reset: the administrator has just vouched for it.
    await tx.loginThrottle.deleteMany({ where: { key: accountThrottleKey(target.username) } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "user.passwordReset",
      entityType: "User",
      entityId: id,
      parkId: target.memberships.find((m) => m.parkId !== null)?.parkId ?? null,
    });
    return { id, username: target.username, temporaryPassword: plain };
  });
}

/**
 * The signed-in person changes their own password, giving the current one. Wrong current
 * passwords count toward the same account lock as sign-in failures. Every other session
 * ends; the returned session version is the one the caller's own session must carry to
 * stay signed in.
 */
export async function changeOwnPassword(actor: Actor, input: unknown, now = new Date()): Promise<{ sessionVersion: number }> {
  const data = parseOrThrow(passwordChangeSchema, input);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true, passwordHash: true } });
  const key = accountThrottleKey(user.username);
  // Counted before the check, as at sign-in, so parallel guesses cannot all be checked.
  const state = await reserveAttempt(db, key, ACCOUNT_RULE, now);
  if (!attemptAllowed(state, ACCOUNT_RULE)) {
    const message = `密码错误次数过多，请 ${minutesLeft(state, now)} 分钟后再试`;
    throw new AppError("VALIDATION", message, { currentPassword: [message] });
  }
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new AppError("VALIDATION", "当前密码不正确", { currentPassword: ["当前密码不正确"] });
  }
  const problems = passwordProblems(data.newPassword, user.username);
  if (data.newPassword === data.currentPassword) problems.push("新密码不能与当前密码相同");
  if (problems.length > 0) {
    // The current password was right: this attempt is no guess.
    await releaseAttempt(db, key, ACCOUNT_RULE, state.windowStart);
    throw new AppError("VALIDATION", problems[0], { newPassword: problems });
  }

  const passwordHash = await hashPassword(data.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: actor.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 }, passwordChangedAt: now },
      select: { sessionVersion: true },
    });
    await tx.loginThrottle.deleteMany({ where: { key } });
    await writeAudit(tx, { actorId: actor.userId, action: "user.passwordChange", entityType: "User", entityId: actor.userId });
    return { sessionVersion: updated.sessionVersion };
  });
}
