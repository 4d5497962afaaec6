import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { addDays, dateToIso, todayInShanghai } from "@/lib/domain/dates";
import { addWorkingDays } from "@/lib/domain/working-days";
import { type Actor } from "@/lib/domain/permissions";
import { loadCalendar } from "@/lib/server/calendar/load-calendar";
import { deleteHoliday } from "@/lib/server/holidays/delete-holiday";
import { listHolidays } from "@/lib/server/holidays/list-holidays";
import { upsertHoliday } from "@/lib/server/holidays/upsert-holiday";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { createIssue } from "@/lib/server/issues/create-issue";
import { getIssue } from "@/lib/server/issues/get-issue";
import { issueFigures } from "@/lib/server/issues/issue-figures";
import { IssueConflictError } from "@/lib/server/issues/issue-writes";
import { listIssues } from "@/lib/server/issues/list-issues";
import { createVisit } from "@/lib/server/visits/create-visit";
import { issueFiltersSchema } from "@/lib/validation/issues";
import { makeActor, makePark, unique } from "../helpers/factories";
import { type IssueWorld, caught, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
const filters = (over: Record<string, unknown> = {}) => issueFiltersSchema.parse({ pageSize: 100, ...over });
const events = (issueId: number) => db().issueEvent.findMany({ where: { issueId }, orderBy: { id: "asc" } });
const notificationsOf = (userId: number, issueId: number) =>
  db().notification.findMany({ where: { userId, issueId }, orderBy: { id: "asc" }, select: { kind: true, title: true, body: true, link: true } });
const row = (id: number) => db().enterpriseIssue.findUniqueOrThrow({ where: { id } });

let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
});

describe("the workflow: visit → escalate → answer → 基本满意 reopens → 满意 closes", () => {
  it("writes each step with its events, notifications and audit rows", async () => {
    const visit = await createVisit(w.liaison, {
      enterpriseId: w.enterprise.id,
      projectId: w.project.id,
      visitDate: "2026-09-22",
      kind: "ON_SITE",
      peopleMet: "李经理（总经理）",
      summary: "了解新车间投产准备情况",
      problems: [{ category: "UTILITIES", title: "厂区用电增容", description: "需增容 800 千伏安", raisedBy: "李经理" }],
    });
    expect(visit.issues).toEqual([{ id: expect.any(Number), code: `WT-${w.park.code}-2026-0001` }]);
    const id = visit.issues[0].id;

    let issue = await row(id);
    expect(issue).toMatchObject({ status: "COLLECTED", level: 1, version: 1, visitId: visit.id, reporterId: w.liaison.userId, responsibleUserId: w.liaison.userId, raisedBy: "李经理" });
    // 3 and 7 working days from Tuesday 22 September, over 中秋 (25-27) and 国庆 (1-7 October).
    expect([dateToIso(issue.raisedDate), dateToIso(issue.answerDeadline!), dateToIso(issue.resolveDeadline)]).toEqual(["2026-09-22", "2026-09-28", "2026-10-09"]);

    let v = 1;
    const act = async (actor: typeof w.liaison, input: Record<string, unknown>, today: string) => {
      const r = await actOnIssue(actor, { issueId: id, version: v, ...input }, today);
      v = r.version;
      return r;
    };
    await act(w.liaison, { action: "assign", responsibleUnit: "国网供电公司" }, "2026-09-23");
    await act(w.liaison, { action: "start" }, "2026-09-23");
    expect(await act(w.liaison, { action: "escalate", note: "供电线路涉及规划调整，提请包保领导协调" }, "2026-09-24")).toEqual({ version: 4, status: "IN_PROGRESS", level: 2 });
    issue = await row(id);
    expect(issue).toMatchObject({ level: 2, responsibleUserId: w.leader.userId });
    expect(await notificationsOf(w.leader.userId, id)).toEqual([
      { kind: "ISSUE_ESCALATED", title: "问题提级至包保领导协调：厂区用电增容", body: `${issue.code}（${w.enterprise.name}）：供电线路涉及规划调整，提请包保领导协调`, link: `/issues/${id}` },
    ]);

    await act(w.leader, { action: "answer", answer: "已协调供电公司调整线路方案" }, "2026-09-30");
    expect(await act(w.liaison, { action: "close", satisfaction: "BASICALLY_SATISFIED" }, "2026-10-08")).toEqual({ version: 6, status: "IN_PROGRESS", level: 2 });
    issue = await row(id);
    expect(issue).toMatchObject({ status: "IN_PROGRESS", reopenCount: 1, satisfaction: null, closedDate: null });
    expect((await notificationsOf(w.leader.userId, id)).map((n) => n.kind)).toEqual(["ISSUE_ESCALATED", "ISSUE_REOPENED"]);
    // Nobody is told about their own action.
    expect(await notificationsOf(w.liaison.userId, id)).toEqual([]);

    await act(w.leader, { action: "answer", answer: "经复核：增容已送电" }, "2026-10-09");
    await act(w.liaison, { action: "close", satisfaction: "SATISFIED", note: "复核后企业评价满意，予以销号" }, "2026-10-09");
    issue = await row(id);
    expect(issue).toMatchObject({ status: "CLOSED", satisfaction: "SATISFIED", answer: "经复核：增容已送电", version: 8 });
    expect(dateToIso(issue.closedDate!)).toBe("2026-10-09");

    const history = await events(id);
    expect(history.map((e) => [e.type, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["CREATED", null, "COLLECTED", w.liaison.userId],
      ["STATUS_CHANGED", "COLLECTED", "ASSIGNED", w.liaison.userId],
      ["STATUS_CHANGED", "ASSIGNED", "IN_PROGRESS", w.liaison.userId],
      ["ESCALATED", "IN_PROGRESS", "IN_PROGRESS", w.liaison.userId],
      ["STATUS_CHANGED", "IN_PROGRESS", "ANSWERED", w.leader.userId],
      ["CLOSED", "ANSWERED", "CLOSED", w.liaison.userId],
      ["REOPENED", "CLOSED", "IN_PROGRESS", w.liaison.userId],
      ["STATUS_CHANGED", "IN_PROGRESS", "ANSWERED", w.leader.userId],
      ["CLOSED", "ANSWERED", "CLOSED", w.liaison.userId],
    ]);
    expect(history[0].note).toBe("走访收集企业诉求");
    expect(history[1].note).toBe("交办国网供电公司办理");
    expect(history[3]).toMatchObject({ fromLevel: 1, toLevel: 2 });
    expect(history[5].data).toEqual({ satisfaction: "BASICALLY_SATISFIED" });

    const audits = await db().auditLog.findMany({ where: { entityType: "EnterpriseIssue", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["issue.create", "issue.assign", "issue.start", "issue.escalate", "issue.answer", "issue.close", "issue.answer", "issue.close"]);
    expect(audits[3]).toMatchObject({ actorId: w.liaison.userId, parkId: w.park.id, before: { status: "IN_PROGRESS", level: 1, responsibleUserId: w.liaison.userId }, after: { level: 2, responsibleUserId: w.leader.userId } });

    const detail = await getIssue(w.leader, id, "2026-10-10");
    expect(detail).toMatchObject({ status: "CLOSED", enterpriseName: w.enterprise.name, responsibleName: expect.any(String), visitDate: "2026-09-22", overdue: false, reopenCount: 1 });
    expect(detail.events).toHaveLength(9);
    expect(detail.liaisons.map((l) => l.id)).toEqual([w.liaison.userId]);
    expect(detail.leaders.map((l) => l.id)).toEqual([w.leader.userId]);
    expect(detail.actions).toEqual(["reopen", "comment"]);
  });
});

describe("creating a problem", () => {
  it("numbers per park and year, counts deadlines in working days by category, and defaults the responsible user to the liaison", async () => {
    const a = await createIssue(w.staff, issueInput(w, { category: "LAND", raisedDate: "2026-09-30" }));
    const b = await createIssue(w.staff, issueInput(w, { category: "LABOR", raisedDate: "2026-02-13" }));
    const c = await createIssue(w.staff, issueInput(w, { category: "OTHER", raisedDate: "2025-12-31", projectId: null }));
    expect(c.code).toBe(`WT-${w.park.code}-2025-0001`);
    expect(Number(b.code.slice(-4))).toBe(Number(a.code.slice(-4)) + 1);
    const [ra, rb, rc] = await Promise.all([row(a.id), row(b.id), row(c.id)]);
    // 用地: 15 working days from the eve of 国庆, the 调休 Saturday 10 October counted.
    expect([dateToIso(ra.answerDeadline!), dateToIso(ra.resolveDeadline)]).toEqual(["2026-10-10", "2026-10-27"]);
    // 用工 raised the Friday before 春节: Saturday 14 February is a working day, then nine days off.
    expect([dateToIso(rb.answerDeadline!), dateToIso(rb.resolveDeadline)]).toEqual(["2026-02-25", "2026-03-02"]);
    // 元旦 2026: 1-3 January off, Sunday 4 January a working day.
    expect(dateToIso(rc.answerDeadline!)).toBe("2026-01-06");
    expect(ra).toMatchObject({ responsibleUserId: w.liaison.userId, reporterId: w.staff.userId, status: "COLLECTED" });
    // The liaison is told a problem is theirs; the staff member who logged it is not.
    expect((await notificationsOf(w.liaison.userId, a.id)).map((n) => n.kind)).toEqual(["ISSUE_ASSIGNED"]);
    // The server's dates agree with the pure rules on the loaded calendar.
    const cal = await loadCalendar(db(), "2026-09-01", "2026-12-31");
    expect(addWorkingDays("2026-09-30", 15, cal)).toBe("2026-10-27");
  });

  it("refuses bad input with Chinese messages per field and writes nothing", async () => {
    const before = await db().enterpriseIssue.count({ where: { parkId: w.park.id } });
    const e = await caught(createIssue(w.staff, issueInput(w, { title: "", category: "FOO" as never, raisedDate: addDays(todayInShanghai(), 1) })));
    expect(e).toMatchObject({
      code: "VALIDATION",
      message: "请检查标红的字段",
      fieldErrors: { title: ["请填写问题标题"], category: ["请选择问题类别"], raisedDate: ["提出日期不能晚于今天"] },
    });
    const other = await caught(createIssue(w.staff, issueInput(w, { enterpriseId: w.otherEnterprise.id })));
    expect(other).toMatchObject({ code: "VALIDATION", fieldErrors: { projectId: ["所选项目不属于该企业"] } });
    const outsider = await makeActor([{ role: "PARK_STAFF", parkId: w.otherPark.id }]);
    const badUser = await caught(createIssue(w.staff, issueInput(w, { responsibleUserId: outsider.userId })));
    expect(badUser).toMatchObject({ code: "VALIDATION", fieldErrors: { responsibleUserId: ["负责人须为本园区的在岗用户"] } });
    expect(await db().enterpriseIssue.count({ where: { parkId: w.park.id } })).toBe(before);
  });
});

describe("permissions per role", () => {
  let issueId: number;
  beforeAll(async () => {
    issueId = (await createIssue(w.liaison, issueInput(w))).id;
  });

  it("a liaison acts only on their own enterprises: others' problems are not found", async () => {
    expect((await caught(getIssue(w.strayLiaison, issueId))).code).toBe("NOT_FOUND");
    expect((await caught(actOnIssue(w.strayLiaison, { issueId, version: 1, action: "comment", note: "看看" }))).code).toBe("NOT_FOUND");
    expect((await caught(createIssue(w.strayLiaison, issueInput(w)))).code).toBe("NOT_FOUND");
    expect((await caught(createIssue(w.liaison, issueInput(w, { enterpriseId: w.otherEnterprise.id, projectId: null })))).code).toBe("NOT_FOUND");
    const { items } = await listIssues(w.strayLiaison, filters());
    expect(items).toEqual([]);
    const mine = await listIssues(w.liaison, filters());
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => i.enterpriseId === w.enterprise.id)).toBe(true);
  });

  it("a liaison still sees a problem they answer for after reassignment elsewhere", async () => {
    const other = await createIssue(w.staff, issueInput(w, { enterpriseId: w.otherEnterprise.id, projectId: null, responsibleUserId: w.strayLiaison.userId }));
    await expect(getIssue(w.strayLiaison, other.id)).resolves.toMatchObject({ id: other.id, permissions: { write: true, lead: false } });
  });

  it("staff of another park get not-found; a region leader reads but may not write", async () => {
    expect((await caught(getIssue(w.otherStaff, issueId))).code).toBe("NOT_FOUND");
    expect((await caught(actOnIssue(w.otherStaff, { issueId, version: 1, action: "start" }))).code).toBe("NOT_FOUND");
    expect((await caught(listIssues(w.otherStaff, filters({ park: w.park.id })))).code).toBe("NOT_FOUND");
    await expect(getIssue(w.regionLeader, issueId)).resolves.toMatchObject({ permissions: { write: false, lead: false }, actions: [] });
    const e = await caught(actOnIssue(w.regionLeader, { issueId, version: 1, action: "comment", note: "请加快" }));
    expect(e).toMatchObject({ code: "FORBIDDEN", message: "您没有权限执行此操作" });
    expect((await caught(createIssue(w.regionLeader, issueInput(w)))).code).toBe("FORBIDDEN");
  });

  it("deadlines and level 3 are for leaders: staff are refused, the park leader may", async () => {
    const { id } = await createIssue(w.staff, issueInput(w));
    const e = await caught(actOnIssue(w.staff, { issueId: id, version: 1, action: "setDeadline", resolveDeadline: "2026-12-31" }));
    expect(e).toMatchObject({ code: "FORBIDDEN", message: "您没有权限执行「调整时限」（须由包保领导或园区领导操作）" });
    const r = await actOnIssue(w.leader2, { issueId: id, version: 1, action: "setDeadline", resolveDeadline: "2026-12-31", note: "领导调度会明确" });
    expect(r.version).toBe(2);
    expect((await events(id)).at(-1)).toMatchObject({ type: "DEADLINE_CHANGED", data: { from: "2026-10-09", to: "2026-12-31" }, note: "领导调度会明确" });

    await actOnIssue(w.staff, { issueId: id, version: 2, action: "escalate", note: "需包保领导协调" }, "2026-10-01");
    expect((await caught(actOnIssue(w.staff, { issueId: id, version: 3, action: "escalate", note: "提交工委会" }, "2026-10-01"))).code).toBe("FORBIDDEN");
    await actOnIssue(w.leader, { issueId: id, version: 3, action: "escalate", note: "提交党工委（管委会）会议研究解决" }, "2026-10-01");
    expect(await row(id)).toMatchObject({ level: 3, responsibleUserId: w.leader.userId });
    // Level 3: every park leader is told (the actor excepted), and it is in their queue.
    expect((await notificationsOf(w.leader2.userId, id)).map((n) => n.kind)).toEqual(["ISSUE_ESCALATED"]);
    expect((await notificationsOf(w.leader2.userId, id))[0].title).toMatch(/^问题提交工委\/管委会议研究：/);
    const queue = await listIssues(w.leader2, filters({ mine: "1" }));
    expect(queue.items.map((i) => i.id)).toContain(id);
    const e3 = await caught(actOnIssue(w.leader, { issueId: id, version: 4, action: "escalate", note: "再提级" }, "2026-10-01"));
    expect(e3).toMatchObject({ code: "VALIDATION", fieldErrors: { action: ["问题已在三级（工委/管委会议）协调，不能再提级"] } });
  });

  it("refuses an action the status does not allow, naming the status", async () => {
    const { id } = await createIssue(w.staff, issueInput(w));
    const e = await caught(actOnIssue(w.staff, { issueId: id, version: 1, action: "answer", answer: "已办结" }));
    expect(e).toMatchObject({ code: "VALIDATION", message: "问题当前为「收集」：只有「办理」中的问题可以反馈办理结果" });
  });
});

describe("conflicts", () => {
  it("a stale version is refused with who changed it, and nothing is written", async () => {
    const { id } = await createIssue(w.liaison, issueInput(w));
    await actOnIssue(w.staff, { issueId: id, version: 1, action: "assign", responsibleUnit: "园区规划建设局" });
    const eventsBefore = (await events(id)).length;
    const e = await caught(actOnIssue(w.liaison, { issueId: id, version: 1, action: "assign", responsibleUnit: "园区经发局" }));
    expect(e).toBeInstanceOf(IssueConflictError);
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(new RegExp(`^该问题已被 ${w.staff.name} 于 \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 更新，您的操作未保存。请刷新页面查看最新内容后重新操作$`));
    expect((await events(id)).length).toBe(eventsBefore);
    expect(await row(id)).toMatchObject({ responsibleUnit: "园区规划建设局", version: 2 });
  });

  it("two people acting at once: one wins, the other gets the conflict", async () => {
    const { id } = await createIssue(w.liaison, issueInput(w));
    const results = await Promise.allSettled([
      actOnIssue(w.staff, { issueId: id, version: 1, action: "comment", note: "甲" }),
      actOnIssue(w.leader, { issueId: id, version: 1, action: "comment", note: "乙" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect((await events(id)).map((e) => e.type)).toEqual(["CREATED", "COMMENTED"]);
  });
});

describe("extensions", () => {
  it("are asked before the deadline passes, for a later date, and decided by the 包保领导", async () => {
    const { id } = await createIssue(w.liaison, issueInput(w)); // due 2026-10-09
    const late = await caught(actOnIssue(w.liaison, { issueId: id, version: 1, action: "requestExtension", requestedDeadline: "2026-10-30", reason: "等待省厅批复" }, "2026-10-10"));
    expect(late).toMatchObject({ code: "VALIDATION", message: "办结时限 2026-10-09 已过，不能再申请延期；延期须在时限届满前申请" });
    const early = await caught(actOnIssue(w.liaison, { issueId: id, version: 1, action: "requestExtension", requestedDeadline: "2026-10-09", reason: "等待省厅批复" }, "2026-10-09"));
    expect(early).toMatchObject({ fieldErrors: { requestedDeadline: ["申请延至日期须晚于当前办结时限 2026-10-09"] } });

    await actOnIssue(w.liaison, { issueId: id, version: 1, action: "requestExtension", requestedDeadline: "2026-10-30", reason: "等待省厅批复" }, "2026-10-09");
    const ext = await db().issueExtension.findFirstOrThrow({ where: { issueId: id } });
    expect(ext).toMatchObject({ status: "PENDING", requestedById: w.liaison.userId, reason: "等待省厅批复" });
    expect(await notificationsOf(w.leader.userId, id)).toEqual([
      expect.objectContaining({ kind: "EXTENSION_REQUESTED", body: expect.stringContaining("申请将办结时限由 2026-10-09 延至 2026-10-30，理由：等待省厅批复") }),
    ]);
    // A second request waits for the first.
    const again = await caught(actOnIssue(w.liaison, { issueId: id, version: 2, action: "requestExtension", requestedDeadline: "2026-11-30", reason: "再延" }, "2026-10-09"));
    expect(again.fieldErrors).toEqual({ action: ["已有待审批的延期申请（申请延至 2026-10-30），请等待包保领导审批"] });

    // Staff and the liaison may not decide; the 包保领导 may, even once the old deadline has passed.
    for (const actor of [w.staff, w.liaison]) {
      expect((await caught(actOnIssue(actor, { issueId: id, version: 2, action: "decideExtension", extensionId: ext.id, decision: "APPROVED" }, "2026-10-12"))).code).toBe("FORBIDDEN");
    }
    await actOnIssue(w.leader, { issueId: id, version: 2, action: "decideExtension", extensionId: ext.id, decision: "APPROVED" }, "2026-10-12");
    expect(dateToIso((await row(id)).resolveDeadline)).toBe("2026-10-30");
    expect(await db().issueExtension.findUniqueOrThrow({ where: { id: ext.id } })).toMatchObject({ status: "APPROVED", decidedById: w.leader.userId, decisionNote: "同意延期，请按新时限办结" });
    expect((await events(id)).slice(-3).map((e) => [e.type, e.data])).toEqual([
      ["EXTENSION_REQUESTED", { requestedDeadline: "2026-10-30", extensionId: ext.id }],
      ["EXTENSION_APPROVED", { requestedDeadline: "2026-10-30", extensionId: ext.id }],
      ["DEADLINE_CHANGED", { from: "2026-10-09", to: "2026-10-30" }],
    ]);
    expect((await notificationsOf(w.liaison.userId, id)).map((n) => [n.kind, n.title])).toEqual([
      ["EXTENSION_DECIDED", expect.stringMatching(/^延期申请已同意：/)],
    ]);
    expect((await getIssue(w.liaison, id, "2026-10-12")).overdue).toBe(false);
  });

  it("a rejection needs a reason and leaves the deadline; a 包保领导 without issue.lead may decide", async () => {
    // A staff member who is the 包保领导 (LEADER assignment) of an enterprise.
    const baoLeader = await makeActor([{ role: "PARK_STAFF", parkId: w.park.id }]);
    const enterprise = await db().enterprise.create({ data: { parkId: w.park.id, name: unique("湖南延期测试有限公司") } });
    await db().assignment.create({ data: { parkId: w.park.id, role: "LEADER", userId: baoLeader.userId, enterpriseId: enterprise.id, startDate: new Date("2025-01-01") } });
    const { id } = await createIssue(w.staff, issueInput(w, { enterpriseId: enterprise.id, projectId: null }));
    await actOnIssue(w.staff, { issueId: id, version: 1, action: "requestExtension", requestedDeadline: "2026-10-20", reason: "资金未到位" }, "2026-10-01");
    const ext = await db().issueExtension.findFirstOrThrow({ where: { issueId: id } });
    // Told to the 包保领导, not to the park leaders.
    expect((await notificationsOf(baoLeader.userId, id)).map((n) => n.kind)).toEqual(["EXTENSION_REQUESTED"]);
    expect(await notificationsOf(w.leader.userId, id)).toEqual([]);
    const noReason = await caught(actOnIssue(baoLeader, { issueId: id, version: 2, action: "decideExtension", extensionId: ext.id, decision: "REJECTED" }, "2026-10-02"));
    expect(noReason.fieldErrors).toEqual({ note: ["不同意延期时请填写审批意见"] });
    await actOnIssue(baoLeader, { issueId: id, version: 2, action: "decideExtension", extensionId: ext.id, decision: "REJECTED", note: "请按原时限办结" }, "2026-10-02");
    expect(dateToIso((await row(id)).resolveDeadline)).toBe("2026-10-09");
    expect((await events(id)).at(-1)).toMatchObject({ type: "EXTENSION_REJECTED", note: "请按原时限办结" });
    expect((await notificationsOf(w.staff.userId, id)).map((n) => n.title)).toEqual([expect.stringMatching(/^延期申请未同意：/)]);
  });
});

describe("lists and figures", () => {
  // A fresh park, so the figures are exactly the hand-made rows below.
  let parkId: number;
  let enterpriseId: number;
  let staff: Actor;
  let ids: Record<string, number>;
  const TODAY = "2026-04-15";
  const PERIOD = { raisedFrom: "2026-03-01", raisedTo: "2026-03-31" };

  beforeAll(async () => {
    const park = await makePark(w.regionId);
    parkId = park.id;
    staff = await makeActor([{ role: "PARK_STAFF", parkId }]);
    const e = await db().enterprise.create({ data: { parkId, name: unique("湖南指标测试有限公司") } });
    enterpriseId = e.id;
    const base = { parkId, enterpriseId, reporterId: staff.userId };
    // Days to close: 2, 4, 6, 10, 20 -> average 8.4, 90th percentile 10 + 0.6 × (20 - 10) = 16.
    const specs = {
      landA: { category: "LAND", raisedDate: "2026-03-02", resolveDeadline: "2026-03-20", closedDate: "2026-03-04", satisfaction: "SATISFIED" },
      landB: { category: "LAND", raisedDate: "2026-03-02", resolveDeadline: "2026-03-20", closedDate: "2026-03-06", satisfaction: "SATISFIED" },
      laborA: { category: "LABOR", raisedDate: "2026-03-05", resolveDeadline: "2026-03-16", closedDate: "2026-03-11", satisfaction: "BASICALLY_SATISFIED" },
      laborB: { category: "LABOR", raisedDate: "2026-03-05", resolveDeadline: "2026-03-16", closedDate: "2026-03-15", satisfaction: "SATISFIED" },
      policyA: { category: "POLICY", raisedDate: "2026-03-10", resolveDeadline: "2026-03-19", closedDate: "2026-03-30", satisfaction: "DISSATISFIED" },
      policyB: { category: "POLICY", raisedDate: "2026-03-10", resolveDeadline: "2026-03-19", level: 2 }, // overdue since 20 March
      policyC: { category: "POLICY", raisedDate: "2026-03-12", resolveDeadline: "2026-04-10" }, // overdue since 11 April
      other: { category: "OTHER", raisedDate: "2026-03-20", resolveDeadline: "2026-04-20", level: 3 }, // open, not overdue
      april: { category: "LAND", raisedDate: "2026-04-01", resolveDeadline: "2026-04-22", closedDate: "2026-04-02", satisfaction: "SATISFIED" }, // outside the period
    } as const;
    ids = {};
    for (const [key, spec] of Object.entries(specs)) ids[key] = (await makeIssueRow({ ...base, ...spec })).id;
  });

  const figures = (over: Record<string, unknown> = {}) => issueFigures(staff, { park: parkId, ...PERIOD, ...over }, TODAY);
  const list = (over: Record<string, unknown> = {}) => listIssues(staff, filters({ park: parkId, ...PERIOD, ...over }), TODAY);

  it("computes 办结率, days to close (avg and p90), 满意率 and per-category counts in SQL", async () => {
    const f = await figures();
    expect(f).toMatchObject({
      total: 8,
      open: 3,
      closed: 5,
      overdue: 2,
      resolutionRate: 0.625,
      avgDaysToClose: 8.4,
      p90DaysToClose: 16,
      rated: 5,
      satisfied: 3,
      satisfactionRate: 0.6,
    });
    expect(f.byCategory.filter((c) => c.total > 0)).toEqual([
      { category: "LAND", label: "用地", total: 2, closed: 2, overdue: 0 },
      { category: "LABOR", label: "用工", total: 2, closed: 2, overdue: 0 },
      { category: "POLICY", label: "政策兑现", total: 3, closed: 1, overdue: 2 },
      { category: "OTHER", label: "其他", total: 1, closed: 0, overdue: 0 },
    ]);
    expect(f.byCategory).toHaveLength(9);
    expect(f.openByLevel).toEqual([
      { level: 1, open: 1 },
      { level: 2, open: 1 },
      { level: 3, open: 1 },
    ]);
    // Without the period, April's problem counts too.
    expect((await figures({ raisedFrom: undefined, raisedTo: undefined })).total).toBe(9);
    // No problems: rates are null, not zero.
    expect(await figures({ category: "SAFETY_ENV" })).toMatchObject({ total: 0, resolutionRate: null, avgDaysToClose: null, p90DaysToClose: null, satisfactionRate: null });
  });

  it("each figure drills down to a list of exactly its problems", async () => {
    const f = await figures();
    expect((await list()).total).toBe(f.total);
    expect((await list({ status: "CLOSED" })).total).toBe(f.closed);
    expect((await list({ status: "CLOSED", satisfaction: "SATISFIED" })).items.map((i) => i.id).sort()).toEqual([ids.landA, ids.landB, ids.laborB].sort());
    expect((await list({ overdue: "1" })).total).toBe(f.overdue);
    for (const c of f.byCategory) expect((await list({ category: c.category })).total, c.category).toBe(c.total);
    expect((await list({ open: "1", level: "2" })).items.map((i) => i.id)).toEqual([ids.policyB]);
    expect((await list({ closedFrom: "2026-03-10", closedTo: "2026-03-31" })).items.map((i) => i.id).sort()).toEqual([ids.laborA, ids.laborB, ids.policyA].sort());
  });

  it("orders overdue first (oldest deadline first), then open by deadline, then closed; pages in SQL", async () => {
    const { items, total, pageCount } = await list();
    expect(total).toBe(8);
    expect(pageCount).toBe(1);
    expect(items.slice(0, 3).map((i) => i.id)).toEqual([ids.policyB, ids.policyC, ids.other]);
    expect(items[0]).toMatchObject({ overdue: true, overdueDays: 27, status: "IN_PROGRESS" });
    expect(items[1]).toMatchObject({ overdue: true, overdueDays: 5 });
    expect(items[2]).toMatchObject({ overdue: false, overdueDays: 0 });
    expect(items.slice(3).every((i) => i.status === "CLOSED")).toBe(true);
    const page2 = await listIssues(staff, issueFiltersSchema.parse({ park: parkId, ...PERIOD, pageSize: 20, page: 2 }), TODAY);
    expect(page2.items).toEqual([]);
    expect(page2.total).toBe(8);
  });

  it("filters by liaison (the active 包保责任人 of the project or enterprise), responsible user and text", async () => {
    const liaisonOf = await listIssues(w.leader, filters({ liaison: w.liaison.userId }));
    expect(liaisonOf.total).toBeGreaterThan(0);
    expect(liaisonOf.items.every((i) => i.enterpriseId === w.enterprise.id && i.liaisonName === w.liaison.name)).toBe(true);
    const byResponsible = await listIssues(w.leader, filters({ responsible: w.strayLiaison.userId }));
    expect(byResponsible.items.every((i) => i.responsibleUserId === w.strayLiaison.userId)).toBe(true);
    expect((await listIssues(w.leader, filters({ q: "厂区用电" }))).total).toBeGreaterThan(0);
    expect((await listIssues(w.leader, filters({ q: "%_不存在的词" }))).total).toBe(0);
  });
});

describe("holiday calendar", () => {
  it("is maintained by administrators only, with audit rows, and read by everyone", async () => {
    expect((await caught(upsertHoliday(w.leader, { date: "2031-10-01", kind: "HOLIDAY", name: "国庆节" }))).code).toBe("FORBIDDEN");
    await expect(upsertHoliday(w.admin, { date: "2031-10-01", kind: "HOLIDAY", name: "国庆节" })).resolves.toEqual({ date: "2031-10-01", kind: "HOLIDAY", name: "国庆节" });
    await upsertHoliday(w.admin, { date: "2031-10-01", kind: "HOLIDAY", name: "国庆节、中秋节" });
    const weekday = await caught(upsertHoliday(w.admin, { date: "2031-10-13", kind: "WORKDAY", name: "调休" }));
    expect(weekday).toMatchObject({ code: "VALIDATION", fieldErrors: { date: ["调休上班日须为周六或周日"] } });
    await upsertHoliday(w.admin, { date: "2031-10-11", kind: "WORKDAY", name: "国庆节调休上班" });
    expect(await listHolidays(w.liaison, 2031)).toEqual([
      { date: "2031-10-01", kind: "HOLIDAY", name: "国庆节、中秋节" },
      { date: "2031-10-11", kind: "WORKDAY", name: "国庆节调休上班" },
    ]);
    expect((await listHolidays(w.liaison, 2026)).length).toBeGreaterThanOrEqual(38);
    expect((await caught(listHolidays(w.liaison, "二〇三一"))).code).toBe("VALIDATION");

    expect((await caught(deleteHoliday(w.staff, "2031-10-11"))).code).toBe("FORBIDDEN");
    await deleteHoliday(w.admin, "2031-10-11");
    await deleteHoliday(w.admin, "2031-10-01");
    expect((await caught(deleteHoliday(w.admin, "2031-10-01"))).code).toBe("NOT_FOUND");
    expect(await listHolidays(w.admin, 2031)).toEqual([]);
    const audits = await db().auditLog.findMany({ where: { entityType: "Holiday", entityId: { in: ["2031-10-01", "2031-10-11"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.entityId])).toEqual([
      ["holiday.create", "2031-10-01"],
      ["holiday.update", "2031-10-01"],
      ["holiday.create", "2031-10-11"],
      ["holiday.delete", "2031-10-11"],
      ["holiday.delete", "2031-10-01"],
    ]);
    expect(audits[1]).toMatchObject({ before: { name: "国庆节" }, after: { name: "国庆节、中秋节" } });
  });
});
