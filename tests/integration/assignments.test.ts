import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { AppError } from "@/lib/server/errors";
import { loadActor } from "@/lib/server/actor";
import { assign } from "@/lib/server/assignments/assign";
import { bulkReassign } from "@/lib/server/assignments/bulk-reassign";
import { listAssignmentHistory } from "@/lib/server/assignments/list-assignment-history";
import { listAssignableUsers } from "@/lib/server/assignments/list-assignable-users";
import { listCoverage, listCoverageLiaisons } from "@/lib/server/coverage/list-coverage";
import { coverageFiltersSchema } from "@/lib/validation/assignments";
import { makeActor, makeUser, unique } from "../helpers/factories";
import { countStatements } from "../helpers/pipeline-factories";
import {
  type LiaisonWorld,
  activeAssignments,
  makeAssignment,
  makeEnterprise,
  makeLiaisonWorld,
  makeProjectOf,
} from "../helpers/assignment-factories";

const db = () => getDb();
const today = todayInShanghai();
const daysAgo = (n: number) => addDays(today, -n);

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const audits = (entityType: string, entityId: number) =>
  db().auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });

let w: LiaisonWorld;
beforeAll(async () => {
  w = await makeLiaisonWorld();
});

async function newProject(parkId = w.park.id) {
  const e = await makeEnterprise(parkId);
  return makeProjectOf(parkId, e.id);
}

describe("assigning one project or enterprise", () => {
  it("assigns, then reassigns keeping history: the old row ends on the new start date, one audit row each", async () => {
    const p = await newProject();
    const first = await assign(w.staff, {
      targetType: "PROJECT",
      targetId: String(p.id),
      role: "LIAISON",
      userId: String(w.liaisonA.userId),
      startDate: daysAgo(100),
      department: " 招商合作局 ",
      note: "",
    });
    expect(first).toMatchObject({ kind: "assign", endedAssignmentIds: [] });

    const second = await assign(w.leader, {
      targetType: "PROJECT",
      targetId: p.id,
      role: "LIAISON",
      userId: w.liaisonB.userId,
      startDate: daysAgo(10),
      note: "工作调整",
      currentAssignmentId: first.assignmentId,
    });
    expect(second).toMatchObject({ kind: "reassign", endedAssignmentIds: [first.assignmentId] });

    const rows = await db().assignment.findMany({ where: { projectId: p.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: first.assignmentId, userId: w.liaisonA.userId, department: "招商合作局", note: null, createdById: w.staff.userId });
    expect(dateToIso(rows[0].startDate)).toBe(daysAgo(100));
    expect(dateToIso(rows[0].endDate!)).toBe(daysAgo(10));
    expect(rows[1]).toMatchObject({ id: second.assignmentId, userId: w.liaisonB.userId, endDate: null, department: null, note: "工作调整", parkId: w.park.id, role: "LIAISON" });
    expect(dateToIso(rows[1].startDate)).toBe(daysAgo(10));

    const log = await audits("Project", p.id);
    expect(log.map((a) => a.action)).toEqual(["assignment.assign", "assignment.reassign"]);
    expect(log[1]).toMatchObject({ actorId: w.leader.userId, parkId: w.park.id });
    expect(log[1].before).toMatchObject({ role: "LIAISON", assignments: [{ id: first.assignmentId, userId: w.liaisonA.userId, startDate: daysAgo(100) }] });
    expect(log[1].after).toMatchObject({ assignmentId: second.assignmentId, userId: w.liaisonB.userId, startDate: daysAgo(10), endedAssignmentIds: [first.assignmentId], endDate: daysAgo(10) });

    // The history page: who covered it when, active first.
    const history = await listAssignmentHistory(w.staff, "PROJECT", p.id);
    expect(history.target).toMatchObject({ type: "PROJECT", id: p.id, parkId: w.park.id });
    expect(history.rows.map((r) => [r.userId, r.startDate, r.endDate, r.active])).toEqual([
      [w.liaisonB.userId, daysAgo(10), null, true],
      [w.liaisonA.userId, daysAgo(100), daysAgo(10), false],
    ]);
    expect(history.rows[1]).toMatchObject({ userPhone: "13900000001", createdByName: expect.any(String), department: "招商合作局" });
  });

  it("allows a same-day correction (the old row keeps a zero-day period) and a leader beside the liaison", async () => {
    const e = await makeEnterprise(w.park.id);
    const a = await assign(w.staff, { targetType: "ENTERPRISE", targetId: e.id, role: "LIAISON", userId: w.liaisonA.userId, startDate: today });
    const b = await assign(w.staff, { targetType: "ENTERPRISE", targetId: e.id, role: "LIAISON", userId: w.staff.userId, startDate: today });
    await assign(w.staff, { targetType: "ENTERPRISE", targetId: e.id, role: "LEADER", userId: w.leader.userId, startDate: today, department: "党工委（管委会）" });
    const old = await db().assignment.findUniqueOrThrow({ where: { id: a.assignmentId } });
    expect(dateToIso(old.startDate)).toBe(today);
    expect(dateToIso(old.endDate!)).toBe(today);
    expect((await activeAssignments({ enterpriseId: e.id })).map((r) => r.id)).toEqual([b.assignmentId]);
    expect(await activeAssignments({ enterpriseId: e.id, role: "LEADER" })).toHaveLength(1);
    expect((await audits("Enterprise", e.id)).map((r) => r.action)).toEqual(["assignment.assign", "assignment.reassign", "assignment.assign"]);
  });

  it("refuses a start before the current holder's, a future start, and the same person again; writes nothing", async () => {
    const p = await newProject();
    const first = await assign(w.staff, { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonA.userId, startDate: daysAgo(30) });

    const early = await caught(assign(w.staff, { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonB.userId, startDate: daysAgo(31) }));
    expect(early.code).toBe("VALIDATION");
    expect(early.fieldErrors).toEqual({ startDate: [`开始日期不能早于现任包保责任人的开始日期（${daysAgo(30)}）`] });
    expect(early.message).toBe(`开始日期不能早于现任包保责任人的开始日期（${daysAgo(30)}）`);

    const future = await caught(assign(w.staff, { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonB.userId, startDate: addDays(today, 1) }));
    expect(future.fieldErrors).toEqual({ startDate: ["开始日期不能晚于今天"] });

    const again = await caught(assign(w.staff, { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonA.userId, startDate: today }));
    expect(again.fieldErrors?.userId?.[0]).toMatch(/已是该项目的包保责任人$/);

    // Another 责任单位 for the same person is a change worth its own row.
    const dept = await assign(w.staff, { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonA.userId, startDate: today, department: "经发局" });
    expect(dept.endedAssignmentIds).toEqual([first.assignmentId]);
    expect(await db().assignment.count({ where: { projectId: p.id } })).toBe(2);
  });

  it("refuses people who cannot take the role, naming the field", async () => {
    const p = await newProject();
    const base = { targetType: "PROJECT", targetId: p.id, startDate: today };
    const liaisonMsg = "包保责任人须为本园区在岗的包保责任人或园区工作人员";
    const leaderMsg = "包保领导须为本园区在岗的园区领导";
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ role: "LIAISON", userId: w.otherLiaison.userId }, { userId: [liaisonMsg] }], // another park's liaison
      [{ role: "LIAISON", userId: w.disabledLiaisonId }, { userId: [liaisonMsg] }],
      [{ role: "LIAISON", userId: w.leader.userId }, { userId: [liaisonMsg] }], // a park leader is a 包保领导, not a 包保责任人
      [{ role: "LIAISON", userId: 2_000_000_000 }, { userId: [liaisonMsg] }],
      [{ role: "LEADER", userId: w.liaisonA.userId }, { userId: [leaderMsg] }],
      [{ role: "LEADER", userId: w.staff.userId }, { userId: [leaderMsg] }],
      [{ role: "LEADER", userId: w.otherLeader.userId }, { userId: [leaderMsg] }],
    ];
    for (const [over, errors] of cases) {
      const e = await caught(assign(w.staff, { ...base, ...over }));
      expect(e.code).toBe("VALIDATION");
      expect(e.fieldErrors).toEqual(errors);
    }
    expect(await db().assignment.count({ where: { projectId: p.id } })).toBe(0);
  });

  it("reports every malformed field at once, in Chinese", async () => {
    const e = await caught(assign(w.staff, { targetType: "PARK", targetId: "", role: "LEADER", userId: "", startDate: "2025-02-30", department: "x".repeat(101) }));
    expect(e.code).toBe("VALIDATION");
    expect(e.fieldErrors).toEqual({
      targetType: ["请选择包保对象类型（项目或企业）"],
      targetId: ["请选择包保对象"],
      userId: ["请选择包保领导"],
      startDate: ["开始日期不是有效日期（格式 YYYY-MM-DD）"],
      department: ["责任单位不能超过 100 个字符"],
    });
    expect((await caught(assign(w.staff, null))).fieldErrors).toEqual({ _form: ["请求格式不正确"] });
  });

  it("lets only park staff, park leaders and admins assign: other parks are invisible, region leaders and liaisons read only", async () => {
    const p = await newProject();
    const input = { targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId: w.liaisonA.userId, startDate: today };
    expect((await caught(assign(w.regionLeader, input))).code).toBe("FORBIDDEN");
    expect((await caught(assign(w.liaisonA, input))).code).toBe("FORBIDDEN");
    const other = await caught(assign(w.otherStaff, input));
    expect(other.code).toBe("NOT_FOUND");
    expect(other.message).toBe("项目不存在或无权查看");
    expect((await caught(assign(w.staff, { ...input, targetId: 2_000_000_000 }))).code).toBe("NOT_FOUND");
    expect(await db().assignment.count({ where: { projectId: p.id } })).toBe(0);
    await expect(assign(w.admin, input)).resolves.toMatchObject({ kind: "assign" });
  });

  it("never leaves two holders: concurrent assignments take turns, a stale form is a conflict", async () => {
    const p = await newProject();
    const input = (userId: number) => ({ targetType: "PROJECT", targetId: p.id, role: "LIAISON", userId, startDate: today, currentAssignmentId: null });
    const results = await Promise.allSettled([assign(w.staff, input(w.liaisonA.userId)), assign(w.leader, input(w.liaisonB.userId))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect(failed.reason.code).toBe("CONFLICT");
    expect(failed.reason.message).toMatch(/^该项目的包保责任人已被他人变更为 .+（自 \d{4}-\d{2}-\d{2} 起），请刷新后重试$/);
    expect(await activeAssignments({ projectId: p.id })).toHaveLength(1);

    // Without the form's view, the later one simply takes over.
    const q = await newProject();
    const free = (userId: number) => ({ targetType: "PROJECT", targetId: q.id, role: "LIAISON", userId, startDate: today });
    await Promise.all([assign(w.staff, free(w.liaisonA.userId)), assign(w.leader, free(w.liaisonB.userId))]);
    expect(await activeAssignments({ projectId: q.id })).toHaveLength(1);
    expect(await db().assignment.count({ where: { projectId: q.id } })).toBe(2);
  });
});

describe("handing over everything of a person (bulk reassignment)", () => {
  async function loadOf(userId: number, parkId: number, n: number, since: string) {
    for (let i = 0; i < n; i++) {
      const e = await makeEnterprise(parkId);
      const p = await makeProjectOf(parkId, e.id);
      await makeAssignment({ parkId, userId, enterpriseId: e.id, startDate: since, department: "招商合作局" });
      await makeAssignment({ parkId, userId, projectId: p.id, startDate: since, department: "招商合作局" });
    }
  }

  it("moves every active assignment in the actor's parks in one transaction, keeping each row's history, one audit row", async () => {
    const from = await makeActor([
      { role: "LIAISON", parkId: w.park.id },
      { role: "LIAISON", parkId: w.otherPark.id },
    ]);
    const to = await makeUser([{ role: "LIAISON", parkId: w.park.id }]);
    await loadOf(from.userId, w.park.id, 3, daysAgo(200));
    await loadOf(from.userId, w.otherPark.id, 1, daysAgo(200)); // the staff of w.park cannot touch these
    const ended = await makeAssignment({ parkId: w.park.id, userId: from.userId, enterpriseId: (await makeEnterprise(w.park.id)).id, startDate: daysAgo(300), endDate: daysAgo(250) });

    const result = await bulkReassign(w.staff, { fromUserId: from.userId, toUserId: to.id, startDate: daysAgo(5), note: "工作调整，包保责任人变更" });
    expect(result).toEqual({ count: 6, groups: [{ parkId: w.park.id, parkName: w.park.name, role: "LIAISON", count: 6 }] });

    const fromRows = await db().assignment.findMany({ where: { userId: from.userId, parkId: w.park.id }, orderBy: { id: "asc" } });
    expect(fromRows).toHaveLength(7);
    expect(fromRows.filter((r) => r.endDate === null)).toHaveLength(0);
    expect(fromRows.filter((r) => r.id !== ended.id).every((r) => dateToIso(r.endDate!) === daysAgo(5))).toBe(true);
    expect(dateToIso((await db().assignment.findUniqueOrThrow({ where: { id: ended.id } })).endDate!)).toBe(daysAgo(250));
    const toRows = await db().assignment.findMany({ where: { userId: to.id }, orderBy: { id: "asc" } });
    expect(toRows).toHaveLength(6);
    expect(toRows.every((r) => r.endDate === null && dateToIso(r.startDate) === daysAgo(5) && r.department === "招商合作局" && r.note === "工作调整，包保责任人变更" && r.createdById === w.staff.userId)).toBe(true);
    // Same targets, one for one.
    const key = (r: { projectId: number | null; enterpriseId: number | null; role: string }) => `${r.role}:${r.projectId}:${r.enterpriseId}`;
    expect(toRows.map(key).sort()).toEqual(fromRows.filter((r) => r.id !== ended.id).map(key).sort());
    // The other park's rows stay with the person.
    expect(await db().assignment.count({ where: { userId: from.userId, parkId: w.otherPark.id, endDate: null } })).toBe(2);

    const [audit] = await audits("User", from.userId);
    expect(audit).toMatchObject({ action: "assignment.bulkReassign", actorId: w.staff.userId, parkId: w.park.id });
    expect(audit.after).toMatchObject({ userId: to.id, startDate: daysAgo(5), count: 6, assignmentIds: toRows.map((r) => r.id) });
    expect((audit.before as { assignmentIds: number[] }).assignmentIds).toHaveLength(6);
    expect(await audits("User", from.userId)).toHaveLength(1);
  });

  it("costs the same few statements for 2 assignments or 60, all inside one transaction", async () => {
    const run = async (pairs: number) => {
      const from = await makeUser([{ role: "LIAISON", parkId: w.park.id }]);
      const to = await makeUser([{ role: "PARK_STAFF", parkId: w.park.id }]);
      await loadOf(from.id, w.park.id, pairs, daysAgo(60));
      const { result, statements } = await countStatements(() => bulkReassign(w.leader, { fromUserId: from.id, toUserId: to.id, startDate: today, parkId: w.park.id }));
      expect(result.count).toBe(pairs * 2);
      return statements;
    };
    const small = await run(1);
    const large = await run(30);
    expect(large.length).toBe(small.length);
    expect(large.length).toBeLessThanOrEqual(8);
    const begin = large.findIndex((s) => /^BEGIN/i.test(s));
    const commit = large.findIndex((s) => /^COMMIT/i.test(s));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(large.slice(begin + 1, commit).filter((s) => /INSERT INTO "public"."AuditLog"|INSERT INTO "AuditLog"/.test(s))).toHaveLength(1);
    expect(large.slice(begin + 1, commit).some((s) => /UPDATE "Assignment"/.test(s))).toBe(true);
  });

  it("moves only one role when asked, and refuses a successor who cannot take a role in a park (naming the park)", async () => {
    const from = await makeActor([{ role: "PARK_LEADER", parkId: w.park.id }, { role: "PARK_STAFF", parkId: w.park.id }]);
    const e = await makeEnterprise(w.park.id);
    await makeAssignment({ parkId: w.park.id, userId: from.userId, enterpriseId: e.id, role: "LIAISON", startDate: daysAgo(20) });
    await makeAssignment({ parkId: w.park.id, userId: from.userId, enterpriseId: e.id, role: "LEADER", startDate: daysAgo(20) });

    const refused = await caught(bulkReassign(w.staff, { fromUserId: from.userId, toUserId: w.liaisonB.userId, startDate: today }));
    expect(refused.code).toBe("VALIDATION");
    expect(refused.fieldErrors).toEqual({ toUserId: [`接任人员在${w.park.name}不能担任包保领导（须为该园区在岗的园区领导）`] });
    expect(await db().assignment.count({ where: { userId: from.userId, endDate: null } })).toBe(2);

    const moved = await bulkReassign(w.staff, { fromUserId: from.userId, toUserId: w.liaisonB.userId, startDate: today, role: "LIAISON" });
    expect(moved.count).toBe(1);
    expect(await activeAssignments({ enterpriseId: e.id, role: "LEADER" })).toMatchObject([{ userId: from.userId }]);
    expect(await activeAssignments({ enterpriseId: e.id, role: "LIAISON" })).toMatchObject([{ userId: w.liaisonB.userId }]);
  });

  it("refuses bad handovers without writing anything", async () => {
    const from = await makeUser([{ role: "LIAISON", parkId: w.park.id }]);
    const e = await makeEnterprise(w.park.id);
    await makeAssignment({ parkId: w.park.id, userId: from.id, enterpriseId: e.id, startDate: daysAgo(10) });
    const input = { fromUserId: from.id, toUserId: w.liaisonB.userId, startDate: today };

    expect((await caught(bulkReassign(w.staff, { ...input, startDate: daysAgo(11) }))).fieldErrors).toEqual({
      startDate: [`交接日期不能早于被移交包保中最晚的开始日期（${daysAgo(10)}）`],
    });
    expect((await caught(bulkReassign(w.staff, { ...input, toUserId: from.id }))).fieldErrors).toEqual({ toUserId: ["接任人员不能与原包保人员相同"] });
    expect((await caught(bulkReassign(w.staff, { ...input, toUserId: w.disabledLiaisonId }))).fieldErrors).toEqual({ toUserId: ["接任人员须为本园区在岗人员"] });
    expect((await caught(bulkReassign(w.staff, { ...input, toUserId: w.otherLiaison.userId }))).fieldErrors).toEqual({ toUserId: ["接任人员须为本园区在岗人员"] });
    expect((await caught(bulkReassign(w.staff, { ...input, fromUserId: w.otherLiaison.userId }))).fieldErrors).toEqual({ fromUserId: ["原包保人员在所选范围内没有在岗的包保"] });
    expect((await caught(bulkReassign(w.staff, { fromUserId: "", toUserId: "x", startDate: "" }))).fieldErrors).toEqual({
      fromUserId: ["请选择原包保人员"],
      toUserId: ["请选择接任人员"],
      startDate: ["请填写交接日期"],
    });
    expect((await caught(bulkReassign(w.regionLeader, input))).code).toBe("FORBIDDEN");
    expect((await caught(bulkReassign(w.liaisonA, input))).code).toBe("FORBIDDEN");
    expect((await caught(bulkReassign(w.otherStaff, { ...input, parkId: w.park.id }))).code).toBe("NOT_FOUND");
    // The other park's staff see nothing of this person.
    expect((await caught(bulkReassign(w.otherStaff, input))).fieldErrors).toEqual({ toUserId: ["接任人员须为本园区在岗人员"] });

    expect(await activeAssignments({ enterpriseId: e.id })).toMatchObject([{ userId: from.id }]);
    expect(await audits("User", from.id)).toHaveLength(0);
  });
});

describe("pickers and history access", () => {
  it("lists who may be a 包保责任人 (liaisons and staff) or a 包保领导 (park leaders) of the park, with their load", async () => {
    const liaisons = await listAssignableUsers(w.staff, w.park.id, "LIAISON");
    const ids = liaisons.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([w.liaisonA.userId, w.liaisonB.userId, w.staff.userId]));
    expect(ids).not.toContain(w.leader.userId);
    expect(ids).not.toContain(w.disabledLiaisonId);
    expect(ids).not.toContain(w.otherLiaison.userId);
    expect(liaisons.find((u) => u.id === w.liaisonA.userId)).toMatchObject({ phone: "13900000001", unit: "招商合作局", activeCount: expect.any(Number) });
    const leaders = await listAssignableUsers(w.leader, w.park.id, "LEADER");
    expect(leaders.map((u) => u.id)).toContain(w.leader.userId);
    expect(leaders.map((u) => u.id)).not.toContain(w.staff.userId);
    const named = await listAssignableUsers(w.staff, w.park.id, "LIAISON", w.liaisonB.name);
    expect(named.map((u) => u.id)).toEqual([w.liaisonB.userId]);

    expect((await caught(listAssignableUsers(w.liaisonA, w.park.id, "LIAISON"))).code).toBe("FORBIDDEN");
    expect((await caught(listAssignableUsers(w.regionLeader, w.park.id, "LIAISON"))).code).toBe("FORBIDDEN");
    expect((await caught(listAssignableUsers(w.otherStaff, w.park.id, "LIAISON"))).code).toBe("NOT_FOUND");
  });

  it("shows a target's history to those who may read it, NOT_FOUND to others", async () => {
    const e = await makeEnterprise(w.park.id);
    const p = await makeProjectOf(w.park.id, e.id);
    await makeAssignment({ parkId: w.park.id, userId: w.liaisonB.userId, projectId: p.id, startDate: daysAgo(40) });
    await expect(listAssignmentHistory(w.liaisonB, "PROJECT", p.id)).resolves.toMatchObject({ rows: [{ userId: w.liaisonB.userId }] });
    await expect(listAssignmentHistory(w.liaisonB, "ENTERPRISE", e.id)).resolves.toMatchObject({ rows: [] });
    await expect(listAssignmentHistory(w.regionLeader, "ENTERPRISE", e.id)).resolves.toMatchObject({ target: { name: e.name } });
    for (const [actor, type, id] of [
      [w.liaisonA, "PROJECT", p.id],
      [w.liaisonA, "ENTERPRISE", e.id],
      [w.otherStaff, "PROJECT", p.id],
      [w.otherStaff, "ENTERPRISE", e.id],
      [w.staff, "PROJECT", 2_000_000_000],
    ] as const) {
      expect((await caught(listAssignmentHistory(actor, type, id))).code).toBe("NOT_FOUND");
    }
  });
});

describe("the coverage list (挂牌公示)", () => {
  let park: { id: number; name: string };
  let liaison: { id: number; name: string };
  let leaderId: number;
  let staffActor: Awaited<ReturnType<typeof makeActor>>;
  let names: string[];

  beforeAll(async () => {
    const region = await db().region.findFirstOrThrow({ where: { parks: { some: { id: w.park.id } } } });
    park = await db().park.create({ data: { code: unique("P"), name: unique("公示园区"), regionId: region.id, level: "PROVINCIAL", type: "HIGH_TECH" } });
    staffActor = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    liaison = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: unique("公示联络员") });
    await db().user.update({ where: { id: liaison.id }, data: { phone: "0745-8888888" } });
    const other = await makeUser([{ role: "LIAISON", parkId: park.id }], { name: unique("另一联络员") });
    leaderId = (await makeUser([{ role: "PARK_LEADER", parkId: park.id }])).id;
    names = Array.from({ length: 25 }, (_, i) => `公示企业${String(i).padStart(2, "0")}-${park.id}`);
    for (const [i, name] of names.entries()) {
      const e = await makeEnterprise(park.id, name);
      if (i === 24) continue; // nobody covers the last one
      const who = i < 20 ? liaison.id : other.id;
      const p = await makeProjectOf(park.id, e.id, { name: `项目${i}` });
      const dead = await makeProjectOf(park.id, e.id, { name: `已终止项目${i}`, status: "TERMINATED" });
      if (i % 2 === 0) await makeAssignment({ parkId: park.id, userId: who, enterpriseId: e.id, department: "招商局", startDate: "2025-02-01" });
      await makeAssignment({ parkId: park.id, userId: who, projectId: p.id, startDate: "2025-03-01" });
      await makeAssignment({ parkId: park.id, userId: leaderId, projectId: p.id, role: "LEADER", startDate: "2025-03-01" });
      await makeAssignment({ parkId: park.id, userId: other.id, projectId: dead.id, startDate: "2025-03-01" });
      if (i === 0) await makeAssignment({ parkId: park.id, userId: other.id, enterpriseId: e.id, startDate: "2024-01-01", endDate: "2025-02-01" });
    }
  });

  const f = (raw: Record<string, unknown> = {}) => coverageFiltersSchema.parse(raw);

  it("pages enterprises by name with who covers them and their phone, and sums coverage for the whole park", async () => {
    const page1 = await listCoverage(staffActor, park.id, f({ pageSize: "20" }));
    expect(page1).toMatchObject({ total: 25, page: 1, pageSize: 20, pageCount: 2, park: { id: park.id, name: park.name } });
    expect(page1.summary).toEqual({ enterprises: 25, covered: 24, uncovered: 1, liaisons: 2, leaders: 1 });
    expect(page1.rows.map((r) => r.enterpriseName)).toEqual(names.slice(0, 20));

    const [first, second] = page1.rows;
    expect(first.liaison).toEqual({ userId: liaison.id, name: liaison.name, phone: "0745-8888888", unit: null, title: null, department: "招商局", since: "2025-02-01", via: "ENTERPRISE" });
    // No enterprise-level assignment: the liaison comes from its project.
    expect(second.liaison).toMatchObject({ userId: liaison.id, since: "2025-03-01", via: "PROJECT" });
    expect(first.leader).toMatchObject({ userId: leaderId, via: "PROJECT" });
    // Terminated projects are left out of the public list.
    expect(first.projectCount).toBe(1);
    expect(first.projects).toEqual([expect.objectContaining({ name: "项目0", stage: "SIGNED", status: "ACTIVE", liaison: expect.objectContaining({ userId: liaison.id }) })]);

    const page2 = await listCoverage(staffActor, park.id, f({ pageSize: "20", page: "2" }));
    expect(page2.rows.map((r) => r.enterpriseName)).toEqual(names.slice(20));
    expect(page2.rows[4]).toMatchObject({ liaison: null, leader: null, projects: [], projectCount: 0 });
  });

  it("filters by liaison, by text and by nobody covering", async () => {
    const mine = await listCoverage(staffActor, park.id, f({ liaison: String(liaison.id), pageSize: "100" }));
    expect(mine.total).toBe(20);
    const byProject = await listCoverage(staffActor, park.id, f({ q: "项目21" }));
    expect(byProject.rows.map((r) => r.enterpriseName)).toEqual([names[21]]);
    const byPerson = await listCoverage(staffActor, park.id, f({ q: "另一联络员" }));
    expect(byPerson.total).toBe(4);
    const uncovered = await listCoverage(staffActor, park.id, f({ uncovered: "1" }));
    expect(uncovered.rows.map((r) => r.enterpriseName)).toEqual([names[24]]);
    const none = await listCoverage(staffActor, park.id, f({ q: "%_" }));
    expect(none.total).toBe(0);

    const people = await listCoverageLiaisons(staffActor, park.id);
    expect(people.find((p) => p.id === liaison.id)).toEqual({ id: liaison.id, name: liaison.name, count: 30 });
  });

  it("is readable by anyone with park.read there (a liaison too), invisible to other parks", async () => {
    const parkLiaison = await makeActor([{ role: "LIAISON", parkId: park.id }]);
    await expect(listCoverage(parkLiaison, park.id, f())).resolves.toMatchObject({ total: 25 });
    // Loaded again: the park was created after the region leader's actor.
    const regionLeader = (await loadActor(db(), w.regionLeader.userId))!;
    await expect(listCoverage(regionLeader, park.id, f())).resolves.toMatchObject({ total: 25 });
    expect((await caught(listCoverage(w.otherStaff, park.id, f()))).code).toBe("NOT_FOUND");
    expect((await caught(listCoverageLiaisons(w.otherStaff, park.id))).code).toBe("NOT_FOUND");
    expect((await caught(listCoverage(w.staff, 2_000_000_000, f()))).code).toBe("NOT_FOUND");
  });
});
