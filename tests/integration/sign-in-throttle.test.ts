import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/db/generated/prisma/client";
import { type Db, createPrismaClient, getDb } from "@/lib/db/client";
import { ACCOUNT_RULE, IP_RULE, type ThrottleRule, type ThrottleState, afterAttempt, afterRelease } from "@/lib/domain/throttle";
import { releaseAttempt, reserveAttempt } from "@/lib/server/auth/login-throttle";
import { SIGN_IN_FAILED, authenticate, signInLockedMessage } from "@/lib/server/auth/authenticate";
import { changeOwnPassword } from "@/lib/server/users/passwords";
import { loadActor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { TEST_PASSWORD, makeUser, unique } from "../helpers/factories";

// Two app processes on one database: two Prisma clients, each with its own connection pool.
const second: Db = createPrismaClient(process.env.DATABASE_URL!);
// A process whose pool has one connection: its requests reach the database in the order sent.
const single: Db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 1 }) });
afterAll(() => Promise.all([second.$disconnect(), single.$disconnect()]));

const LOCKED = /^登录失败次数过多，请 \d+ 分钟后再试$/;
const auditCount = (action: string, entityId: string) => getDb().auditLog.count({ where: { action, entityId } });
const accountRow = (username: string) => getDb().loginThrottle.findUnique({ where: { key: `user:${username.toLowerCase()}` } });

describe("sign-in throttle under parallel attempts", () => {
  it("30 parallel wrong passwords over two processes: only the limit is checked, the rest are refused and the account locks", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const now = new Date("2026-11-23T02:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => authenticate(i % 2 ? second : getDb(), { username: user.username, password: `wrong-${i}` }, `10.30.0.${i}`, now)),
    );
    const messages = results.map((r) => (r.ok ? "ok" : r.message));
    expect(messages.filter((m) => m === SIGN_IN_FAILED)).toHaveLength(ACCOUNT_RULE.maxFailures);
    expect(messages.filter((m) => LOCKED.test(m))).toHaveLength(30 - ACCOUNT_RULE.maxFailures);
    // Only the checked ones are failures; the lock itself is one audit row.
    expect(await auditCount("auth.signInFailed", user.username)).toBe(ACCOUNT_RULE.maxFailures);
    expect(await auditCount("auth.accountLocked", user.username)).toBe(1);
    expect((await accountRow(user.username))?.lockedUntil).toEqual(new Date(now.getTime() + ACCOUNT_RULE.lockMs));

    const right = await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.30.1.1", new Date(now.getTime() + 60_000));
    expect(right).toEqual({ ok: false, message: signInLockedMessage(14) });
  });

  it("the right password sent in the same burst after the wrong ones is refused", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const now = new Date("2026-11-23T03:00:00Z");
    // The right password goes last through a one-connection pool that also carries half of
    // the wrong ones: the database sees it after at least 15 of them, whatever the timing.
    const attempts = Array.from({ length: 29 }, (_, i) => ({ password: `wrong-${i}`, db: i % 2 ? second : single }));
    attempts.push({ password: TEST_PASSWORD, db: single });
    const results = await Promise.all(attempts.map((a, i) => authenticate(a.db, { username: user.username, password: a.password }, `10.31.0.${i}`, now)));
    expect(results.some((r) => r.ok)).toBe(false);
    expect(results.at(-1)).toMatchObject({ ok: false, message: expect.stringMatching(LOCKED) });
    expect(await auditCount("auth.signIn", String(user.id))).toBe(0);
  });

  it("the lock expires as designed: after lockMs the right password signs in and the count starts again", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const now = new Date("2026-11-23T04:00:00Z");
    await Promise.all(Array.from({ length: 12 }, (_, i) => authenticate(getDb(), { username: user.username, password: "bad" }, `10.32.0.${i}`, now)));
    const justBefore = new Date(now.getTime() + ACCOUNT_RULE.lockMs - 1000);
    expect(await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.32.1.1", justBefore)).toEqual({ ok: false, message: signInLockedMessage(1) });

    const after = new Date(now.getTime() + ACCOUNT_RULE.lockMs + 1000);
    // The first wrong password after the lock is an ordinary failure, not a renewed lock.
    expect(await authenticate(getDb(), { username: user.username, password: "bad" }, "10.32.1.2", after)).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect((await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.32.1.3", after)).ok).toBe(true);
    expect(await accountRow(user.username)).toBeNull();
  });

  it("one IP: of 40 parallel attempts on different accounts only the IP limit is checked", async () => {
    const ip = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const now = new Date("2026-11-23T05:00:00Z");
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticate(i % 2 ? second : getDb(), { username: unique("spray"), password: "x" }, ip, now)));
    const messages = results.map((r) => (r.ok ? "ok" : r.message));
    expect(messages.filter((m) => m === SIGN_IN_FAILED)).toHaveLength(IP_RULE.maxFailures);
    expect(messages.filter((m) => LOCKED.test(m))).toHaveLength(40 - IP_RULE.maxFailures);
    expect(await auditCount("auth.ipLocked", `ip:${ip}`)).toBe(1);
  });

  it("successful sign-ins do not use up their IP's allowance (an office behind one address)", async () => {
    const ip = `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const now = new Date("2026-11-23T06:00:00Z");
    const users = await Promise.all(Array.from({ length: IP_RULE.maxFailures + 5 }, () => makeUser([{ role: "PARK_STAFF" }])));
    const results = await Promise.all(users.map((u, i) => authenticate(i % 2 ? second : getDb(), { username: u.username, password: TEST_PASSWORD }, ip, now)));
    expect(results.every((r) => r.ok)).toBe(true);
    const row = await getDb().loginThrottle.findUnique({ where: { key: `ip:${ip}` } });
    expect(row?.failures ?? 0).toBe(0);
    expect(row?.lockedUntil ?? null).toBeNull();
  });

  it("changing one's password: parallel wrong current passwords count toward the same lock", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const actor = (await loadActor(getDb(), user.id))!;
    const now = new Date();
    const attempts = Array.from({ length: 12 }, (_, i) => changeOwnPassword(actor, { currentPassword: `wrong-${i}`, newPassword: "Another-Long-Pass-77" }, now));
    const outcomes = await Promise.allSettled(attempts);
    const messages = outcomes.map((o) => (o.status === "rejected" && o.reason instanceof AppError ? o.reason.message : "?"));
    expect(messages.filter((m) => m === "当前密码不正确")).toHaveLength(ACCOUNT_RULE.maxFailures);
    expect(messages.filter((m) => /^密码错误次数过多/.test(m))).toHaveLength(12 - ACCOUNT_RULE.maxFailures);
    await expect(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "Another-Long-Pass-77" }, now)).rejects.toThrow(/密码错误次数过多/);
  });
});

describe("the throttle's SQL equals its rules (lib/domain/throttle.ts)", () => {
  const rule: ThrottleRule = { maxFailures: 3, windowMs: 60_000, lockMs: 30_000 };
  const t0 = new Date("2026-11-23T07:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const states: (ThrottleState | null)[] = [
    null,
    { failures: 1, windowStart: t0, lockedUntil: null },
    { failures: 2, windowStart: t0, lockedUntil: null },
    { failures: 3, windowStart: t0, lockedUntil: at(30_000) },
    { failures: 7, windowStart: t0, lockedUntil: at(30_000) },
    { failures: 2, windowStart: at(-61_000), lockedUntil: null },
    { failures: 4, windowStart: at(-40_000), lockedUntil: at(-1) },
    { failures: 0, windowStart: t0, lockedUntil: null },
  ];
  const moments = [at(1000), at(29_999), at(30_000), at(60_000), at(60_001)];

  async function put(key: string, state: ThrottleState | null) {
    await getDb().loginThrottle.deleteMany({ where: { key } });
    if (state) await getDb().loginThrottle.create({ data: { key, ...state } });
  }
  const read = async (key: string) => getDb().loginThrottle.findUnique({ where: { key }, select: { failures: true, windowStart: true, lockedUntil: true } });

  it("reserveAttempt = afterAttempt, and the row holds what it returned", async () => {
    for (const [i, state] of states.entries())
      for (const now of moments) {
        const key = unique(`eq-${i}`);
        await put(key, state);
        const returned = await reserveAttempt(getDb(), key, rule, now);
        const label = JSON.stringify({ state, now });
        expect(returned, label).toEqual(afterAttempt(state, rule, now));
        expect(await read(key), label).toEqual(returned);
      }
  });

  it("releaseAttempt = afterRelease", async () => {
    for (const [i, state] of states.entries()) {
      if (!state) continue;
      for (const countedIn of [t0, at(5)]) {
        const key = unique(`rel-${i}`);
        await put(key, state);
        await releaseAttempt(getDb(), key, rule, countedIn);
        expect(await read(key), JSON.stringify({ state, countedIn })).toEqual(afterRelease(state, rule, countedIn));
      }
    }
  });
});
