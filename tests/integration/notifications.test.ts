import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { createIssue } from "@/lib/server/issues/create-issue";
import { generateDeadlineNotifications } from "@/lib/server/notifications/generate-deadline-notifications";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { markAllRead } from "@/lib/server/notifications/mark-all-read";
import { markRead } from "@/lib/server/notifications/mark-read";
import { unreadCount } from "@/lib/server/notifications/unread-count";
import { notificationFiltersSchema } from "@/lib/validation/issues";
import { makeActor, makeUser } from "../helpers/factories";
import { type IssueWorld, caught, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
const page = (over: Record<string, unknown> = {}) => notificationFiltersSchema.parse(over);
const kindsFor = (issueId: number) =>
  db()
    .notification.findMany({ where: { issueId }, orderBy: [{ userId: "asc" }, { id: "asc" }], select: { userId: true, kind: true } })
    .then((rows) => rows.map((r) => [r.userId, r.kind]));

let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
});

describe("notifications from problem actions go to the right people", () => {
  it("assigning to someone tells them; reassigning tells the new one; a manual reopen tells the responsible user and the liaison", async () => {
    const { id } = await createIssue(w.liaison, issueInput(w, { title: "排水管网接入" }));
    await actOnIssue(w.staff, { issueId: id, version: 1, action: "assign", responsibleUnit: "园区规划建设局", responsibleUserId: w.leader2.userId }, "2026-09-23");
    const [assigned] = await db().notification.findMany({ where: { issueId: id, userId: w.leader2.userId } });
    expect(assigned).toMatchObject({
      kind: "ISSUE_ASSIGNED",
      title: "问题交办给您：排水管网接入",
      body: expect.stringMatching(/^WT-.+（.+），责任单位 园区规划建设局，办结时限 2026-10-09$/),
      link: `/issues/${id}`,
      readAt: null,
    });
    await actOnIssue(w.staff, { issueId: id, version: 2, action: "reassign", responsibleUserId: w.staff.userId, note: "改由园区工作人员跟进" }, "2026-09-24");
    // The staff member reassigned it to themselves: nobody else to tell.
    expect(await kindsFor(id)).toEqual([[w.leader2.userId, "ISSUE_ASSIGNED"]]);

    await actOnIssue(w.staff, { issueId: id, version: 3, action: "start" }, "2026-09-24");
    await actOnIssue(w.staff, { issueId: id, version: 4, action: "answer", answer: "已接入" }, "2026-09-28");
    await actOnIssue(w.liaison, { issueId: id, version: 5, action: "close", satisfaction: "SATISFIED" }, "2026-09-29");
    await actOnIssue(w.leader, { issueId: id, version: 6, action: "reopen", note: "企业反映雨季倒灌" }, "2026-10-12");
    const reopened = await db().notification.findMany({ where: { issueId: id, kind: "ISSUE_REOPENED" }, orderBy: { userId: "asc" } });
    expect(reopened.map((n) => n.userId)).toEqual([w.liaison.userId, w.staff.userId].sort((a, b) => a - b));
    expect(reopened[0].body).toMatch(/：企业反映雨季倒灌$/);
  });

  it("a refused action (stale version) leaves no notification", async () => {
    const { id } = await createIssue(w.liaison, issueInput(w));
    await actOnIssue(w.staff, { issueId: id, version: 1, action: "comment", note: "先占一个版本" });
    await caught(actOnIssue(w.staff, { issueId: id, version: 1, action: "escalate", note: "提级" }));
    expect(await kindsFor(id)).toEqual([]);
  });
});

describe("the bell: list, unread count, mark read", () => {
  it("pages the user's own notifications newest first and marks them read", async () => {
    const user = await makeUser([{ role: "PARK_STAFF", parkId: w.park.id }]);
    const me = await makeActor([{ role: "PARK_STAFF", parkId: w.park.id }]);
    await db().notification.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({ userId: me.userId, kind: "SYSTEM" as const, title: `通知${i + 1}`, createdAt: new Date(Date.UTC(2026, 10, 1 + i)) })),
    });
    const theirs = await db().notification.create({ data: { userId: user.id, kind: "SYSTEM", title: "别人的通知" } });

    expect(await unreadCount(me)).toBe(5);
    const first = await listNotifications(me, page({ pageSize: 2 }));
    expect(first).toMatchObject({ total: 5, unread: 5, page: 1, pageSize: 2, pageCount: 3 });
    expect(first.items.map((n) => n.title)).toEqual(["通知5", "通知4"]);
    expect(first.items[0]).toMatchObject({ kind: "SYSTEM", readAt: null, createdAt: "2026-11-05T00:00:00.000Z" });

    expect(await markRead(me, [first.items[0].id, first.items[1].id, theirs.id])).toEqual({ count: 2 });
    expect(await markRead(me, first.items[0].id)).toEqual({ count: 0 });
    expect(await db().notification.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ readAt: null });
    expect(await unreadCount(me)).toBe(3);
    const unread = await listNotifications(me, page({ unread: "1" }));
    expect(unread.items.map((n) => n.title)).toEqual(["通知3", "通知2", "通知1"]);
    expect((await caught(markRead(me, []))).fieldErrors).toEqual({ ids: ["请选择通知"] });
    expect((await caught(markRead(me, ["x"]))).code).toBe("VALIDATION");

    expect(await markAllRead(me)).toEqual({ count: 3 });
    expect(await unreadCount(me)).toBe(0);
    expect((await listNotifications(me, page())).items.every((n) => n.readAt !== null)).toBe(true);
  });
});

describe("deadline notifications", () => {
  // Wednesday 30 September 2026, the eve of 国庆: the next working day is Thursday 8 October.
  const TODAY = "2026-09-30";
  let ids: Record<string, number>;

  beforeAll(async () => {
    const base = { parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.staff.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-09-10" };
    ids = {
      dueToday: (await makeIssueRow({ ...base, resolveDeadline: "2026-09-30" })).id,
      dueAfterHoliday: (await makeIssueRow({ ...base, resolveDeadline: "2026-10-08" })).id,
      dueLater: (await makeIssueRow({ ...base, resolveDeadline: "2026-10-09" })).id,
      overdue: (await makeIssueRow({ ...base, resolveDeadline: "2026-09-29" })).id,
      closed: (await makeIssueRow({ ...base, resolveDeadline: "2026-09-20", closedDate: "2026-09-25", satisfaction: "SATISFIED" })).id,
      // Responsible user is the liaison: one notification, not two.
      liaisonOwn: (await makeIssueRow({ ...base, responsibleUserId: w.liaison.userId, resolveDeadline: "2026-09-28" })).id,
    };
  });

  it("tell the responsible user and the liaison once per problem and kind, counting working days", async () => {
    const first = await generateDeadlineNotifications(TODAY);
    expect(first.created).toBeGreaterThanOrEqual(7);
    const staff = w.staff.userId;
    const liaison = w.liaison.userId;
    const pairs = (a: number, b: number, kind: string) => [a, b].sort((x, y) => x - y).map((u) => [u, kind]);
    expect(await kindsFor(ids.dueToday)).toEqual(pairs(staff, liaison, "ISSUE_DUE_TOMORROW"));
    expect(await kindsFor(ids.dueAfterHoliday)).toEqual(pairs(staff, liaison, "ISSUE_DUE_TOMORROW"));
    expect(await kindsFor(ids.overdue)).toEqual(pairs(staff, liaison, "ISSUE_OVERDUE"));
    expect(await kindsFor(ids.liaisonOwn)).toEqual([[liaison, "ISSUE_OVERDUE"]]);
    expect(await kindsFor(ids.dueLater)).toEqual([]);
    expect(await kindsFor(ids.closed)).toEqual([]);
    const [n] = await db().notification.findMany({ where: { issueId: ids.overdue, userId: staff } });
    expect(n).toMatchObject({ title: expect.stringMatching(/^问题已超期：/), body: expect.stringMatching(/，办结时限 2026-09-29，已超期，请尽快办结$/), link: `/issues/${ids.overdue}`, readAt: null });

    // Idempotent: the same day again creates nothing anywhere.
    expect(await generateDeadlineNotifications(TODAY)).toEqual({ created: 0 });

    // After the holiday the problem due on the 8th is overdue: that is a new kind; nothing is repeated.
    await generateDeadlineNotifications("2026-10-09");
    expect(await kindsFor(ids.dueAfterHoliday)).toEqual([
      ...[staff, liaison].sort((x, y) => x - y).flatMap((u) => [[u, "ISSUE_DUE_TOMORROW"], [u, "ISSUE_OVERDUE"]]),
    ]);
    expect(await kindsFor(ids.dueLater)).toEqual(pairs(staff, liaison, "ISSUE_DUE_TOMORROW"));
    expect(await kindsFor(ids.overdue)).toEqual(pairs(staff, liaison, "ISSUE_OVERDUE"));
  });

  it("on a Friday warn about Monday; skip inactive users; concurrent calls do not duplicate", async () => {
    const gone = await makeUser([{ role: "PARK_STAFF", parkId: w.park.id }], { isActive: false });
    const monday = (await makeIssueRow({ parkId: w.park.id, enterpriseId: w.otherEnterprise.id, reporterId: w.staff.userId, responsibleUserId: w.leader2.userId, raisedDate: "2026-11-10", resolveDeadline: "2026-11-23" })).id;
    const inactive = (await makeIssueRow({ parkId: w.park.id, enterpriseId: w.otherEnterprise.id, reporterId: w.staff.userId, responsibleUserId: gone.id, raisedDate: "2026-11-10", resolveDeadline: "2026-11-23" })).id;
    expect(await generateDeadlineNotifications("2026-11-19")).toBeDefined(); // Thursday: Monday is not yet due
    expect(await kindsFor(monday)).toEqual([]);
    const results = await Promise.all([generateDeadlineNotifications("2026-11-20"), generateDeadlineNotifications("2026-11-20"), generateDeadlineNotifications("2026-11-20")]);
    expect(results.filter((r) => r.created > 0).length).toBeLessThanOrEqual(1);
    expect(await kindsFor(monday)).toEqual([[w.leader2.userId, "ISSUE_DUE_TOMORROW"]]);
    expect(await kindsFor(inactive)).toEqual([]);
    await generateDeadlineNotifications("2026-11-20");
    expect(await kindsFor(monday)).toEqual([[w.leader2.userId, "ISSUE_DUE_TOMORROW"]]);
  });
});
