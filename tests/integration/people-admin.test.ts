// Accounts, roles, passwords, regions and parks through lib/server against the real
// database: every rule of the administration pages and API, including what a park leader
// may delegate and what a park's staff may not touch (nothing written).

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/server/actor";
import { type Actor } from "@/lib/domain/permissions";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { addMembership, addMembershipByUsername, removeMembership } from "@/lib/server/users/memberships";
import { changeOwnPassword, resetPassword } from "@/lib/server/users/passwords";
import { getUser, listUsers } from "@/lib/server/users/list-users";
import { createRegion, listRegions, updateRegion } from "@/lib/server/org/regions";
import { createPark, listParksForAdmin, updatePark } from "@/lib/server/org/parks";
import { createProject } from "@/lib/server/projects/create-project";
import { authenticate } from "@/lib/server/auth/authenticate";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import * as regionsRoute from "@/app/api/v1/regions/route";
import * as usersRoute from "@/app/api/v1/users/route";
import { makeActor, makePark, makeRegion, makeUser, TEST_PASSWORD, unique } from "../helpers/factories";
import { projectForm } from "../helpers/pipeline-factories";

const db = () => getDb();
const auditCount = () => db().auditLog.count();
const code = (s: string) => s.replace(/[^A-Za-z0-9]/g, "").slice(-20);

async function expectError(work: Promise<unknown>, errorCode: string, field?: string) {
  const e = (await work.then(() => null, (x: unknown) => x)) as { code?: string; fieldErrors?: Record<string, string[]> } | null;
  expect(e, "expected an error").not.toBeNull();
  expect(e!.code).toBe(errorCode);
  if (field) expect(Object.keys(e!.fieldErrors ?? {})).toContain(field);
  return e!;
}

let admin: Actor;
let parkA: { id: number; regionId: number };
let parkB: { id: number; regionId: number };
let leaderA: Actor;
let staffA: Actor;

beforeAll(async () => {
  admin = await makeActor([{ role: "ADMIN" }]);
  const region = await makeRegion();
  parkA = await makePark(region.id);
  parkB = await makePark(region.id);
  leaderA = await makeActor([{ role: "PARK_LEADER", parkId: parkA.id }]);
  staffA = await makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]);
});

describe("regions and parks", () => {
  it("an administrator creates, edits, archives and restores; duplicates and bad codes are refused by field", async () => {
    const name = unique("常德市");
    const region = await createRegion(admin, { name, code: code(unique("CD")) });
    await expectError(createRegion(admin, { name, code: code(unique("X")) }), "VALIDATION", "name");
    await expectError(createRegion(admin, { name: unique("R"), code: "中文代码" }), "VALIDATION", "code");
    const park = await createPark(admin, { name: unique("常德高新区"), code: code(unique("CDGX")), level: "NATIONAL", type: "HIGH_TECH", regionId: region.id });
    await expectError(createPark(admin, { name: unique("P"), code: code(unique("P")), level: "X", type: "HIGH_TECH", regionId: region.id }), "VALIDATION", "level");

    // A region with an open park cannot be archived; the park can, and then the region.
    await expectError(updateRegion(admin, region.id, { archived: true }), "VALIDATION", "archived");
    await updatePark(admin, park.id, { archived: true });
    await updateRegion(admin, region.id, { archived: true });
    expect((await listRegions(admin)).find((r) => r.id === region.id)?.archivedAt).not.toBeNull();
    // Nothing new in an archived region; restoring the park needs its region open.
    await expectError(createPark(admin, { name: unique("P"), code: code(unique("P")), level: "PROVINCIAL", type: "OTHER", regionId: region.id }), "VALIDATION", "regionId");
    await expectError(updatePark(admin, park.id, { archived: false }), "VALIDATION", "regionId");
    await updateRegion(admin, region.id, { archived: false });
    await updatePark(admin, park.id, { archived: false });
    const actions = (await db().auditLog.findMany({ where: { entityType: { in: ["Region", "Park"] }, entityId: { in: [String(region.id), String(park.id)] } }, select: { action: true }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["region.create", "park.create", "park.archive", "region.archive", "region.restore", "park.restore"]);
  });

  it("an archived park takes no new projects and leaves the pickers, but keeps its records", async () => {
    const region = await makeRegion();
    const park = await makePark(region.id);
    const staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    await createProject(staff, projectForm(park.id));
    await updatePark(admin, park.id, { archived: true });
    await expectError(createProject(staff, projectForm(park.id)), "VALIDATION", "parkId");
    expect((await listVisibleParks(staff)).map((p) => p.id)).not.toContain(park.id);
    expect((await listVisibleParks(staff, { includeArchived: true })).map((p) => p.id)).toContain(park.id);
    expect(await db().project.count({ where: { parkId: park.id } })).toBe(1);
    expect((await listParksForAdmin(admin)).find((p) => p.id === park.id)?.projectCount).toBe(1);
  });

  it("only administrators manage regions and parks: a park leader and staff are refused and nothing is written", async () => {
    const before = await auditCount();
    for (const actor of [leaderA, staffA]) {
      await expectError(createRegion(actor, { name: unique("R"), code: code(unique("R")) }), "FORBIDDEN");
      await expectError(createPark(actor, { name: unique("P"), code: code(unique("P")), level: "PROVINCIAL", type: "OTHER", regionId: parkA.regionId }), "FORBIDDEN");
      await expectError(updatePark(actor, parkA.id, { archived: true }), "FORBIDDEN");
      await expectError(listRegions(actor), "FORBIDDEN");
    }
    expect(await auditCount()).toBe(before);
    expect((await db().park.findUniqueOrThrow({ where: { id: parkA.id } })).archivedAt).toBeNull();
  });
});

describe("people and roles", () => {
  it("an administrator creates a user with a temporary password that must be changed, and it passes the rule", async () => {
    const username = `u${Date.now().toString(36)}a`;
    const created = await createUser(admin, { username, name: "张三", unit: "招商局", memberships: [{ role: "PARK_LEADER", parkId: parkA.id }] });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    const row = await db().user.findUniqueOrThrow({ where: { id: created.id }, select: { mustChangePassword: true, passwordHash: true } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.passwordHash).not.toContain(created.temporaryPassword);
    const signedIn = await authenticate(db(), { username, password: created.temporaryPassword }, null);
    expect(signedIn.ok).toBe(true);
    const actor = (await loadActor(db(), created.id))!;
    expect(actor.mustChangePassword).toBe(true);
    // The audit row has the profile and roles, never the password.
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: String(created.id) } });
    expect(JSON.stringify(audit.after)).not.toContain(created.temporaryPassword);

    await expectError(createUser(admin, { username, name: "重名" }), "VALIDATION", "username");
    await expectError(createUser(admin, { username: "1bad name", name: "x" }), "VALIDATION", "username");
    await expectError(createUser(admin, { username: `u${Date.now().toString(36)}b`, name: "x", memberships: [{ role: "LIAISON" }] }), "VALIDATION", "memberships.0.parkId");
  });

  it("the same role cannot be held twice, also for ADMIN where both scopes are NULL (database rule)", async () => {
    const user = await makeUser([{ role: "ADMIN" }]);
    await expectError(addMembership(admin, user.id, { role: "ADMIN" }), "VALIDATION", "role");
    await expect(db().membership.create({ data: { userId: user.id, role: "ADMIN" } })).rejects.toThrow();
    await addMembership(admin, user.id, { role: "LIAISON", parkId: parkA.id });
    await expectError(addMembership(admin, user.id, { role: "LIAISON", parkId: parkA.id }), "VALIDATION", "role");
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(2);
  });

  it("a park leader creates staff and liaisons for their own park only, never a higher role or another park", async () => {
    const liaison = await createUser(leaderA, { username: `l${Date.now().toString(36)}`, name: "李联络", memberships: [{ role: "LIAISON", parkId: parkA.id }] });
    expect(liaison.temporaryPassword).toBeTruthy();
    const before = await auditCount();
    await expectError(createUser(leaderA, { username: `x${Date.now().toString(36)}1`, name: "x", memberships: [{ role: "PARK_LEADER", parkId: parkA.id }] }), "FORBIDDEN");
    await expectError(createUser(leaderA, { username: `x${Date.now().toString(36)}2`, name: "x", memberships: [{ role: "LIAISON", parkId: parkB.id }] }), "FORBIDDEN");
    await expectError(createUser(leaderA, { username: `x${Date.now().toString(36)}3`, name: "x", memberships: [{ role: "ADMIN" }] }), "FORBIDDEN");
    await expectError(createUser(leaderA, { username: `x${Date.now().toString(36)}4`, name: "x", memberships: [] }), "VALIDATION", "memberships");
    expect(await auditCount()).toBe(before);

    // The leader sees their park's people and no one else.
    const other = await makeUser([{ role: "LIAISON", parkId: parkB.id }]);
    const { users } = await listUsers(leaderA, { page: 1, pageSize: 100 });
    expect(users.map((u) => u.id)).toContain(liaison.id);
    expect(users.map((u) => u.id)).not.toContain(other.id);
    await expectError(getUser(leaderA, other.id), "NOT_FOUND");
    await expectError(resetPassword(leaderA, other.id), "NOT_FOUND");
    await expectError(updateUser(leaderA, other.id, { isActive: false }), "NOT_FOUND");
  });

  it("a park leader adds an existing colleague to their park, removes the role, and may not manage someone who works elsewhere too", async () => {
    const colleague = await makeUser([{ role: "PARK_STAFF", parkId: parkB.id }]);
    await addMembershipByUsername(leaderA, colleague.username, { role: "LIAISON", parkId: parkA.id });
    const seen = await getUser(leaderA, colleague.id);
    expect(seen.manageable).toBe(false); // also staff in park B: the administrator's to manage
    await expectError(resetPassword(leaderA, colleague.id), "FORBIDDEN");
    await expectError(updateUser(leaderA, colleague.id, { name: "改名" }), "FORBIDDEN");
    const theirs = seen.memberships.find((m) => m.parkId === parkB.id)!;
    await expectError(removeMembership(leaderA, colleague.id, theirs.id), "FORBIDDEN");
    const ours = seen.memberships.find((m) => m.parkId === parkA.id)!;
    await removeMembership(leaderA, colleague.id, ours.id);
    expect(await db().membership.count({ where: { userId: colleague.id } })).toBe(1);
    await expectError(addMembershipByUsername(leaderA, "no-such-user-xyz", { role: "LIAISON", parkId: parkA.id }), "VALIDATION", "username");
  });

  it("park staff can do none of it: every people action is refused and nothing is written", async () => {
    const target = await makeUser([{ role: "LIAISON", parkId: parkA.id }]);
    const before = await auditCount();
    await expectError(createUser(staffA, { username: `s${Date.now().toString(36)}`, name: "x", memberships: [{ role: "LIAISON", parkId: parkA.id }] }), "FORBIDDEN");
    await expectError(updateUser(staffA, target.id, { isActive: false }), "FORBIDDEN");
    await expectError(addMembership(staffA, target.id, { role: "PARK_STAFF", parkId: parkA.id }), "FORBIDDEN");
    await expectError(removeMembership(staffA, target.id, 1), "FORBIDDEN");
    await expectError(resetPassword(staffA, target.id), "FORBIDDEN");
    await expectError(listUsers(staffA, { page: 1, pageSize: 10 }), "FORBIDDEN");
    expect(await auditCount()).toBe(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
  });

  it("disabling stops the person's sessions at once; nobody disables themselves or the last administrator", async () => {
    const liaison = await makeUser([{ role: "LIAISON", parkId: parkA.id }]);
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: liaison.id }, select: { sessionVersion: true } });
    expect(await loadActor(db(), liaison.id, { sessionVersion })).not.toBeNull();
    await updateUser(leaderA, liaison.id, { isActive: false });
    expect(await loadActor(db(), liaison.id, { sessionVersion })).toBeNull();
    expect((await authenticate(db(), { username: liaison.username, password: TEST_PASSWORD }, null)).ok).toBe(false);
    await updateUser(leaderA, liaison.id, { isActive: true });
    expect((await authenticate(db(), { username: liaison.username, password: TEST_PASSWORD }, null)).ok).toBe(true);

    await expectError(updateUser(admin, admin.userId, { isActive: false }), "VALIDATION", "isActive");
  });

  it("a reset gives a one-time password, ends the sessions, and forces a change; the change follows the rule and ends other sessions", async () => {
    const user = await makeUser([{ role: "PARK_STAFF", parkId: parkA.id }]);
    const v0 = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion;
    const { temporaryPassword } = await resetPassword(leaderA, user.id);
    expect(await loadActor(db(), user.id, { sessionVersion: v0 })).toBeNull();
    expect((await authenticate(db(), { username: user.username, password: TEST_PASSWORD }, null)).ok).toBe(false);
    expect((await authenticate(db(), { username: user.username, password: temporaryPassword }, null)).ok).toBe(true);
    const actor = (await loadActor(db(), user.id))!;
    expect(actor.mustChangePassword).toBe(true);

    await expectError(changeOwnPassword(actor, { currentPassword: "wrong-password", newPassword: "Valley-Spring-2026" }), "VALIDATION", "currentPassword");
    const weak = await expectError(changeOwnPassword(actor, { currentPassword: temporaryPassword, newPassword: "short" }), "VALIDATION", "newPassword");
    expect(weak.fieldErrors!.newPassword).toContain("新密码至少 10 个字符");
    await expectError(changeOwnPassword(actor, { currentPassword: temporaryPassword, newPassword: `${user.username}-2026` }), "VALIDATION", "newPassword");
    await expectError(changeOwnPassword(actor, { currentPassword: temporaryPassword, newPassword: "Park@2026" }), "VALIDATION", "newPassword");

    const { sessionVersion } = await changeOwnPassword(actor, { currentPassword: temporaryPassword, newPassword: "Valley-Spring-2026" });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(after.sessionVersion).toBe(sessionVersion);
    expect(await loadActor(db(), user.id, { sessionVersion: sessionVersion - 1 })).toBeNull();
    expect(await loadActor(db(), user.id, { sessionVersion })).not.toBeNull();
    expect((await authenticate(db(), { username: user.username, password: "Valley-Spring-2026" }, null)).ok).toBe(true);
    const actions = (await db().auditLog.findMany({ where: { entityType: "User", entityId: String(user.id) }, select: { action: true }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toContain("user.passwordReset");
    expect(actions).toContain("user.passwordChange");
  });

  it("five wrong current passwords lock the change like sign-in does", async () => {
    const user = await makeUser([{ role: "PARK_STAFF", parkId: parkA.id }]);
    const actor = (await loadActor(db(), user.id))!;
    for (let i = 0; i < 5; i++) await expectError(changeOwnPassword(actor, { currentPassword: `wrong-${i}`, newPassword: "Valley-Spring-2026" }), "VALIDATION", "currentPassword");
    const locked = await expectError(changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "Valley-Spring-2026" }), "VALIDATION", "currentPassword");
    expect(locked.fieldErrors!.currentPassword[0]).toMatch(/次数过多/);
  });
});

describe("the accounts API refuses API tokens", () => {
  it("a read-write token gets 403 on users and regions; nothing is created", async () => {
    const { token } = await createApiToken(admin, { name: unique("t"), scope: "READ_WRITE", parkIds: [parkA.id] });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const params = { params: Promise.resolve(undefined) };
    const list = await regionsRoute.GET(new Request("http://localhost/api/v1/regions", { headers }), params);
    expect(list.status).toBe(403);
    const before = await db().user.count();
    const post = await usersRoute.POST(new Request("http://localhost/api/v1/users", { method: "POST", headers, body: JSON.stringify({ username: "viatoken", name: "x", memberships: [] }) }), params);
    expect(post.status).toBe(403);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(await db().user.count()).toBe(before);
  });
});
