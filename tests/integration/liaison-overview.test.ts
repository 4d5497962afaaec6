import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { visitDue } from "@/lib/domain/coverage";
import { AppError } from "@/lib/server/errors";
import { getLiaisonOverview } from "@/lib/server/liaison/get-liaison-overview";
import { getWeeklyList } from "@/lib/server/liaison/get-weekly-list";
import { makeActor, unique } from "../helpers/factories";
import { type LiaisonWorld, makeAssignment, makeEnterprise, makeIssue, makeLiaisonWorld, makeProjectOf, makeVisit } from "../helpers/assignment-factories";

// A Wednesday; its week runs from Monday 2026-11-23 to Sunday 2026-11-29.
const TODAY = "2026-11-25";

async function caught(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

let w: LiaisonWorld;
const E: Record<string, { id: number; name: string }> = {};
const I: Record<string, number> = {};
let p3: { id: number; name: string };

beforeAll(async () => {
  w = await makeLiaisonWorld();
  const park = w.park.id;
  const A = w.liaisonA.userId;
  const B = w.liaisonB.userId;
  const mk = async (key: string) => (E[key] = await makeEnterprise(park, `${key}-${unique("走访企业")}`));

  // E1: visited five days ago: due in December.
  await mk("E1");
  await makeProjectOf(park, E.E1.id);
  await makeAssignment({ parkId: park, userId: A, enterpriseId: E.E1.id, startDate: "2026-01-01", department: "招商合作局" });
  await makeVisit({ parkId: park, enterpriseId: E.E1.id, liaisonId: A, visitDate: "2026-11-20" });
  await makeVisit({ parkId: park, enterpriseId: E.E1.id, liaisonId: A, visitDate: "2026-06-01" });
  // E2: last visited 2026-10-01: overdue since 10-31.
  await mk("E2");
  await makeAssignment({ parkId: park, userId: A, enterpriseId: E.E2.id, startDate: "2026-01-01" });
  await makeVisit({ parkId: park, enterpriseId: E.E2.id, liaisonId: A, visitDate: "2026-10-01" });
  // E3: covered only through a project since 11-10, never visited: due 12-10.
  await mk("E3");
  p3 = await makeProjectOf(park, E.E3.id, { name: unique("三号项目") });
  await makeAssignment({ parkId: park, userId: A, projectId: p3.id, startDate: "2026-11-10" });
  // E4: last visited by someone else on 10-28: due Friday 11-27, this week.
  await mk("E4");
  await makeAssignment({ parkId: park, userId: A, enterpriseId: E.E4.id, startDate: "2026-01-01" });
  await makeVisit({ parkId: park, enterpriseId: E.E4.id, liaisonId: B, visitDate: "2026-10-28" });
  // E5: every project terminated: nobody visits it any more.
  await mk("E5");
  const dead = await makeProjectOf(park, E.E5.id, { status: "TERMINATED" });
  await makeAssignment({ parkId: park, userId: A, enterpriseId: E.E5.id, startDate: "2026-01-01" });
  await makeAssignment({ parkId: park, userId: A, projectId: dead.id, startDate: "2026-01-01" });
  // E6: B's; E7: A's in the past.
  await mk("E6");
  await makeAssignment({ parkId: park, userId: B, enterpriseId: E.E6.id, startDate: "2026-01-01" });
  await mk("E7");
  await makeAssignment({ parkId: park, userId: A, enterpriseId: E.E7.id, startDate: "2025-01-01", endDate: "2026-01-01" });
  // A also covers one enterprise in the other park (interval 30, never visited, since 2026-01-01).
  const far = (E.far = await makeEnterprise(w.otherPark.id, unique("外园企业")));
  await makeAssignment({ parkId: w.otherPark.id, userId: A, enterpriseId: far.id, startDate: "2026-01-01" });

  // Problems.
  const issue = (key: string, spec: Omit<Parameters<typeof makeIssue>[0], "parkId" | "reporterId">, parkId = park) =>
    makeIssue({ parkId, reporterId: A, ...spec, title: `${key}-${unique("问题")}` }).then((i) => (I[key] = i.id));
  await issue("overdue", { enterpriseId: E.E2.id, resolveDeadline: "2026-11-20" });
  await issue("thisWeek", { enterpriseId: E.E3.id, projectId: p3.id, resolveDeadline: "2026-11-27", status: "ANSWERED" });
  await issue("closed", { enterpriseId: E.E2.id, resolveDeadline: "2026-11-24", status: "CLOSED" });
  await issue("ofB", { enterpriseId: E.E6.id, resolveDeadline: "2026-11-24" });
  await issue("later", { enterpriseId: E.E1.id, resolveDeadline: "2026-12-15", status: "COLLECTED" });
  await issue("responsible", { enterpriseId: E.E6.id, responsibleUserId: A, resolveDeadline: "2026-11-29" });
  await issue("past", { enterpriseId: E.E7.id, resolveDeadline: "2026-11-01" }); // A no longer covers E7
  await issue("far", { enterpriseId: far.id, resolveDeadline: "2026-11-26" }, w.otherPark.id);
});

describe("a liaison's own page", () => {
  it("lists assigned projects and covered enterprises, visits due (overdue first) and open problems, with counts", async () => {
    const o = await getLiaisonOverview(w.liaisonA, {}, TODAY);
    expect(o.self).toBe(true);
    expect(o.liaison).toMatchObject({ id: w.liaisonA.userId, phone: "13900000001" });
    expect(o.parks.map((p) => p.id).sort()).toEqual([w.park.id, w.otherPark.id].sort());
    expect(o.counts).toEqual({ projects: 2, enterprises: 5, visitsDue: 2, visitsOverdue: 2, visitsLast30Days: 1, openIssues: 5, overdueIssues: 1, openTasks: 0, overdueTasks: 0 });

    expect(o.projects.map((p) => [p.projectId, p.status])).toEqual([
      [p3.id, "ACTIVE"],
      [expect.any(Number), "TERMINATED"],
    ]);
    expect(o.projects[0]).toMatchObject({ code: expect.any(String), stage: "SIGNED", since: "2026-11-10", enterpriseName: E.E3.name, parkId: w.park.id });

    expect(o.enterprises.map((e) => e.enterpriseId)).toEqual([E.E1.id, E.E2.id, E.E3.id, E.E4.id, E.far.id]);
    expect(o.enterprises[0]).toEqual({
      enterpriseId: E.E1.id,
      enterpriseName: E.E1.name,
      parkId: w.park.id,
      parkName: w.park.name,
      intervalDays: 30,
      since: "2026-01-01",
      direct: true,
      assignmentId: expect.any(Number),
      department: "招商合作局",
      lastVisit: "2026-11-20",
      daysSince: 5,
      dueDate: "2026-12-20",
      daysLeft: 25,
      due: false,
      overdue: false,
    });
    expect(o.enterprises[2]).toMatchObject({ direct: false, assignmentId: null, lastVisit: null, daysSince: null, since: "2026-11-10", dueDate: "2026-12-10" });

    // Most overdue first: the far enterprise was due 2026-01-31, E2 on 2026-10-31.
    expect(o.visitsDue.map((v) => [v.enterpriseId, v.dueDate, v.daysSince, v.daysLeft])).toEqual([
      [E.far.id, "2026-01-31", null, -298],
      [E.E2.id, "2026-10-31", 55, -25],
    ]);
    // The SQL agrees with the pure rule.
    for (const v of o.enterprises) {
      expect(visitDue(v.lastVisit, v.since, v.intervalDays, TODAY)).toEqual({ dueDate: v.dueDate, due: v.due, overdue: v.overdue, daysSince: v.daysSince, daysLeft: v.daysLeft });
    }

    expect(o.issues.map((i) => [i.id, i.overdue, i.daysLeft])).toEqual([
      [I.overdue, true, -5],
      [I.far, false, 1],
      [I.thisWeek, false, 2],
      [I.responsible, false, 4],
      [I.later, false, 20],
    ]);
    expect(o.issues[0]).toMatchObject({ code: expect.any(String), category: "UTILITIES", status: "IN_PROGRESS", level: 1, enterpriseName: E.E2.name, projectId: null, resolveDeadline: "2026-11-20" });
    expect(o.issues[2]).toMatchObject({ projectId: p3.id, projectName: p3.name });
  });

  it("follows the park's own visit interval", async () => {
    await getDb().park.update({ where: { id: w.park.id }, data: { visitIntervalDays: 14 } });
    try {
      const o = await getLiaisonOverview(w.liaisonA, { parkId: w.park.id }, TODAY);
      // E4 (10-28 + 14 = 11-11) and E3 (never visited, since 11-10: 11-24) are now overdue too;
      // E1 (11-20 + 14 = 12-04) is still fine.
      expect(o.visitsDue.map((v) => [v.enterpriseId, v.dueDate])).toEqual([
        [E.E2.id, "2026-10-15"],
        [E.E4.id, "2026-11-11"],
        [E.E3.id, "2026-11-24"],
      ]);
      expect(o.counts).toMatchObject({ enterprises: 4, visitsDue: 3, visitsOverdue: 3 });
    } finally {
      await getDb().park.update({ where: { id: w.park.id }, data: { visitIntervalDays: 30 } });
    }
  });

  it("bounds each list but counts everything", async () => {
    const o = await getLiaisonOverview(w.liaisonA, { limit: 1 }, TODAY);
    expect([o.projects.length, o.enterprises.length, o.visitsDue.length, o.issues.length]).toEqual([1, 1, 1, 1]);
    expect(o.counts.openIssues).toBe(5);
  });

  it("is shown to the park's leaders and staff (their park's part only), never to another liaison or another park", async () => {
    const byLeader = await getLiaisonOverview(w.leader, { userId: w.liaisonA.userId }, TODAY);
    expect(byLeader.self).toBe(false);
    expect(byLeader.parks.map((p) => p.id)).toEqual([w.park.id]);
    expect(byLeader.enterprises.map((e) => e.enterpriseId)).toEqual([E.E1.id, E.E2.id, E.E3.id, E.E4.id]);
    expect(byLeader.issues.map((i) => i.id)).not.toContain(I.far);
    await expect(getLiaisonOverview(w.staff, { userId: w.liaisonA.userId }, TODAY)).resolves.toMatchObject({ counts: { enterprises: 4 } });
    await expect(getLiaisonOverview(w.regionLeader, { userId: w.liaisonA.userId }, TODAY)).resolves.toMatchObject({ counts: { enterprises: 5 } });
    await expect(getLiaisonOverview(w.admin, { userId: w.liaisonA.userId }, TODAY)).resolves.toMatchObject({ counts: { enterprises: 5 } });
    // The other park's leader sees A's part in that park only.
    await expect(getLiaisonOverview(w.otherLeader, { userId: w.liaisonA.userId }, TODAY)).resolves.toMatchObject({ counts: { enterprises: 1, openIssues: 1 } });

    for (const [actor, query] of [
      [w.liaisonB, { userId: w.liaisonA.userId }], // another liaison of the same park
      [w.otherStaff, { userId: w.liaisonB.userId }], // B works only in w.park
      [w.otherLeader, { userId: w.liaisonB.userId }],
      [w.leader, { userId: w.liaisonA.userId, parkId: w.otherPark.id }],
      [w.leader, { userId: 2_000_000_000 }],
      [w.liaisonA, { parkId: 2_000_000_000 }],
    ] as const) {
      const e = await caught(getLiaisonOverview(actor, query, TODAY));
      expect(e.code).toBe("NOT_FOUND");
    }
    expect((await caught(getLiaisonOverview(w.liaisonB, { userId: w.liaisonA.userId }, TODAY))).message).toBe("包保责任人不存在或无权查看");
    // Someone's page with nothing on it is still a page.
    const fresh = await makeActor([{ role: "LIAISON", parkId: w.park.id }]);
    await expect(getLiaisonOverview(fresh, {}, TODAY)).resolves.toMatchObject({ counts: { projects: 0, enterprises: 0, openIssues: 0 }, projects: [], visitsDue: [] });
  });

  it("lists the open 会商 follow-up tasks the liaison owns, overdue first; another reader sees their parks' only", async () => {
    const db = getDb();
    const meeting = async (parkId: number, leaderId: number) => {
      const m = await db.meeting.create({ data: { scopeKey: `park:${parkId}`, parkId, month: new Date("2026-10-01"), title: unique("十月会商"), preparedById: leaderId } });
      const item = await db.meetingItem.create({ data: { meetingId: m.id, position: 1, kind: "FREE", title: "园区道路协调" } });
      const decision = await db.meetingDecision.create({ data: { meetingId: m.id, itemId: item.id, text: "限期完成", decidedById: leaderId } });
      return { m, decision };
    };
    const here = await meeting(w.park.id, w.leader.userId);
    const far = await meeting(w.otherPark.id, w.otherLeader.userId);
    const task = (on: { m: { id: number }; decision: { id: number } }, parkId: number, title: string, deadline: string, extra: object = {}) =>
      db.meetingTask.create({
        data: { meetingId: on.m.id, decisionId: on.decision.id, parkId, title, ownerId: w.liaisonA.userId, workdays: 5, deadline: new Date(deadline), createdById: w.leader.userId, ...extra },
      });
    const late = await task(here, w.park.id, "协调施工用电", "2026-11-20", { projectId: p3.id });
    const soon = await task(far, w.otherPark.id, "外园协调", "2026-12-02");
    await task(here, w.park.id, "已办结事项", "2026-11-10", { status: "DONE", doneDate: new Date("2026-11-12") });

    const own = await getLiaisonOverview(w.liaisonA, {}, TODAY);
    expect(own.counts).toMatchObject({ openTasks: 2, overdueTasks: 1 });
    expect(own.tasks.map((t) => [t.id, t.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
    ]);
    expect(own.tasks[0]).toMatchObject({ deadline: "2026-11-20", projectId: p3.id, projectName: p3.name, meetingId: here.m.id, decisionText: "限期完成" });
    const byLeader = await getLiaisonOverview(w.leader, { userId: w.liaisonA.userId }, TODAY);
    expect(byLeader.tasks.map((t) => t.id)).toEqual([late.id]);
    expect(byLeader.counts).toMatchObject({ openTasks: 1, overdueTasks: 1 });
    await db.meetingTask.deleteMany({ where: { meetingId: { in: [here.m.id, far.m.id] } } });
  });
});

describe("the weekly list (每周清单)", () => {
  it("holds the visits and problems due by Sunday, carrying overdue ones over", async () => {
    const list = await getWeeklyList(w.liaisonA, { parkId: w.park.id }, TODAY);
    expect(list.week).toEqual({ monday: "2026-11-23", sunday: "2026-11-29" });
    expect(list.visits.map((v) => [v.enterpriseId, v.dueDate, v.overdue])).toEqual([
      [E.E2.id, "2026-10-31", true],
      [E.E4.id, "2026-11-27", false],
    ]);
    expect(list.issues.map((i) => [i.id, i.overdue])).toEqual([
      [I.overdue, true],
      [I.thisWeek, false],
      [I.responsible, false],
    ]);
    expect(list.truncated).toBe(false);
  });

  it("draws up another week on request, and refuses a bad date", async () => {
    const next = await getWeeklyList(w.liaisonA, { parkId: w.park.id, week: "2026-12-10" }, TODAY);
    expect(next.week).toEqual({ monday: "2026-12-07", sunday: "2026-12-13" });
    expect(next.visits.map((v) => v.enterpriseId)).toEqual([E.E2.id, E.E4.id, E.E3.id]);
    const e = await caught(getWeeklyList(w.liaisonA, { week: "2026-13-01" }, TODAY));
    expect(e).toMatchObject({ code: "VALIDATION", fieldErrors: { week: ["周次日期无效（格式 YYYY-MM-DD）"] } });
  });

  it("has the same access rule as the page", async () => {
    await expect(getWeeklyList(w.leader, { userId: w.liaisonA.userId }, TODAY)).resolves.toMatchObject({ self: false });
    expect((await caught(getWeeklyList(w.liaisonB, { userId: w.liaisonA.userId }, TODAY))).code).toBe("NOT_FOUND");
    expect((await caught(getWeeklyList(w.otherStaff, { userId: w.liaisonB.userId }, TODAY))).code).toBe("NOT_FOUND");
  });
});
