import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { authenticate, SIGN_IN_FAILED } from "@/lib/server/auth/authenticate";
import { ACCOUNT_RULE } from "@/lib/domain/throttle";
import { TEST_PASSWORD, makeUser, unique } from "../helpers/factories";

describe("sign-in", () => {
  it("accepts the right password, records the sign-in and audits it", async () => {
    const user = await makeUser([{ role: "ADMIN" }]);
    const result = await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.0.0.1");
    expect(result).toEqual({ ok: true, user: { id: user.id, username: user.username, name: user.name } });
    const audit = await getDb().auditLog.findFirst({ where: { action: "auth.signIn", entityId: String(user.id) } });
    expect(audit?.ip).toBe("10.0.0.1");
    expect((await getDb().user.findUnique({ where: { id: user.id } }))?.lastLoginAt).not.toBeNull();
  });

  it("gives one generic message for a wrong password and for an unknown user", async () => {
    const user = await makeUser([{ role: "ADMIN" }]);
    const wrong = await authenticate(getDb(), { username: user.username, password: "nope" }, null);
    const unknown = await authenticate(getDb(), { username: unique("ghost"), password: "nope" }, null);
    expect(wrong).toEqual({ ok: false, message: SIGN_IN_FAILED });
    expect(unknown).toEqual({ ok: false, message: SIGN_IN_FAILED });
    const empty = await authenticate(getDb(), { username: "", password: "" }, null);
    expect(empty).toEqual({ ok: false, message: SIGN_IN_FAILED });
  });

  it("refuses a disabled account with the same message", async () => {
    const user = await makeUser([{ role: "ADMIN" }], { isActive: false });
    expect(await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, null)).toEqual({ ok: false, message: SIGN_IN_FAILED });
  });

  it("locks an account after repeated failures, even for the right password, and unlocks later", async () => {
    const user = await makeUser([{ role: "PARK_STAFF" }]);
    const now = new Date("2026-11-23T02:00:00Z");
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      expect((await authenticate(getDb(), { username: user.username, password: "bad" }, `10.1.0.${i}`, now)).ok).toBe(false);
    }
    const locked = await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.2.0.1", now);
    expect(locked).toMatchObject({ ok: false });
    expect(!locked.ok && locked.message).toMatch(/登录失败次数过多，请 15 分钟后再试/);
    const later = new Date(now.getTime() + ACCOUNT_RULE.lockMs + 1000);
    expect((await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "10.2.0.1", later)).ok).toBe(true);
    // Success clears the account's counter.
    expect(await getDb().loginThrottle.findUnique({ where: { key: `user:${user.username.toLowerCase()}` } })).toBeNull();
  });

  it("throttles one IP trying many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const now = new Date("2026-11-23T03:00:00Z");
    for (let i = 0; i < 30; i++) await authenticate(getDb(), { username: unique("spray"), password: "x" }, ip, now);
    const user = await makeUser([{ role: "ADMIN" }]);
    const blocked = await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, ip, now);
    expect(blocked.ok).toBe(false);
    expect((await authenticate(getDb(), { username: user.username, password: TEST_PASSWORD }, "198.51.100.7", now)).ok).toBe(true);
  });
});
