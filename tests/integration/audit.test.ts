// The audit page's list against PostgreSQL: each filter (person, name search, park, kind
// of record, action, Beijing-day range) narrows in SQL, pages do not overlap, labels and
// before -> after come back readable, and the scope holds: a park leader reads their own
// park's rows and the account rows of their own people, never another park's rows nor
// other accounts' rows; only administrators read failed sign-ins.

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { authenticate } from "@/lib/server/auth/authenticate";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { auditFilterPerson, listAudit, listAuditParks } from "@/lib/server/audit/list-audit";
import { updateParkSettings } from "@/lib/server/parks/park-settings";
import { type Actor } from "@/lib/domain/permissions";
import { parseAuditFilters } from "@/lib/validation/audit";
import { TEST_PASSWORD, makeActor, makePark, makeProject, makeRegion, makeUser, unique } from "../helpers/factories";

const db = () => getDb();

let parkA: { id: number; name: string };
let parkB: { id: number; name: string };
let admin: Actor;
let leaderA: Actor;
let leaderB: Actor;
let regionLeader: Actor;
let staffA: Actor;
let writerA: Actor;
let writerB: Actor;
let outsider: { id: number; username: string };
let projectA: { id: number; name: string };

async function row(data: { actorId: number | null; action: string; entityType: string; entityId: string | number; parkId?: number | null; before?: unknown; after?: unknown; at?: string }) {
  const created = await db().auditLog.create({
    data: {
      actorId: data.actorId,
      action: data.action,
      entityType: data.entityType,
      entityId: String(data.entityId),
      parkId: data.parkId ?? null,
      before: data.before === undefined ? undefined : (data.before as object),
      after: data.after === undefined ? undefined : (data.after as object),
      createdAt: data.at ? new Date(data.at) : undefined,
    },
    select: { id: true },
  });
  return created.id.toString();
}

const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);
// Rows written here name records that do not exist, by ids no real record can have: other
// files look audit rows up by their records' numeric ids in the same database.
const fakeId = () => unique("no-such-record");

beforeAll(async () => {
  const region = await makeRegion();
  const otherRegion = await makeRegion();
  parkA = await makePark(region.id);
  parkB = await makePark(otherRegion.id);
  [admin, leaderA, leaderB, regionLeader, staffA, writerA, writerB] = await Promise.all([
    makeActor([{ role: "ADMIN" }]),
    makeActor([{ role: "PARK_LEADER", parkId: parkA.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: parkB.id }]),
    makeActor([{ role: "REGION_LEADER", regionId: region.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: parkB.id }]),
  ]);
  outsider = await makeUser([{ role: "REGION_LEADER", regionId: otherRegion.id }]);
  const p = await makeProject({ parkId: parkA.id });
  projectA = { id: p.id, name: p.name };
});

describe("filters, in SQL", () => {
  let updateA: string;
  let extensionA: string;
  let rowB: string;
  beforeAll(async () => {
    updateA = await row({
      actorId: writerA.userId,
      action: "project.update",
      entityType: "Project",
      entityId: projectA.id,
      parkId: parkA.id,
      before: { totalInvestment: "50000.00", keyLevel: "CITY" },
      after: { totalInvestment: "56000.00", keyLevel: "PROVINCIAL" },
      at: "2026-03-01T15:59:59Z", // 1 March, 23:59:59 in Beijing
    });
    extensionA = await row({
      actorId: writerA.userId,
      action: "issue.requestExtension",
      entityType: "EnterpriseIssue",
      entityId: fakeId(),
      parkId: parkA.id,
      before: { status: "IN_PROGRESS" },
      after: { events: [{ type: "EXTENSION_REQUESTED", note: "供电公司排期", data: null }] },
      at: "2026-03-01T16:00:00Z", // 2 March, 00:00 in Beijing
    });
    rowB = await row({ actorId: writerB.userId, action: "visit.create", entityType: "Visit", entityId: fakeId(), parkId: parkB.id, after: { kind: "PHONE" }, at: "2026-03-02T02:00:00Z" });
  });

  it("by person: the actor's rows only", async () => {
    const r = await listAudit(admin, { actor: writerA.userId });
    expect(ids(r)).toEqual([extensionA, updateA]);
    expect(r.total).toBe(2);
    expect((await listAudit(admin, { actor: writerB.userId })).rows.map((x) => x.id)).toEqual([rowB]);
  });

  it("by part of the person's name or username", async () => {
    const part = writerA.name.slice(1);
    const r = await listAudit(admin, { who: part });
    expect(ids(r)).toEqual(expect.arrayContaining([extensionA, updateA]));
    expect(r.rows.every((x) => x.actor?.name.includes(part))).toBe(true);
    const byUsername = await listAudit(admin, { who: writerA.username.toUpperCase() });
    expect(ids(byUsername)).toEqual([extensionA, updateA]);
    expect((await listAudit(admin, { who: "没有这个人%" })).total).toBe(0);
  });

  it("by park, kind of record and action", async () => {
    expect(ids(await listAudit(admin, { park: parkB.id }))).toEqual([rowB]);
    expect(ids(await listAudit(leaderA, { park: parkA.id, entity: "Project" }))).toEqual([updateA]);
    expect(ids(await listAudit(leaderA, { park: parkA.id, action: "issue.requestExtension" }))).toEqual([extensionA]);
    expect((await listAudit(leaderA, { park: parkA.id, entity: "Visit" })).total).toBe(0);
  });

  it("by Beijing days, both ends included", async () => {
    const mine = { actor: writerA.userId };
    expect(ids(await listAudit(admin, { ...mine, from: "2026-03-02", to: "2026-03-02" }))).toEqual([extensionA]);
    expect(ids(await listAudit(admin, { ...mine, from: "2026-03-01", to: "2026-03-01" }))).toEqual([updateA]);
    expect(ids(await listAudit(admin, { ...mine, from: "2026-03-01" }))).toEqual([extensionA, updateA]);
    expect(ids(await listAudit(admin, { ...mine, to: "2026-02-28" }))).toEqual([]);
  });

  it("labels in Chinese, the record by name with its page, the change field by field", async () => {
    const [ext, upd] = (await listAudit(leaderA, { actor: writerA.userId })).rows;
    expect(ext).toMatchObject({ actionLabel: "申请延期", entityLabel: "企业问题", entityName: null, entityHref: null, parkName: parkA.name });
    expect(ext.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["问题状态", "办理", undefined],
      ["处理记录", undefined, "申请延期（供电公司排期）"],
    ]);
    expect(upd).toMatchObject({ actionLabel: "修改项目台账", entityLabel: "项目", entityName: projectA.name, entityHref: `/projects/${projectA.id}` });
    expect(upd.actor).toEqual({ id: writerA.userId, name: writerA.name, username: writerA.username });
    expect(upd.changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual(["项目级别：市重点 → 省重点", "总投资：50,000 万元 → 56,000 万元"]);
  });

  it("bad values in the URL are dropped with a Chinese message naming the filter", () => {
    const { filters, errors } = parseAuditFilters({ actor: "abc", action: "issue.hack", entity: "Secret", from: "2026-02-30", to: "2026-03-01", park: "2" });
    expect(filters).toEqual({ park: 2, to: "2026-03-01", page: 1 });
    expect(errors).toEqual(["操作人须为数字", "记录类型无效", "操作类型无效", "开始日期不是有效日期（格式 YYYY-MM-DD）"]);
    const reversed = parseAuditFilters({ from: "2026-03-05", to: "2026-03-01" });
    expect(reversed.filters).toEqual({ from: "2026-03-05", page: 1 });
    expect(reversed.errors).toEqual(["结束日期不能早于开始日期"]);
  });
});

describe("a real change through the server", () => {
  it("park settings: before and after of each threshold", async () => {
    await updateParkSettings(leaderA, parkA.id, { staleDaysSigned: 60, staleDaysLanded: 180, staleDaysStarted: 365, visitIntervalDays: 15 });
    const [r] = (await listAudit(leaderA, { park: parkA.id, action: "park.settings" })).rows;
    expect(r).toMatchObject({ actionLabel: "修改园区设置", entityLabel: "园区", entityName: parkA.name });
    expect(r.changes.map((c) => `${c.label}：${c.before} → ${c.after}`)).toEqual(["签约阶段滞留天数：90 → 60", "走访周期（天）：30 → 15"]);
  });
});

describe("scope", () => {
  let signInA: string;
  let signInOutsider: string;
  let failed: string;
  let userAdminA: string;
  beforeAll(async () => {
    const ok = await authenticate(db(), { username: staffA.username, password: TEST_PASSWORD }, "10.1.2.3");
    expect(ok.ok).toBe(true);
    await authenticate(db(), { username: outsider.username, password: TEST_PASSWORD }, null);
    await authenticate(db(), { username: staffA.username, password: "wrong-password" }, null);
    const find = async (action: string, entityId: string) =>
      (await db().auditLog.findFirstOrThrow({ where: { action, entityId }, orderBy: { id: "desc" }, select: { id: true } })).id.toString();
    signInA = await find("auth.signIn", String(staffA.userId));
    signInOutsider = await find("auth.signIn", String(outsider.id));
    failed = await find("auth.signInFailed", staffA.username);
    userAdminA = await row({ actorId: admin.userId, action: "user.update", entityType: "User", entityId: staffA.userId, before: { phone: null }, after: { phone: "13800000000" } });
  });

  it("a park leader reads their park's rows and their own people's account rows, nothing else", async () => {
    const seen = ids(await listAudit(leaderA, { page: 1 }, 500));
    expect(seen).toEqual(expect.arrayContaining([signInA, userAdminA]));
    expect(seen).not.toContain(signInOutsider);
    expect(seen).not.toContain(failed);
    const rows = (await listAudit(leaderA, {}, 500)).rows;
    expect(rows.every((r) => r.parkId === parkA.id || (r.parkId === null && r.entityType === "User"))).toBe(true);
    const signIn = rows.find((r) => r.id === signInA)!;
    expect(signIn).toMatchObject({ actionLabel: "登录", entityLabel: "用户", entityName: `${staffA.name}（${staffA.username}）`, ip: "10.1.2.3" });
  });

  it("another park's leader sees none of park A's rows nor its people's accounts, and cannot filter by park A", async () => {
    const seen = ids(await listAudit(leaderB, {}, 500));
    expect(seen).not.toContain(signInA);
    expect(seen).not.toContain(userAdminA);
    expect((await listAudit(leaderB, { actor: writerA.userId })).total).toBe(0);
    await expect(listAudit(leaderB, { park: parkA.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listAuditParks(leaderB)).toEqual([{ id: parkB.id, name: parkB.name }]);
    expect(await auditFilterPerson(leaderB, writerA.userId)).toBeNull();
    expect(await auditFilterPerson(leaderA, writerA.userId)).toEqual({ id: writerA.userId, name: writerA.name, username: writerA.username });
  });

  it("a region leader reads the parks of their region", async () => {
    const seen = ids(await listAudit(regionLeader, { actor: writerA.userId }));
    expect(seen.length).toBe(2);
    await expect(listAudit(regionLeader, { park: parkB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("administrators read everything, failed sign-ins included; staff read nothing", async () => {
    const seen = ids(await listAudit(admin, { entity: "User" }, 500));
    expect(seen).toEqual(expect.arrayContaining([signInA, signInOutsider, failed, userAdminA]));
    const failedRow = (await listAudit(admin, { action: "auth.signInFailed" }, 500)).rows.find((r) => r.id === failed)!;
    expect(failedRow).toMatchObject({ actionLabel: "登录失败", entityId: staffA.username, entityName: null, actor: null });
    await expect(listAudit(staffA)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("paging", () => {
  it("pages of 50, newest first, without overlap, with the total of the whole filter", async () => {
    const pager = await makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]);
    await db().auditLog.createMany({
      data: Array.from({ length: 120 }, () => ({ actorId: pager.userId, action: "visit.create", entityType: "Visit", entityId: fakeId(), parkId: parkA.id })),
    });
    const pages = await Promise.all([1, 2, 3].map((page) => listAudit(leaderA, { actor: pager.userId, page })));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(pages.every((p) => p.total === 120 && p.pageCount === 3)).toBe(true);
    const all = pages.flatMap((p) => p.rows.map((r) => BigInt(r.id)));
    expect(new Set(all).size).toBe(120);
    expect([...all].sort((a, b) => (a > b ? -1 : 1))).toEqual(all);
    expect((await listAudit(leaderA, { actor: pager.userId, page: 4 })).rows).toEqual([]);
  });
});

describe("writeAudit rows are what the list reads", () => {
  it("a row written in a transaction shows with its labels", async () => {
    await db().$transaction((tx) =>
      writeAudit(tx, { actorId: admin.userId, action: "membership.add", entityType: "User", entityId: writerA.userId, parkId: parkA.id, after: { role: "LIAISON", parkId: parkA.id, regionId: null } }),
    );
    const [r] = (await listAudit(leaderA, { action: "membership.add", park: parkA.id })).rows;
    expect(r.actionLabel).toBe("添加角色");
    expect(r.changes.map((c) => `${c.label}：${c.after}`)).toEqual(["角色：包保责任人", `园区：${parkA.name}`]);
  });
});
