// The rituals' REST endpoints (督办 /supervisions, 首问 /first-contact and the hand-off,
// 每月会商 /meetings and /meeting-tasks) through their route handlers against the real test
// database: each happy path (the body parsed with the schema the OpenAPI document publishes),
// a role that is refused (403 at the door or in lib/server, 404 for another park), a bad
// input answered 422 with a Chinese message naming the field, that a refused or invalid
// request writes nothing, and the audit rows of the writes. As in visits-api.test.ts the
// signed-in person is whoever the test names; API tokens are real.

import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import * as S from "@/lib/api/schemas";
import * as R from "@/lib/api/ritual-schemas";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { recordDecision } from "@/lib/server/meetings/edit-meeting";
import * as supervisionsRoute from "@/app/api/v1/supervisions/route";
import * as supervisionRoute from "@/app/api/v1/supervisions/[id]/route";
import * as replyRoute from "@/app/api/v1/supervisions/[id]/reply/route";
import * as reviewRoute from "@/app/api/v1/supervisions/[id]/review/route";
import * as firstContactRoute from "@/app/api/v1/first-contact/route";
import * as handoffRoute from "@/app/api/v1/problems/[id]/handoff/accept/route";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as candidatesRoute from "@/app/api/v1/meetings/candidates/route";
import * as meetingRoute from "@/app/api/v1/meetings/[id]/route";
import * as completeRoute from "@/app/api/v1/meeting-tasks/[id]/complete/route";
import { makeActor, unique } from "../helpers/factories";
import { type IssueWorld, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;
type Who = { token: string } | { as: Actor };

/** Calls a route handler as a token or a signed-in person; error bodies are checked against the published error shape. */
async function call(handler: unknown, who: Who, o: { method?: string; id?: number | string; query?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if ("token" in who) headers.authorization = `Bearer ${who.token}`;
  else {
    session.actor = who.as;
    headers.cookie = "next-auth.session-token=test";
  }
  const method = o.method ?? (o.body === undefined ? "GET" : "POST");
  if (o.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`http://localhost/api/v1/x${o.query ?? ""}`, { method, headers, body: o.body === undefined ? undefined : typeof o.body === "string" ? o.body : JSON.stringify(o.body) });
  const res = await (handler as Handler)(req, { params: Promise.resolve(o.id === undefined ? undefined : { id: String(o.id) }) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) {
    const err = S.apiErrorSchema.parse(json);
    expect(err.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  }
  return { status: res.status, json, location: res.headers.get("location") };
}
const fields = (json: unknown) => (json as z.infer<typeof S.apiErrorSchema>).error.fields;
const fieldPaths = (json: unknown) => fields(json).map((f) => f.path);
const code = (json: unknown) => (json as z.infer<typeof S.apiErrorSchema>).error.code;

const db = () => getDb();
/** Rows that a refused request must not change. */
async function counts() {
  const [supervisions, events, issues, meetings, items, openTasks, audits] = await Promise.all([
    db().supervision.count(),
    db().supervisionEvent.count(),
    db().enterpriseIssue.count(),
    db().meeting.count(),
    db().meetingItem.count(),
    db().meetingTask.count({ where: { status: "OPEN" } }),
    db().auditLog.count(),
  ]);
  return { supervisions, events, issues, meetings, items, openTasks, audits };
}
/** Runs the refused calls and checks that nothing was written. */
async function nothingWritten(work: () => Promise<void>) {
  const before = await counts();
  await work();
  expect(await counts()).toEqual(before);
}

const today = todayInShanghai();
const month = today.slice(0, 7);

let w: IssueWorld;
let otherLeader: Actor;
let readA: string;
let rwA: string;
let overdueIssueId: number;
let calmIssueId: number;

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  otherLeader = await makeActor([{ role: "PARK_LEADER", parkId: w.otherPark.id }]);
  readA = (await createApiToken(w.admin, { name: unique("t"), scope: "READ", parkIds: [w.park.id] })).token;
  rwA = (await createApiToken(w.admin, { name: unique("t"), scope: "READ_WRITE", parkIds: [w.park.id] })).token;
  overdueIssueId = (
    await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.liaison.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-08-03", resolveDeadline: "2026-09-01", title: unique("施工用水接入") })
  ).id;
  calmIssueId = (await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.liaison.userId, raisedDate: "2026-08-03", resolveDeadline: "2027-06-30" })).id;
});

beforeEach(async () => {
  await db().apiRateLimit.deleteMany();
  session.actor = null;
});

// ================================================================ 督办

describe("督办 /supervisions", () => {
  let letterId = 0;
  const letter = () => ({ issueId: overdueIssueId, recipientUserId: w.staff.userId, recipientUnit: "园区规划建设局", subject: "施工用水接入超期", requirement: "5 个工作日内完成接入并书面回复", workdays: 5 });

  it("POST: staff, liaisons and read tokens are refused at the door, another park's leader gets 404, bad fields 422 by name; nothing written", async () => {
    await nothingWritten(async () => {
      for (const who of [{ as: w.staff }, { as: w.liaison }, { token: readA }, { token: rwA }]) {
        const res = await call(supervisionsRoute.POST, who, { body: letter() });
        expect(res.status).toBe(403);
      }
      expect((await call(supervisionsRoute.POST, { as: otherLeader }, { body: letter() })).status).toBe(404);
      const bad = await call(supervisionsRoute.POST, { as: w.leader }, { body: { ...letter(), workdays: 0, subject: "" } });
      expect(bad.status).toBe(422);
      expect(fieldPaths(bad.json).sort()).toEqual(["subject", "workdays"]);
      expect(fields(bad.json).find((f) => f.path === "workdays")!.message).toBe("办理时限至少 1 个工作日");
      const noRecipient = await call(supervisionsRoute.POST, { as: w.leader }, { body: { ...letter(), recipientUserId: null } });
      expect(noRecipient.status).toBe(422);
      expect(fields(noRecipient.json)).toEqual([{ path: "recipientUserId", message: "请选择责任人", en: "Please choose the responsible person" }]);
      // Not past its deadline: refused on the field, in Chinese.
      const calm = await call(supervisionsRoute.POST, { as: w.leader }, { body: { ...letter(), issueId: calmIssueId } });
      expect(calm.status).toBe(422);
      expect(fields(calm.json)).toEqual([{ path: "issueId", message: "只能对超过办结时限且未销号的问题下发督办函", en: "A supervision letter can only be sent for a problem past its deadline and not closed" }]);
      expect((await call(supervisionsRoute.POST, { as: w.leader }, { body: "{" })).status).toBe(400);
    });
  });

  it("POST: a park leader issues a letter → 201 with Location, an audit row; a second open letter is 409", async () => {
    const res = await call(supervisionsRoute.POST, { as: w.leader }, { body: letter() });
    expect(res.status).toBe(201);
    const created = R.supervisionIssuedSchema.parse(res.json);
    expect(created.code).toMatch(/^DB-\d{4}-\d{4}$/);
    expect(res.location).toBe(`/api/v1/supervisions/${created.id}`);
    letterId = created.id;
    const audit = await db().auditLog.findFirst({ where: { action: "supervision.issue", entityType: "Supervision", entityId: String(created.id) } });
    expect(audit).toMatchObject({ actorId: w.leader.userId, parkId: w.park.id });
    await nothingWritten(async () => {
      const again = await call(supervisionsRoute.POST, { as: w.leader }, { body: letter() });
      expect(again.status).toBe(409);
      expect(code(again.json)).toBe("CONFLICT");
    });
  });

  it("GET list: the token's park, filters, 422 naming a bad filter, 404 for another park's filter, nothing for another park's leader", async () => {
    const res = await call(supervisionsRoute.GET, { token: readA }, { query: "?status=ISSUED&pageSize=100" });
    expect(res.status).toBe(200);
    const list = R.supervisionListSchema.parse(res.json);
    expect(list.items.map((i) => i.id)).toContain(letterId);
    expect(res.json).not.toHaveProperty("filters");
    expect(R.supervisionListSchema.parse((await call(supervisionsRoute.GET, { token: readA }, { query: "?status=CLOSED" })).json).items.map((i) => i.id)).not.toContain(letterId);
    const mine = R.supervisionListSchema.parse((await call(supervisionsRoute.GET, { as: w.staff }, { query: "?mine=1" })).json);
    expect(mine.items.map((i) => i.id)).toEqual([letterId]);
    const bad = await call(supervisionsRoute.GET, { token: readA }, { query: "?status=OPEN&pageSize=500" });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["pageSize", "status"]);
    expect((await call(supervisionsRoute.GET, { token: readA }, { query: `?parkId=${w.otherPark.id}` })).status).toBe(404);
    expect(R.supervisionListSchema.parse((await call(supervisionsRoute.GET, { as: otherLeader })).json).total).toBe(0);
  });

  it("GET one: readers of the park and tokens see it; another park's leader and a liaison who is not its recipient get 404", async () => {
    const res = await call(supervisionRoute.GET, { as: w.leader2 }, { id: letterId });
    expect(res.status).toBe(200);
    const detail = R.supervisionDetailSchema.parse(res.json);
    expect(detail).toMatchObject({ id: letterId, status: "ISSUED", version: 1, canReply: false, canReview: false, issue: { id: overdueIssueId } });
    expect(R.supervisionDetailSchema.parse((await call(supervisionRoute.GET, { as: w.staff }, { id: letterId })).json).canReply).toBe(true);
    expect((await call(supervisionRoute.GET, { token: readA }, { id: letterId })).status).toBe(200);
    expect((await call(supervisionRoute.GET, { as: otherLeader }, { id: letterId })).status).toBe(404);
    expect((await call(supervisionRoute.GET, { as: w.liaison }, { id: letterId })).status).toBe(404);
    expect((await call(supervisionRoute.GET, { as: w.leader }, { id: "abc" })).status).toBe(404);
  });

  it("POST reply: only the recipient (others 403/404, read token 403), a blank note 422 by name, then 200 and an audit row", async () => {
    await nothingWritten(async () => {
      expect((await call(replyRoute.POST, { as: w.leader2 }, { id: letterId, body: { version: 1, note: "代为回复" } })).status).toBe(403);
      expect((await call(replyRoute.POST, { token: readA }, { id: letterId, body: { version: 1, note: "x" } })).status).toBe(403);
      expect((await call(replyRoute.POST, { as: otherLeader }, { id: letterId, body: { version: 1, note: "x" } })).status).toBe(404);
      const blank = await call(replyRoute.POST, { as: w.staff }, { id: letterId, body: { version: 1, note: "  " } });
      expect(blank.status).toBe(422);
      expect(fieldPaths(blank.json)).toEqual(["note"]);
      expect(fields(blank.json)[0].message).toContain("整改情况");
      const stale = await call(replyRoute.POST, { as: w.staff }, { id: letterId, body: { version: 7, note: "已处理" } });
      expect(stale.status).toBe(409);
    });
    const res = await call(replyRoute.POST, { as: w.staff }, { id: letterId, body: { version: 1, note: "已协调水务公司，预计下周接通" } });
    expect(res.status).toBe(200);
    expect(R.supervisionRepliedSchema.parse(res.json)).toEqual({ version: 2 });
    expect(await db().auditLog.count({ where: { action: "supervision.reply", entityId: String(letterId) } })).toBe(1);
  });

  it("POST review: the recipient and tokens are refused, another park 404, a return without reason 422 by name; the leader returns and, after a new reply, accepts", async () => {
    await nothingWritten(async () => {
      expect((await call(reviewRoute.POST, { as: w.staff }, { id: letterId, body: { version: 2, decision: "accept" } })).status).toBe(403);
      expect((await call(reviewRoute.POST, { token: rwA }, { id: letterId, body: { version: 2, decision: "accept" } })).status).toBe(403);
      expect((await call(reviewRoute.POST, { as: otherLeader }, { id: letterId, body: { version: 2, decision: "accept" } })).status).toBe(404);
      const noReason = await call(reviewRoute.POST, { as: w.leader }, { id: letterId, body: { version: 2, decision: "return" } });
      expect(noReason.status).toBe(422);
      expect(fieldPaths(noReason.json)).toEqual(["note"]);
      const badDecision = await call(reviewRoute.POST, { as: w.leader }, { id: letterId, body: { version: 2, decision: "maybe" } });
      expect(badDecision.status).toBe(422);
      expect(fieldPaths(badDecision.json)).toEqual(["decision"]);
    });
    const returned = await call(reviewRoute.POST, { as: w.leader }, { id: letterId, body: { version: 2, decision: "return", note: "未接通，不能销号" } });
    expect(R.supervisionReviewedSchema.parse(returned.json)).toEqual({ version: 3, status: "RETURNED" });
    expect((await call(replyRoute.POST, { as: w.staff }, { id: letterId, body: { version: 3, note: "已接通供水" } })).status).toBe(200);
    const accepted = await call(reviewRoute.POST, { as: w.leader2 }, { id: letterId, body: { version: 4, decision: "accept", note: "核实无误" } });
    expect(R.supervisionReviewedSchema.parse(accepted.json)).toEqual({ version: 5, status: "CLOSED" });
    const detail = R.supervisionDetailSchema.parse((await call(supervisionRoute.GET, { token: readA }, { id: letterId })).json);
    expect(detail.events.map((e) => e.type)).toEqual(["ISSUED", "REPLIED", "RETURNED", "REPLIED", "ACCEPTED"]);
    expect(detail.closedDate).toBe(today);
    const actions = (await db().auditLog.findMany({ where: { entityType: "Supervision", entityId: String(letterId) }, orderBy: { id: "asc" }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(["supervision.issue", "supervision.reply", "supervision.return", "supervision.reply", "supervision.accept"]);
  });
});

// ================================================================ 首问

describe("首问 /first-contact and /problems/{id}/handoff/accept", () => {
  let receivedId = 0;
  const received = () => ({ ...issueInput(w, { raisedDate: "2026-11-02" }), intakeChannel: "PHONE" });

  it("POST: read tokens 403, another park's staff 404, a bad 来源 422 by name; nothing written", async () => {
    await nothingWritten(async () => {
      expect((await call(firstContactRoute.POST, { token: readA }, { body: received() })).status).toBe(403);
      expect((await call(firstContactRoute.POST, { as: w.otherStaff }, { body: received() })).status).toBe(404);
      const bad = await call(firstContactRoute.POST, { as: w.staff }, { body: { ...received(), intakeChannel: "EMAIL" } });
      expect(bad.status).toBe(422);
      expect(fields(bad.json)).toEqual([{ path: "intakeChannel", message: "请选择来源（电话、窗口、来信或网上）", en: "Please choose the source (phone, service window, letter or online)" }]);
      const noTitle = await call(firstContactRoute.POST, { as: w.staff }, { body: { ...received(), title: "" } });
      expect(fieldPaths(noTitle.json)).toEqual(["title"]);
    });
  });

  it("POST: staff receive a phoned problem → 201, they are its 首问责任人 and the 包保责任人 must accept; an audit row", async () => {
    const res = await call(firstContactRoute.POST, { as: w.staff }, { body: received() });
    expect(res.status).toBe(201);
    const created = R.firstContactReceivedSchema.parse(res.json);
    expect(created.handoffPending).toBe(true);
    expect(res.location).toBe(`/api/v1/problems/${created.id}`);
    receivedId = created.id;
    const row = await db().enterpriseIssue.findUniqueOrThrow({ where: { id: created.id }, select: { firstContactUserId: true, responsibleUserId: true, intakeChannel: true, handoffAcceptedAt: true } });
    expect(row).toEqual({ firstContactUserId: w.staff.userId, responsibleUserId: w.liaison.userId, intakeChannel: "PHONE", handoffAcceptedAt: null });
    expect(await db().auditLog.count({ where: { action: "issue.receive", entityId: String(created.id), actorId: w.staff.userId } })).toBe(1);
  });

  it("GET: the park's items for a token, mine=toAccept for the responsible person, 422 naming bad filters, 404 for another park's filter, nothing for another park", async () => {
    const res = await call(firstContactRoute.GET, { token: readA }, { query: "?state=pending&channel=PHONE" });
    expect(res.status).toBe(200);
    const list = R.firstContactListSchema.parse(res.json);
    expect(list.items.find((i) => i.id === receivedId)).toMatchObject({ intakeChannel: "PHONE", receiverName: w.staff.name, responsibleName: w.liaison.name, acceptedAt: null, parkId: w.park.id });
    expect(R.firstContactListSchema.parse((await call(firstContactRoute.GET, { as: w.liaison }, { query: "?mine=toAccept" })).json).items.map((i) => i.id)).toEqual([receivedId]);
    expect(R.firstContactListSchema.parse((await call(firstContactRoute.GET, { as: w.staff }, { query: "?mine=received" })).json).items.map((i) => i.id)).toContain(receivedId);
    expect(R.firstContactListSchema.parse((await call(firstContactRoute.GET, { token: readA }, { query: "?channel=WINDOW" })).json).items.map((i) => i.id)).not.toContain(receivedId);
    const bad = await call(firstContactRoute.GET, { token: readA }, { query: "?state=open&mine=all&channel=VISIT" });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["channel", "mine", "state"]);
    expect(fields(bad.json).find((f) => f.path === "state")!.message).toContain("移交状态");
    expect((await call(firstContactRoute.GET, { token: readA }, { query: `?park=${w.otherPark.id}` })).status).toBe(404);
    expect(R.firstContactListSchema.parse((await call(firstContactRoute.GET, { as: w.otherStaff })).json).items.map((i) => i.id)).not.toContain(receivedId);
  });

  it("POST accept: the receiver 403, a read token 403, another park 404; the responsible person accepts once (then 409), with an audit row", async () => {
    await nothingWritten(async () => {
      expect((await call(handoffRoute.POST, { as: w.staff }, { id: receivedId, method: "POST" })).status).toBe(403);
      expect((await call(handoffRoute.POST, { token: readA }, { id: receivedId, method: "POST" })).status).toBe(403);
      expect((await call(handoffRoute.POST, { as: w.otherStaff }, { id: receivedId, method: "POST" })).status).toBe(404);
      expect((await call(handoffRoute.POST, { as: w.liaison }, { id: "0", method: "POST" })).status).toBe(404);
      // A problem raised on a visit has no hand-off: refused, naming the problem.
      const notReceived = await call(handoffRoute.POST, { as: w.staff }, { id: overdueIssueId, method: "POST" });
      expect(notReceived.status).toBe(422);
      expect(fieldPaths(notReceived.json)).toEqual(["issueId"]);
    });
    const res = await call(handoffRoute.POST, { as: w.liaison }, { id: receivedId, method: "POST" });
    expect(res.status).toBe(200);
    R.handoffAcceptedSchema.parse(res.json);
    expect(await db().auditLog.count({ where: { action: "issue.acceptHandoff", entityId: String(receivedId), actorId: w.liaison.userId } })).toBe(1);
    expect((await call(handoffRoute.POST, { as: w.liaison }, { id: receivedId, method: "POST" })).status).toBe(409);
  });
});

// ================================================================ 每月会商

describe("每月会商 /meetings and /meeting-tasks", () => {
  let meetingId = 0;
  let taskId = 0;
  const scope = () => `park:${w.park.id}`;

  it("GET candidates: the leader gets the month's candidates with keys; staff 403, tokens 403, a bad month 422 by name", async () => {
    const res = await call(candidatesRoute.GET, { as: w.leader }, { query: `?scope=${scope()}&month=${month}` });
    expect(res.status).toBe(200);
    const body = R.agendaCandidatesSchema.parse(res.json);
    expect(body).toMatchObject({ scope: scope(), month });
    expect(body.candidates.map((c) => c.key)).toContain(`ISSUE:${overdueIssueId}`);
    expect((await call(candidatesRoute.GET, { as: w.staff }, { query: `?scope=${scope()}&month=${month}` })).status).toBe(403);
    expect((await call(candidatesRoute.GET, { token: readA }, { query: `?scope=${scope()}&month=${month}` })).status).toBe(403);
    expect((await call(candidatesRoute.GET, { as: otherLeader }, { query: `?scope=${scope()}&month=${month}` })).status).toBe(404);
    const bad = await call(candidatesRoute.GET, { as: w.leader }, { query: `?scope=${scope()}&month=2026-13` });
    expect(bad.status).toBe(422);
    expect(fields(bad.json)).toEqual([{ path: "month", message: "会商月份无效（格式 YYYY-MM）", en: "The meeting month is invalid (format YYYY-MM)" }]);
  });

  it("POST prepare: staff and tokens 403, another park 404, bad fields 422 by name; nothing written", async () => {
    const body = { scope: scope(), month, include: [`ISSUE:${overdueIssueId}`], freeItems: ["四季度招商安排"] };
    await nothingWritten(async () => {
      expect((await call(meetingsRoute.POST, { as: w.staff }, { body })).status).toBe(403);
      expect((await call(meetingsRoute.POST, { token: rwA }, { body })).status).toBe(403);
      expect((await call(meetingsRoute.POST, { as: otherLeader }, { body })).status).toBe(404);
      const bad = await call(meetingsRoute.POST, { as: w.leader }, { body: { ...body, month: "11/2026", include: ["ISSUE:abc"] } });
      expect(bad.status).toBe(422);
      expect(fieldPaths(bad.json).sort()).toEqual(["include.0", "month"]);
      const empty = await call(meetingsRoute.POST, { as: w.leader }, { body: { scope: scope(), month } });
      expect(fields(empty.json)).toEqual([{ path: "include", message: "议程至少须有一项议题", en: "The agenda needs at least one item" }]);
    });
  });

  it("POST prepare: the park leader freezes the month's agenda → 201 with Location and an audit row; a second time 409", async () => {
    const body = { scope: scope(), month, include: [`ISSUE:${overdueIssueId}`], freeItems: ["四季度招商安排"], location: "管委会三楼会议室" };
    const res = await call(meetingsRoute.POST, { as: w.leader }, { body });
    expect(res.status).toBe(201);
    meetingId = R.meetingPreparedSchema.parse(res.json).id;
    expect(res.location).toBe(`/api/v1/meetings/${meetingId}`);
    expect(await db().auditLog.count({ where: { action: "meeting.prepare", entityId: String(meetingId) } })).toBe(1);
    await nothingWritten(async () => expect((await call(meetingsRoute.POST, { as: w.leader }, { body })).status).toBe(409));
    // A decision with a follow-up task for the liaison (recorded on the page; not an API endpoint).
    const meeting = await db().meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { items: { orderBy: { position: "asc" }, select: { id: true } } } });
    await recordDecision(w.leader, { itemId: meeting.items[0].id, text: "限期接通供水", tasks: [{ title: "协调水务公司接通供水", ownerId: w.liaison.userId, workdays: 5 }] });
    taskId = (await db().meetingTask.findFirstOrThrow({ where: { meetingId }, select: { id: true } })).id;
  });

  it("GET list: the park's meetings by month and status, 422 naming bad filters; another park 404, the region 403 for park staff, liaisons and tokens 403", async () => {
    const res = await call(meetingsRoute.GET, { as: w.staff }, { query: `?park=${w.park.id}&month=${month}&status=PREPARED` });
    expect(res.status).toBe(200);
    const list = R.meetingListSchema.parse(res.json);
    expect(list.items).toEqual([expect.objectContaining({ id: meetingId, month, parkId: w.park.id, status: "PREPARED", items: 2, decisions: 1, openTasks: 1 })]);
    expect(R.meetingListSchema.parse((await call(meetingsRoute.GET, { as: w.leader })).json).items.map((m) => m.id)).toContain(meetingId);
    expect(R.meetingListSchema.parse((await call(meetingsRoute.GET, { as: w.leader }, { query: "?status=HELD" })).json).items.map((m) => m.id)).not.toContain(meetingId);
    expect(R.meetingListSchema.parse((await call(meetingsRoute.GET, { as: otherLeader })).json).items.map((m) => m.id)).not.toContain(meetingId);
    const bad = await call(meetingsRoute.GET, { as: w.leader }, { query: "?month=2026-1&status=DONE&page=0" });
    expect(bad.status).toBe(422);
    expect(fieldPaths(bad.json).sort()).toEqual(["month", "page", "status"]);
    expect(fields(bad.json).find((f) => f.path === "status")!.message).toContain("会商状态");
    expect((await call(meetingsRoute.GET, { as: otherLeader }, { query: `?park=${w.park.id}` })).status).toBe(404);
    expect((await call(meetingsRoute.GET, { as: w.staff }, { query: `?region=${w.regionId}` })).status).toBe(403);
    expect((await call(meetingsRoute.GET, { as: w.liaison })).status).toBe(403);
    expect((await call(meetingsRoute.GET, { token: readA })).status).toBe(403);
  });

  it("GET one: the agenda with its decision and task; another park 404, liaisons 403", async () => {
    const res = await call(meetingRoute.GET, { as: w.staff }, { id: meetingId });
    expect(res.status).toBe(200);
    const m = R.meetingDetailSchema.parse(res.json);
    expect(res.json).not.toHaveProperty("people");
    expect(m.items.map((i) => i.kind)).toEqual(["ISSUE", "FREE"]);
    expect(m.items[0]).toMatchObject({ issueId: overdueIssueId, decision: { text: "限期接通供水", tasks: [{ id: taskId, ownerId: w.liaison.userId, status: "OPEN" }] } });
    expect(m.canLead).toBe(false);
    expect((await call(meetingRoute.GET, { as: otherLeader }, { id: meetingId })).status).toBe(404);
    expect((await call(meetingRoute.GET, { as: w.liaison }, { id: meetingId })).status).toBe(403);
    expect((await call(meetingRoute.GET, { as: w.leader }, { id: "1.5" })).status).toBe(404);
  });

  it("POST complete: others 403, another park 404, read tokens 403, a blank note 422 by name; the owner closes it once, with an audit row", async () => {
    await nothingWritten(async () => {
      expect((await call(completeRoute.POST, { as: w.staff }, { id: taskId, body: { note: "已办" } })).status).toBe(403);
      expect((await call(completeRoute.POST, { as: w.otherStaff }, { id: taskId, body: { note: "已办" } })).status).toBe(404);
      expect((await call(completeRoute.POST, { token: readA }, { id: taskId, body: { note: "已办" } })).status).toBe(403);
      const blank = await call(completeRoute.POST, { as: w.liaison }, { id: taskId, body: { note: "" } });
      expect(blank.status).toBe(422);
      expect(fieldPaths(blank.json)).toEqual(["note"]);
      expect(fields(blank.json)[0].message).toContain("办理情况");
    });
    const res = await call(completeRoute.POST, { as: w.liaison }, { id: taskId, body: { note: "已接通供水，企业确认" } });
    expect(res.status).toBe(200);
    expect(R.meetingTaskCompletedSchema.parse(res.json)).toEqual({ id: taskId, status: "DONE" });
    expect(await db().meetingTask.findUniqueOrThrow({ where: { id: taskId }, select: { status: true, doneNote: true, doneById: true } })).toEqual({ status: "DONE", doneNote: "已接通供水，企业确认", doneById: w.liaison.userId });
    expect(await db().auditLog.count({ where: { action: "meeting.completeTask", entityId: String(taskId) } })).toBe(1);
    expect((await call(completeRoute.POST, { as: w.leader }, { id: taskId, body: { note: "再次办结" } })).status).toBe(409);
  });
});

describe("the OpenAPI document", () => {
  it("lists the rituals' endpoints with their permissions and stays a valid OpenAPI 3.1 document", async () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { "x-permission"?: string }>> };
    const expected: [string, string, string][] = [
      ["/supervisions", "get", "issue.read"],
      ["/supervisions", "post", "supervision.issue"],
      ["/supervisions/{id}", "get", "issue.read"],
      ["/supervisions/{id}/reply", "post", "issue.write"],
      ["/supervisions/{id}/review", "post", "supervision.issue"],
      ["/first-contact", "get", "issue.read"],
      ["/first-contact", "post", "issue.write"],
      ["/problems/{id}/handoff/accept", "post", "issue.write"],
      ["/meetings", "get", "meeting.read"],
      ["/meetings", "post", "meeting.lead"],
      ["/meetings/candidates", "get", "meeting.lead"],
      ["/meetings/{id}", "get", "meeting.read"],
      ["/meeting-tasks/{id}/complete", "post", "issue.write / meeting.lead"],
    ];
    for (const [path, method, permission] of expected) expect(doc.paths[path]?.[method]?.["x-permission"], `${method} ${path}`).toBe(permission);
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
  });
});
