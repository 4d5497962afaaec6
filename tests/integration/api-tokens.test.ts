import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { todayInShanghai } from "@/lib/domain/dates";
import { visibleProjectsWhere } from "@/lib/server/actor";
import { type Actor, can, parksWith } from "@/lib/domain/permissions";
import { authenticateApiToken } from "@/lib/server/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listApiTokens } from "@/lib/server/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { hashApiToken } from "@/lib/server/api-tokens/token-secret";
import { AppError } from "@/lib/server/errors";
import { apiTokenListSchema } from "@/lib/validation/api-tokens";
import { makeActor, makePark, makeRegion, makeUser, unique } from "../helpers/factories";

const db = () => getDb();

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

let admin: Actor;
let staff: Actor;
let parkA: { id: number };
let parkB: { id: number };

beforeAll(async () => {
  const region = await makeRegion();
  parkA = await makePark(region.id);
  parkB = await makePark(region.id);
  admin = await makeActor([{ role: "ADMIN" }]);
  staff = await makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]);
});

describe("createApiToken", () => {
  it("returns the secret once, stores only its hash, and audits without the secret", async () => {
    const created = await createApiToken(admin, { name: " 数据中台 ", scope: "READ", parkIds: [parkA.id, parkA.id] });
    expect(created.token).toMatch(new RegExp(`^ppt_${created.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(created.name).toBe("数据中台");
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id }, include: { parks: true } });
    expect(row.tokenHash).toBe(hashApiToken(created.token));
    // The secret is base64url and may itself hold "_": take everything after the prefix.
    const secret = created.token.slice(`ppt_${created.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(row.tokenHash).not.toContain(secret);
    expect(row.parks.map((p) => p.parkId)).toEqual([parkA.id]);
    expect(row.createdById).toBe(admin.userId);
    const audit = await db().auditLog.findMany({ where: { entityType: "ApiToken", entityId: String(created.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "apiToken.create", actorId: admin.userId });
    const json = JSON.stringify(audit[0].after);
    expect(json).toContain(created.prefix);
    expect(json).not.toContain(created.token);
    expect(json).not.toContain(row.tokenHash);
  });

  it.each([
    [{ name: "", scope: "READ", parkIds: [1] }, "name", "请填写令牌名称"],
    [{ name: "x".repeat(51), scope: "READ", parkIds: [1] }, "name", "令牌名称不能超过 50 个字符"],
    [{ name: "t", scope: "ADMIN", parkIds: [1] }, "scope", "请选择权限：只读或读写"],
    [{ name: "t", scope: "READ", parkIds: [] }, "parkIds", "请至少选择一个园区"],
    [{ name: "t", scope: "READ", parkIds: [1], expiresOn: "2020-01-01" }, "expiresOn", "有效期不能早于今天"],
    [{ name: "t", scope: "READ", parkIds: [1], expiresOn: "2026-02-30" }, "expiresOn", "有效期不是有效日期（格式 YYYY-MM-DD）"],
  ])("refuses %j naming the field", async (input, field, message) => {
    const e = await caught(createApiToken(admin, input));
    expect(e.code).toBe("VALIDATION");
    expect(e.fieldErrors?.[field]).toEqual([message]);
  });

  it("refuses a park that does not exist, and writes nothing", async () => {
    const before = await db().apiToken.count();
    const e = await caught(createApiToken(admin, { name: "t", scope: "READ", parkIds: [parkA.id, 2_000_000_000] }));
    expect(e.fieldErrors?.parkIds).toBeDefined();
    expect(await db().apiToken.count()).toBe(before);
  });

  it("is for administrators only (create, list, revoke)", async () => {
    expect((await caught(createApiToken(staff, { name: "t", scope: "READ", parkIds: [parkA.id] }))).code).toBe("FORBIDDEN");
    expect((await caught(listApiTokens(staff, apiTokenListSchema.parse({})))).code).toBe("FORBIDDEN");
    const t = await createApiToken(admin, { name: "t", scope: "READ", parkIds: [parkA.id] });
    expect((await caught(revokeApiToken(staff, t.id))).code).toBe("FORBIDDEN");
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toBeNull();
  });
});

describe("authenticateApiToken", () => {
  it("gives an actor limited to the token's parks and the scope's permissions", async () => {
    const read = await createApiToken(admin, { name: "只读", scope: "READ", parkIds: [parkA.id] });
    const rw = await createApiToken(admin, { name: "读写", scope: "READ_WRITE", parkIds: [parkA.id, parkB.id] });
    const r = await authenticateApiToken(read.token);
    const w = await authenticateApiToken(rw.token);
    if (!r.ok || !w.ok) throw new Error("tokens should work");
    expect([...r.actor.parkRoles.keys()]).toEqual([parkA.id]);
    expect(parksWith(r.actor, "project.read")).toEqual([parkA.id]);
    expect(can(r.actor, "project.read", parkA.id)).toBe(true);
    expect(can(r.actor, "project.read", parkB.id)).toBe(false);
    expect(can(r.actor, "project.write", parkA.id)).toBe(false);
    expect(can(r.actor, "audit.read", parkA.id)).toBe(false);
    expect(parksWith(r.actor, "audit.read")).toEqual([]);
    expect(can(w.actor, "project.write", parkB.id)).toBe(true);
    expect(can(w.actor, "issue.write", parkA.id)).toBe(true);
    for (const p of ["project.correct", "assignment.manage", "issue.lead", "apiToken.manage", "user.manage"] as const) expect(can(w.actor, p, parkA.id), p).toBe(false);
    expect(w.actor.userId).toBe(admin.userId);
    expect(visibleProjectsWhere(r.actor)).toEqual({ parkId: { in: [parkA.id] } });
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const t = await createApiToken(admin, { name: "t", scope: "READ", parkIds: [parkA.id] });
    const t0 = new Date();
    await authenticateApiToken(t.token, t0);
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt;
    expect(first?.getTime()).toBe(t0.getTime());
    await authenticateApiToken(t.token, new Date(t0.getTime() + 30_000));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt?.getTime()).toBe(t0.getTime());
    const later = new Date(t0.getTime() + 61_000);
    await authenticateApiToken(t.token, later);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt?.getTime()).toBe(later.getTime());
  });

  it.each([
    ["malformed", "ppt_short_x"],
    ["unknown", `ppt_abcdefgh_${"Q".repeat(43)}`],
  ])("refuses a %s token", async (reason, raw) => {
    expect(await authenticateApiToken(raw)).toEqual({ ok: false, reason });
  });

  it("refuses revoked and expired tokens and those of a disabled administrator", async () => {
    const revoked = await createApiToken(admin, { name: "t", scope: "READ", parkIds: [parkA.id] });
    await revokeApiToken(admin, revoked.id);
    expect(await authenticateApiToken(revoked.token)).toEqual({ ok: false, reason: "revoked" });

    const today = todayInShanghai();
    const expiring = await createApiToken(admin, { name: "t", scope: "READ", parkIds: [parkA.id], expiresOn: today });
    expect((await authenticateApiToken(expiring.token)).ok).toBe(true);
    expect(await authenticateApiToken(expiring.token, new Date(Date.now() + 2 * 86_400_000))).toEqual({ ok: false, reason: "expired" });

    const otherAdminUser = await makeUser([{ role: "ADMIN" }]);
    const { loadActor } = await import("@/lib/server/actor");
    const otherAdmin = (await loadActor(db(), otherAdminUser.id))!;
    const orphan = await createApiToken(otherAdmin, { name: "t", scope: "READ", parkIds: [parkA.id] });
    await db().user.update({ where: { id: otherAdminUser.id }, data: { isActive: false } });
    expect(await authenticateApiToken(orphan.token)).toEqual({ ok: false, reason: "creator-disabled" });

    const demotedUser = await makeUser([{ role: "ADMIN" }]);
    const demoted = (await loadActor(db(), demotedUser.id))!;
    const delegated = await createApiToken(demoted, { name: "t", scope: "READ", parkIds: [parkA.id] });
    expect((await authenticateApiToken(delegated.token)).ok).toBe(true);
    await db().membership.deleteMany({ where: { userId: demotedUser.id } });
    expect(await authenticateApiToken(delegated.token)).toEqual({ ok: false, reason: "creator-disabled" });
  });
});

describe("revokeApiToken and listApiTokens", () => {
  it("revokes once (idempotent, one audit row), and the list shows it with parks and creator", async () => {
    const name = unique("令牌");
    const t = await createApiToken(admin, { name, scope: "READ_WRITE", parkIds: [parkB.id, parkA.id] });
    const first = await revokeApiToken(admin, t.id);
    const second = await revokeApiToken(admin, t.id);
    expect(second.revokedAt.getTime()).toBe(first.revokedAt.getTime());
    expect(await db().auditLog.count({ where: { entityType: "ApiToken", entityId: String(t.id), action: "apiToken.revoke" } })).toBe(1);
    expect((await caught(revokeApiToken(admin, 2_000_000_000))).code).toBe("NOT_FOUND");

    const all = await listApiTokens(admin, apiTokenListSchema.parse({ pageSize: "100" }));
    const item = all.items.find((i) => i.id === t.id);
    expect(item).toMatchObject({ name, prefix: t.prefix, scope: "READ_WRITE", createdByName: admin.name, revokedAt: first.revokedAt });
    expect(item?.parks.map((p) => p.id)).toEqual([parkA.id, parkB.id].sort((a, b) => a - b));
    expect(item).not.toHaveProperty("tokenHash");
    expect(all.items.map((i) => i.id)).toEqual([...all.items.map((i) => i.id)].sort((a, b) => b - a));

    const active = await listApiTokens(admin, apiTokenListSchema.parse({ pageSize: "100", active: "1" }));
    expect(active.items.some((i) => i.id === t.id)).toBe(false);
    expect(active.items.every((i) => i.revokedAt === null)).toBe(true);

    const paged = await listApiTokens(admin, apiTokenListSchema.parse({ pageSize: "2", page: "2" }));
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(all.total);
    expect(paged.items[0].id).toBe(all.items[2].id);
  });
});
