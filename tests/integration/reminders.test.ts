import { beforeAll, describe, expect, it } from "vitest";
import { GET as getOutbox } from "@/app/api/outbox/route";
import { POST as postDelivered } from "@/app/api/outbox/delivered/route";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { generateDigestNotifications, getDailyDigest } from "@/lib/server/notifications/daily-digest";
import { generateReminders } from "@/lib/server/notifications/generate-reminders";
import { dispatchOutbound, listPendingOutbound, markOutbound, outboxChannel } from "@/lib/server/notifications/outbound";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { recordDecision } from "@/lib/server/meetings/edit-meeting";
import { getMeeting } from "@/lib/server/meetings/get-meeting";
import { prepareMeeting } from "@/lib/server/meetings/prepare-meeting";
import { makeIssueRow, makeIssueWorld, type IssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { unique } from "../helpers/factories";

const db = () => getDb();
/** The reminders of one kind a person has, by occasion key. */
const keys = async (userId: number, kind: string) =>
  (await db().notification.findMany({ where: { userId, kind: kind as never }, orderBy: { id: "asc" }, select: { occasionKey: true } })).map((n) => n.occasionKey);
/** Runs the reminders twice for a day: the second run must add nothing. */
async function twice(today: string) {
  await generateReminders(today);
  const again = await generateReminders(today);
  expect(again).toEqual({ assignments: 0, visits: 0, filings: 0, redProjects: 0, supervisions: 0, meetingTasks: 0 });
}

let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  // The world's project started in September 2025 and has filed nothing.
  await db().project.update({ where: { id: w.project.id }, data: { actualStartDate: isoToDate("2025-09-01") } });
});

describe("scheduled reminders: once per person and occasion", () => {
  it("the monthly filing: due two working days before the due date, missed after it", async () => {
    // October's reports are due on the 5th working day of November (11-06); the notice starts on 11-04.
    await twice("2026-11-03");
    expect(await keys(w.liaison.userId, "FILING_DUE")).toEqual([]);
    await twice("2026-11-04");
    await twice("2026-11-06");
    expect(await keys(w.liaison.userId, "FILING_DUE")).toEqual(["filing-due:2026-10"]);
    const [due] = await db().notification.findMany({ where: { userId: w.liaison.userId, kind: "FILING_DUE" } });
    expect(due).toMatchObject({ title: "2026年10月月报将于 2026-11-06 截止", body: "1 个项目尚未填报2026年10月月报，请按时填报", link: "/progress" });
    await twice("2026-11-09");
    expect(await keys(w.liaison.userId, "FILING_MISSED")).toEqual(["filing-missed:2026-10"]);
  });

  it("a new 包保 assignment, a visit overdue and one due soon", async () => {
    const enterprise = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("新包保企业") } });
    await db().assignment.create({ data: { parkId: w.park.id, role: "LIAISON", userId: w.strayLiaison.userId, enterpriseId: enterprise.id, startDate: isoToDate("2026-11-03") } });
    // Visited 28 days ago: due in two days (the park visits every 30 days).
    await db().visit.create({ data: { parkId: w.park.id, enterpriseId: enterprise.id, liaisonId: w.strayLiaison.userId, visitDate: isoToDate("2026-10-08"), kind: "ON_SITE", summary: "走访" } });
    await twice("2026-11-05");
    expect(await keys(w.strayLiaison.userId, "ASSIGNMENT_CREATED")).toEqual([`assignment:${(await db().assignment.findFirstOrThrow({ where: { enterpriseId: enterprise.id } })).id}`]);
    expect(await keys(w.strayLiaison.userId, "VISIT_DUE")).toEqual([`visit-due:${enterprise.id}:2026-11-07`]);
    // The world's enterprise was never visited since March 2025: overdue, once.
    expect(await keys(w.liaison.userId, "VISIT_OVERDUE")).toEqual([`visit-overdue:${w.enterprise.id}:2025-03-31`]);
    // An older assignment (the world's, 2025) is not announced.
    expect(await keys(w.liaison.userId, "ASSIGNMENT_CREATED")).toEqual([]);
  });

  it("a project turning red: its liaison and leader, once per red spell (not again while it stays red, again when it turns red anew)", async () => {
    // The project is red since the first run of this file (2026-11-03, the filing test).
    await twice("2026-11-09");
    const first = `project-red:${w.project.id}:2026-11-03`;
    expect(await keys(w.liaison.userId, "PROJECT_RED")).toEqual([first]);
    expect(await keys(w.leader.userId, "PROJECT_RED")).toEqual([first]);
    expect(await keys(w.staff.userId, "PROJECT_RED")).toEqual([]);
    const [n] = await db().notification.findMany({ where: { userId: w.liaison.userId, kind: "PROJECT_RED" } });
    expect(n.body).toContain("自 2026-11-03 起亮红灯");
    // Still red a month later: the same spell, nothing new.
    await twice("2026-12-10");
    expect(await keys(w.liaison.userId, "PROJECT_RED")).toEqual([first]);
    // Suspended (no light): the spell ends; active again and still red: a new spell, a new reminder.
    await db().project.update({ where: { id: w.project.id }, data: { status: "SUSPENDED" } });
    await twice("2026-12-11");
    expect(await db().redSpell.findMany({ where: { projectId: w.project.id }, orderBy: { id: "asc" }, select: { since: true, endedOn: true } })).toEqual([
      { since: isoToDate("2026-11-03"), endedOn: isoToDate("2026-12-11") },
    ]);
    await db().project.update({ where: { id: w.project.id }, data: { status: "ACTIVE" } });
    await twice("2026-12-14");
    expect(await keys(w.liaison.userId, "PROJECT_RED")).toEqual([first, `project-red:${w.project.id}:2026-12-14`]);
    expect(await db().redSpell.count({ where: { projectId: w.project.id, endedOn: null } })).toBe(1);
  });

  it("a 会商 follow-up task: due (deadline today or the next working day) to its owner, overdue also to the leader who recorded it", async () => {
    const { id } = await prepareMeeting(w.leader, { scope: `park:${w.park.id}`, month: "2026-11", include: [], freeItems: ["园区道路建设协调"] }, "2026-11-02");
    const item = (await getMeeting(w.leader, id, "2026-11-02")).items[0];
    await recordDecision(w.leader, { itemId: item.id, text: "本周内完成征地协调", tasks: [{ title: "协调征地补偿", ownerId: w.liaison.userId, workdays: 3 }] }, "2026-11-02");
    const task = await db().meetingTask.findFirstOrThrow({ where: { meetingId: id } });
    expect(task.deadline).toEqual(isoToDate("2026-11-05"));
    await twice("2026-11-03");
    expect(await keys(w.liaison.userId, "MEETING_TASK_DUE")).toEqual([]);
    await twice("2026-11-04");
    await twice("2026-11-05");
    expect(await keys(w.liaison.userId, "MEETING_TASK_DUE")).toEqual([`meeting-task-due:${task.id}:2026-11-05`]);
    await twice("2026-11-06");
    expect(await keys(w.liaison.userId, "MEETING_TASK_OVERDUE")).toEqual([`meeting-task-overdue:${task.id}:2026-11-05`]);
    expect(await keys(w.leader.userId, "MEETING_TASK_OVERDUE")).toEqual([`meeting-task-overdue:${task.id}:2026-11-05`]);
    const [late] = await db().notification.findMany({ where: { userId: w.liaison.userId, kind: "MEETING_TASK_OVERDUE" } });
    expect(late).toMatchObject({ title: "会商事项已超期：协调征地补偿", link: "/meetings/tasks" });
    // In the owner's digest, overdue.
    expect((await getDailyDigest(w.liaison, "2026-11-09")).sections.find((s) => s.kind === "task")).toMatchObject({ total: 1, overdue: 1 });
    // Done: no further reminder.
    await db().meetingTask.update({ where: { id: task.id }, data: { status: "DONE", doneDate: isoToDate("2026-11-09") } });
    await twice("2026-11-10");
    expect(await keys(w.liaison.userId, "MEETING_TASK_OVERDUE")).toHaveLength(1);
    expect((await getDailyDigest(w.liaison, "2026-11-10")).sections.find((s) => s.kind === "task")).toBeUndefined();
  });

  it("a 督办 deadline: due (deadline today or the next working day) to the recipient, overdue also to the issuer", async () => {
    const issue = await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.liaison.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-09-01", resolveDeadline: "2026-10-15" });
    const letter = await issueSupervision(w.leader, { issueId: issue.id, recipientUserId: w.staff.userId, subject: "超期问题督办", requirement: "三日内办结", workdays: 3 }, "2026-11-02");
    expect(letter.deadline).toBe("2026-11-05");
    await twice("2026-11-03");
    expect(await keys(w.staff.userId, "SUPERVISION_DUE")).toEqual([]);
    await twice("2026-11-04");
    await twice("2026-11-05");
    expect(await keys(w.staff.userId, "SUPERVISION_DUE")).toEqual([`supervision-due:${letter.id}:2026-11-05`]);
    await twice("2026-11-06");
    expect(await keys(w.staff.userId, "SUPERVISION_OVERDUE")).toEqual([`supervision-overdue:${letter.id}:2026-11-05`]);
    expect(await keys(w.leader.userId, "SUPERVISION_OVERDUE")).toEqual([`supervision-overdue:${letter.id}:2026-11-05`]);
  });
});

describe("the daily digest", () => {
  it("lists what is due today and overdue, and writes one digest notification per person and day", async () => {
    const d = await getDailyDigest(w.staff, "2026-11-09");
    const kinds = d.sections.map((s) => s.kind);
    expect(kinds).toContain("issue");
    expect(kinds).toContain("supervision");
    expect(d.sections.find((s) => s.kind === "supervision")).toMatchObject({ total: 1, overdue: 1 });
    expect((await getDailyDigest(w.leader, "2026-11-09")).sections.map((s) => s.kind)).not.toContain("supervision");

    await generateDigestNotifications("2026-11-09");
    expect((await generateDigestNotifications("2026-11-09")).created).toBe(0);
    const digests = await db().notification.findMany({ where: { userId: w.staff.userId, kind: "DAILY_DIGEST" } });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ occasionKey: "digest:2026-11-09", link: "/digest", title: "今日待办（2026-11-09）" });
    expect(digests[0].body).toContain("待回复督办函 1 件");
  });
});

describe("the outbound outbox and the gateway endpoints", () => {
  it("queues each reminder once, serves pending messages to the gateway with its token and records delivery", async () => {
    const now = new Date();
    await dispatchOutbound(outboxChannel, now);
    expect((await dispatchOutbound(outboxChannel, now)).queued).toBe(0);
    const staffDigest = await db().notification.findFirstOrThrow({ where: { userId: w.staff.userId, kind: "DAILY_DIGEST" } });
    const rows = await db().outboundMessage.findMany({ where: { notificationId: staffDigest.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "outbox", status: "PENDING", title: staffDigest.title });
    // A kind that is not sent out (a reply to review, read in the app) has no message.
    const notSent = await db().notification.create({ data: { userId: w.staff.userId, kind: "SYSTEM", title: "系统消息" } });
    await dispatchOutbound(outboxChannel, now);
    expect(await db().outboundMessage.count({ where: { notificationId: notSent.id } })).toBe(0);

    const token = "gw-test-token-0123456789";
    process.env.OUTBOX_GATEWAY_TOKEN = token;
    const url = "http://localhost/api/outbox?limit=500";
    expect((await getOutbox(new Request(url))).status).toBe(401);
    expect((await getOutbox(new Request(url, { headers: { authorization: "Bearer wrong-token-0123456789" } }))).status).toBe(401);
    const bad = await getOutbox(new Request("http://localhost/api/outbox?limit=9999", { headers: { authorization: `Bearer ${token}` } }));
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message.zh).toBe("limit 不能超过 500");
    const res = await getOutbox(new Request(url, { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: number; title: string; attempts: number }[] };
    const mine = items.find((i) => i.id === rows[0].id);
    expect(mine).toMatchObject({ title: staffDigest.title, attempts: 1 });

    const post = (body: unknown, auth = `Bearer ${token}`) =>
      postDelivered(new Request("http://localhost/api/outbox/delivered", { method: "POST", headers: { authorization: auth, "content-type": "application/json" }, body: JSON.stringify(body) }));
    const refused = await post({ delivered: ["x"] });
    expect(refused.status).toBe(422);
    expect((await post({ delivered: [rows[0].id] }, "Bearer nope")).status).toBe(401);
    expect(await (await post({ delivered: [rows[0].id], failed: [] })).json()).toEqual({ delivered: 1, failed: 0 });
    expect(await db().outboundMessage.findUniqueOrThrow({ where: { id: rows[0].id } })).toMatchObject({ status: "DELIVERED" });
    expect((await listPendingOutbound(500)).map((m) => m.id)).not.toContain(rows[0].id);
    // A failure is recorded with the gateway's error; a delivered message is not turned into a failure.
    const other = await db().outboundMessage.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(await markOutbound({ delivered: [], failed: [{ id: other.id, error: "号码无效" }, { id: rows[0].id, error: "重复" }] })).toEqual({ delivered: 0, failed: 1 });
    expect(await db().outboundMessage.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "FAILED", lastError: "号码无效" });

    delete process.env.OUTBOX_GATEWAY_TOKEN;
    expect((await getOutbox(new Request(url, { headers: { authorization: `Bearer ${token}` } }))).status).toBe(404);
  });

  it("sends each message in its recipient's language: English for who chose it (a known shape; a record's name as written), Chinese for everyone else", async () => {
    await db().user.update({ where: { id: w.liaison.userId }, data: { locale: "en" } });
    try {
      const now = new Date();
      const make = (userId: number, title: string, body: string | null) => db().notification.create({ data: { userId, kind: "ISSUE_OVERDUE", title, body } });
      const en = await make(w.liaison.userId, "问题已超期：厂区用电增容", "WT-2026-001，办结时限 2026-11-20，已超期，请尽快办结");
      const unknown = await make(w.liaison.userId, "某种从未见过的提醒", null);
      const zh = await make(w.staff.userId, "问题已超期：厂区用电增容", "WT-2026-001，办结时限 2026-11-20，已超期，请尽快办结");
      await dispatchOutbound(outboxChannel, now);
      const sent = async (notificationId: number) => db().outboundMessage.findFirstOrThrow({ where: { notificationId }, select: { title: true, body: true, recipientName: true } });
      expect(await sent(en.id)).toEqual({
        title: "Problem overdue: 厂区用电增容",
        body: "WT-2026-001: deadline 2026-11-20 has passed, please resolve it soon",
        recipientName: (await db().user.findUniqueOrThrow({ where: { id: w.liaison.userId } })).name,
      });
      expect(await sent(unknown.id)).toMatchObject({ title: "某种从未见过的提醒", body: null });
      expect(await sent(zh.id)).toMatchObject({ title: "问题已超期：厂区用电增容", body: "WT-2026-001，办结时限 2026-11-20，已超期，请尽快办结" });
      // The in-app notification itself stays as the server wrote it (the page translates on display).
      expect(await db().notification.findUniqueOrThrow({ where: { id: en.id } })).toMatchObject({ title: "问题已超期：厂区用电增容" });
      expect((await dispatchOutbound(outboxChannel, now)).queued).toBe(0);
    } finally {
      await db().user.update({ where: { id: w.liaison.userId }, data: { locale: "zh-CN" } });
    }
  });
});
