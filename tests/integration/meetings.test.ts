import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { buildAgenda } from "@/lib/server/meetings/build-agenda";
import { completeTask } from "@/lib/server/meetings/complete-task";
import { addAgendaItem, recordAttendance, recordDecision, removeAgendaItem } from "@/lib/server/meetings/edit-meeting";
import { MINUTES_COLUMNS, exportMinutes } from "@/lib/server/meetings/export-minutes";
import { MEETING_ITEM_KIND_LABELS, MEETING_STATUS_LABELS, monthLabel } from "@/lib/domain/meetings";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Actor } from "@/lib/domain/permissions";
import * as minutesRoute from "@/app/(app)/meetings/[id]/xlsx/route";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, getSessionActor: async () => session.actor }));
import { getMeeting } from "@/lib/server/meetings/get-meeting";
import { listDecisionsFor } from "@/lib/server/meetings/list-decisions";
import { listMeetings, listMyTasks } from "@/lib/server/meetings/list-meetings";
import { prepareMeeting } from "@/lib/server/meetings/prepare-meeting";
import { getProjectHistory } from "@/lib/server/projects/get-project-history";
import { makeProject } from "../helpers/factories";
import { jobBytes } from "../helpers/job-bytes";
import { type IssueWorld, caught, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
const TODAY = "2026-09-22";

let w: IssueWorld;
let scope: string;
const ids = { level3: 0, overdue: 0, closed: 0, calm: 0, otherParkIssue: 0, red: 0, notStarted: 0, stale: 0, green: 0 };

async function project(name: string, data: { stage?: "SIGNED" | "LANDED" | "STARTED"; status?: "ACTIVE" | "SUSPENDED"; signedDate: string; stageDate?: string; plannedStartDate?: string }, parkId = w.park.id) {
  const p = await makeProject({ parkId, name, signedDate: data.signedDate, stage: data.stage, status: data.status });
  await db().project.update({
    where: { id: p.id },
    data: { plannedStartDate: data.plannedStartDate ? isoToDate(data.plannedStartDate) : null, ...(data.stageDate ? { stageDate: isoToDate(data.stageDate) } : {}) },
  });
  return p.id;
}

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  scope = `park:${w.park.id}`;
  const base = { parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.liaison.userId, raisedDate: "2026-08-03" };
  ids.level3 = (await makeIssueRow({ ...base, level: 3, resolveDeadline: "2026-10-30", title: "用地指标协调" })).id;
  ids.overdue = (await makeIssueRow({ ...base, projectId: w.project.id, resolveDeadline: "2026-09-01", title: "施工用水接入" })).id;
  ids.closed = (await makeIssueRow({ ...base, resolveDeadline: "2026-09-01", closedDate: "2026-09-10", title: "已办结的问题" })).id;
  ids.calm = (await makeIssueRow({ ...base, resolveDeadline: "2026-10-30", title: "按期办理中的问题" })).id;
  const otherEnterprise = await db().enterprise.create({ data: { parkId: w.otherPark.id, name: "他园企业" } });
  ids.otherParkIssue = (await makeIssueRow({ ...base, parkId: w.otherPark.id, enterpriseId: otherEnterprise.id, level: 3, resolveDeadline: "2026-10-30" })).id;
  // Planned to start in March, not started: red (start rule), and also late and stale: listed once, as red.
  ids.red = await project("超期未开工项目", { signedDate: "2026-01-10", plannedStartDate: "2026-03-01" });
  // Suspended: no light, not stale, but its planned start has passed: 应开工未开工.
  ids.notStarted = await project("暂缓的应开工项目", { signedDate: "2026-06-01", plannedStartDate: "2026-08-01", status: "SUSPENDED" });
  // 落地 since December (295 days, the park allows 180): stale.
  ids.stale = await project("落地滞留项目", { stage: "LANDED", signedDate: "2025-11-01", stageDate: "2025-12-01" });
  // Signed this month, start planned for December: nothing to discuss.
  ids.green = await project("新签约项目", { signedDate: "2026-09-01", plannedStartDate: "2026-12-01" });
});

describe("agenda builder", () => {
  it("lists level-3 and overdue open problems, red, 应开工未开工 and stale projects, each project once, only the scope's", async () => {
    const { candidates } = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, "2026-09-01", TODAY);
    const byKey = new Map(candidates.map((c) => [c.key, c]));
    expect(byKey.get(`ISSUE:${ids.level3}`)?.reason).toContain("三级诉求");
    expect(byKey.get(`ISSUE:${ids.overdue}`)).toMatchObject({ kind: "ISSUE", projectId: w.project.id, issueId: ids.overdue, reason: "超过办结时限 21 天（时限 2026-09-01）" });
    expect(byKey.has(`ISSUE:${ids.closed}`)).toBe(false);
    expect(byKey.has(`ISSUE:${ids.calm}`)).toBe(false);
    expect(byKey.has(`ISSUE:${ids.otherParkIssue}`)).toBe(false);
    expect(byKey.get(`RED_PROJECT:${ids.red}`)?.reason).toContain("开工");
    expect(byKey.has(`NOT_STARTED:${ids.red}`)).toBe(false);
    expect(byKey.has(`STALE_PROJECT:${ids.red}`)).toBe(false);
    expect(byKey.get(`NOT_STARTED:${ids.notStarted}`)?.reason).toBe("计划开工 2026-08-01，已过 52 天仍在签约阶段");
    expect(byKey.get(`STALE_PROJECT:${ids.stale}`)?.reason).toBe("在落地阶段已 295 天（园区规定 180 天）");
    expect([...byKey.keys()].some((k) => k.endsWith(`:${ids.green}`) && !k.startsWith("ISSUE") && !k.startsWith("FOLLOW_UP"))).toBe(false);
  });

  it("is for the scope's leaders only", async () => {
    expect((await caught(buildAgenda(w.staff, { kind: "park", id: w.park.id }, "2026-09-01", TODAY))).code).toBe("FORBIDDEN");
    expect((await caught(buildAgenda(w.liaison, { kind: "park", id: w.park.id }, "2026-09-01", TODAY))).code).toBe("FORBIDDEN");
    expect((await caught(buildAgenda(w.otherStaff, { kind: "park", id: w.park.id }, "2026-09-01", TODAY))).code).toBe("NOT_FOUND");
    // A park leader does not lead the region's meeting; the region leader does, over all its parks.
    expect((await caught(buildAgenda(w.leader, { kind: "region", id: w.regionId }, "2026-09-01", TODAY))).code).toBe("FORBIDDEN");
    const region = await buildAgenda(w.regionLeader, { kind: "region", id: w.regionId }, "2026-09-01", TODAY);
    expect(region.candidates.map((c) => c.key)).toEqual(expect.arrayContaining([`ISSUE:${ids.level3}`, `ISSUE:${ids.otherParkIssue}`]));
  });
});

describe("a meeting from preparation to closed follow-ups", () => {
  let meetingId = 0;
  let redItemId = 0;
  let issueItemId = 0;
  let doneTaskId = 0;
  let openTaskId = 0;

  it("freezes the chosen candidates and free items; one meeting per scope and month", async () => {
    const { candidates } = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, "2026-09-01", TODAY);
    const include = candidates.filter((c) => c.key !== `STALE_PROJECT:${ids.stale}`).map((c) => c.key);
    const bad = await caught(prepareMeeting(w.leader, { scope, month: "2026-13", include }, TODAY));
    expect(bad.fieldErrors?.month?.[0]).toBe("会商月份无效（格式 YYYY-MM）");
    const unknown = await caught(prepareMeeting(w.leader, { scope, month: "2026-09", include: [`ISSUE:${ids.calm}`] }, TODAY));
    expect(unknown.fieldErrors?.include?.[0]).toContain("已不在候选范围");
    expect((await caught(prepareMeeting(w.staff, { scope, month: "2026-09", include }, TODAY))).code).toBe("FORBIDDEN");

    const { id } = await prepareMeeting(w.leader, { scope, month: "2026-09", include, freeItems: ["园区道路建设协调", " "], location: "管委会三楼会议室" }, TODAY);
    meetingId = id;
    expect((await caught(prepareMeeting(w.leader2, { scope, month: "2026-09", include }, TODAY))).code).toBe("CONFLICT");

    const m = await getMeeting(w.leader, id, TODAY);
    expect(m.items.map((i) => i.kind)).toEqual([...candidates.filter((c) => include.includes(c.key)).map((c) => c.kind), "FREE"]);
    expect(m.items.at(-1)).toMatchObject({ title: "园区道路建设协调", projectId: null, issueId: null });
    expect(m.items.some((i) => i.projectId === ids.stale)).toBe(false);
    redItemId = m.items.find((i) => i.kind === "RED_PROJECT" && i.projectId === ids.red)!.id;
    issueItemId = m.items.find((i) => i.issueId === ids.overdue)!.id;
    expect(m).toMatchObject({ status: "PREPARED", location: "管委会三楼会议室", canLead: true, title: expect.stringContaining("2026 年 9 月") });
    const audit = await db().auditLog.findFirst({ where: { entityType: "Meeting", entityId: String(id), action: "meeting.prepare" } });
    expect(audit?.actorId).toBe(w.leader.userId);

    // The record changes afterwards; the agenda does not.
    await db().enterpriseIssue.update({ where: { id: ids.overdue }, data: { level: 2 } });
    await db().enterpriseIssue.update({ where: { id: ids.level3 }, data: { status: "CLOSED", closedDate: isoToDate(TODAY) } });
    expect((await getMeeting(w.leader, id, TODAY)).items.map((i) => i.id)).toEqual(m.items.map((i) => i.id));
    // Staff read it but do not lead it; another park's staff do not see it.
    expect((await getMeeting(w.staff, id, TODAY)).canLead).toBe(false);
    expect((await caught(getMeeting(w.otherStaff, id, TODAY))).code).toBe("NOT_FOUND");
    expect((await caught(getMeeting(w.liaison, id, TODAY))).code).toBe("FORBIDDEN");
    expect((await listMeetings(w.staff, scope)).rows.map((r) => r.id)).toEqual([id]);
  });

  it("adds and removes items before the meeting (leaders only)", async () => {
    expect((await caught(addAgendaItem(w.staff, { meetingId, title: "临时议题" }))).code).toBe("FORBIDDEN");
    const empty = await caught(addAgendaItem(w.leader, { meetingId, title: "  " }));
    expect(empty.fieldErrors?.title?.[0]).toBe("请填写议题名称");
    const { id: itemId } = await addAgendaItem(w.leader, { meetingId, title: "临时议题" });
    expect((await getMeeting(w.leader, meetingId, TODAY)).items.at(-1)).toMatchObject({ id: itemId, kind: "FREE", title: "临时议题" });
    await removeAgendaItem(w.leader2, { itemId });
    expect((await getMeeting(w.leader, meetingId, TODAY)).items.some((i) => i.id === itemId)).toBe(false);
    const actions = await db().auditLog.findMany({ where: { entityType: "Meeting", entityId: String(meetingId) }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["meeting.prepare", "meeting.addItem", "meeting.removeItem"]);
  });

  it("records decisions with tasks: owners of the scope, deadlines in working days, one decision per item, audited", async () => {
    const outsider = await caught(recordDecision(w.leader, { itemId: redItemId, text: "限期开工", tasks: [{ title: "办理施工许可", ownerId: w.otherStaff.userId, workdays: 5 }] }, TODAY));
    expect(outsider.fieldErrors?.["tasks.0.ownerId"]?.[0]).toContain("的在岗用户");
    const tooLong = await caught(recordDecision(w.leader, { itemId: redItemId, text: "限期开工", tasks: [{ title: "办理施工许可", ownerId: w.staff.userId, workdays: 0 }] }, TODAY));
    expect(tooLong.fieldErrors?.["tasks.0.workdays"]?.[0]).toBe("办理时限至少 1 个工作日");
    expect((await caught(recordDecision(w.staff, { itemId: redItemId, text: "限期开工", tasks: [] }, TODAY))).code).toBe("FORBIDDEN");

    // 09-22 (Tue) + 5 working days, 中秋 09-25..27 off: 23, 24, 28, 29, 30.
    const decided = await recordDecision(
      w.leader,
      { itemId: redItemId, text: "责成规划建设局十个工作日内完成施工许可，企业十月底前开工", tasks: [{ title: "办理施工许可", ownerId: w.staff.userId, workdays: "5" }, { title: "督促企业进场", ownerId: w.liaison.userId, workdays: 10 }] },
      TODAY,
    );
    expect(decided.deadlines).toEqual(["2026-09-30", "2026-10-13"]);
    expect((await caught(recordDecision(w.leader, { itemId: redItemId, text: "再议", tasks: [] }, TODAY))).code).toBe("CONFLICT");
    await recordDecision(w.leader, { itemId: issueItemId, text: "水务公司本月内接通", tasks: [{ title: "协调水务公司", ownerId: w.leader2.userId, workdays: 3 }] }, TODAY);

    const m = await getMeeting(w.leader, meetingId, TODAY);
    const tasks = m.items.find((i) => i.id === redItemId)!.decision!.tasks;
    expect(tasks.map((t) => [t.title, t.deadline, t.status, t.overdue])).toEqual([
      ["办理施工许可", "2026-09-30", "OPEN", false],
      ["督促企业进场", "2026-10-13", "OPEN", false],
    ]);
    doneTaskId = tasks[0].id;
    openTaskId = tasks[1].id;
    const stored = await db().meetingTask.findUniqueOrThrow({ where: { id: doneTaskId } });
    expect(stored).toMatchObject({ projectId: ids.red, parkId: w.park.id, workdays: 5 });
    const audit = await db().auditLog.findFirst({ where: { entityType: "Meeting", entityId: String(meetingId), action: "meeting.decide" }, orderBy: { id: "asc" } });
    expect(audit?.after).toMatchObject({ itemId: redItemId, tasks: [{ deadline: "2026-09-30" }, { deadline: "2026-10-13" }] });
  });

  it("shows decisions on the project's timeline and the problem's", async () => {
    const history = await getProjectHistory(w.leader, ids.red);
    const entry = history.find((e) => e.kind === "decision");
    expect(entry).toMatchObject({ kind: "decision", decision: { meetingId, text: expect.stringContaining("十月底前开工"), meetingLink: `/meetings/${meetingId}` } });
    if (entry?.kind === "decision") expect(entry.decision.tasks.map((t) => t.title)).toEqual(["办理施工许可", "督促企业进场"]);
    const onIssue = await listDecisionsFor(w.liaison, { issueId: ids.overdue }, TODAY);
    // The liaison reads the problem but not meetings: the entry, without a link.
    expect(onIssue).toMatchObject([{ text: "水务公司本月内接通", meetingLink: null, tasks: [{ title: "协调水务公司", deadline: "2026-09-28" }] }]);
    expect(await listDecisionsFor(w.leader, { projectId: ids.green }, TODAY)).toEqual([]);
  });

  it("marks tasks overdue past the deadline and closes them by their owner or a leader", async () => {
    const late = await getMeeting(w.leader, meetingId, "2026-10-09");
    const t = late.items.find((i) => i.id === redItemId)!.decision!.tasks[0];
    expect(t).toMatchObject({ overdue: true, stateLabel: "已超期" });
    const mine = await listMyTasks(w.staff, {}, "2026-10-09");
    expect(mine).toMatchObject({ total: 1, overdue: 1, rows: [{ id: doneTaskId, projectId: ids.red, meetingId }] });

    // Not the owner's, not a leader: refused. Owner: closed with the note. Twice: refused.
    expect((await caught(completeTask(w.liaison, { taskId: doneTaskId, note: "已办" }, "2026-10-09"))).code).toBe("FORBIDDEN");
    expect((await caught(completeTask(w.otherStaff, { taskId: doneTaskId, note: "已办" }, "2026-10-09"))).code).toBe("NOT_FOUND");
    const noNote = await caught(completeTask(w.staff, { taskId: doneTaskId, note: "" }, "2026-10-09"));
    expect(noNote.fieldErrors?.note?.[0]).toBe("请填写办理情况");
    await completeTask(w.staff, { taskId: doneTaskId, note: "施工许可证已核发" }, "2026-10-09");
    expect((await caught(completeTask(w.staff, { taskId: doneTaskId, note: "再办" }, "2026-10-09"))).code).toBe("CONFLICT");
    const done = (await getMeeting(w.leader, meetingId, "2026-10-20")).items.find((i) => i.id === redItemId)!.decision!.tasks[0];
    expect(done).toMatchObject({ status: "DONE", doneDate: "2026-10-09", doneNote: "施工许可证已核发", overdue: false, stateLabel: "已完成（超期）" });
    expect(await db().auditLog.count({ where: { entityType: "MeetingTask", entityId: String(doneTaskId), action: "meeting.completeTask", actorId: w.staff.userId } })).toBe(1);
    expect((await listMyTasks(w.staff, { status: "DONE" }, "2026-10-20")).rows.map((r) => r.id)).toEqual([doneTaskId]);
    expect((await listMyTasks(w.staff, {}, "2026-10-20")).total).toBe(0);
  });

  it("records attendees (people of the park and others) and marks the meeting held; the agenda is then closed", async () => {
    const outsider = await caught(recordAttendance(w.leader, { meetingId, meetingDate: "2026-09-22", userIds: [w.otherStaff.userId] }));
    expect(outsider.fieldErrors?.userIds?.[0]).toContain("在岗用户");
    await recordAttendance(w.leader, { meetingId, meetingDate: "2026-09-22", userIds: [w.leader.userId, w.staff.userId], external: [{ name: "王局长", unit: "市自然资源局" }] });
    const m = await getMeeting(w.leader, meetingId, TODAY);
    expect(m.status).toBe("HELD");
    expect(m.meetingDate).toBe("2026-09-22");
    expect(m.attendees).toHaveLength(3);
    expect(m.attendees.at(-1)).toEqual({ userId: null, name: "王局长", unit: "市自然资源局" });
    expect((await caught(addAgendaItem(w.leader, { meetingId, title: "迟到的议题" }))).code).toBe("CONFLICT");
  });

  it("carries open follow-ups into the scope's next meetings", async () => {
    const october = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, "2026-10-01", "2026-10-20");
    const followUps = october.candidates.filter((c) => c.kind === "FOLLOW_UP");
    expect(followUps.map((c) => c.taskId)).toEqual(expect.arrayContaining([openTaskId]));
    expect(followUps.some((c) => c.taskId === doneTaskId)).toBe(false);
    expect(followUps.find((c) => c.taskId === openTaskId)).toMatchObject({ projectId: ids.red, reason: expect.stringContaining("2026 年 9 月会商议定") });
    expect(followUps.find((c) => c.taskId === openTaskId)?.reason).toContain("已超期");
    // Not into the same month, nor into another scope's agenda.
    const september = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, "2026-09-01", "2026-10-20");
    expect(september.candidates.some((c) => c.kind === "FOLLOW_UP")).toBe(false);
    const region = await buildAgenda(w.regionLeader, { kind: "region", id: w.regionId }, "2026-10-01", "2026-10-20");
    expect(region.candidates.some((c) => c.kind === "FOLLOW_UP")).toBe(false);

    // October's meeting takes the follow-up; a decision on it belongs to the same project.
    const { id } = await prepareMeeting(w.leader, { scope, month: "2026-10", include: [`FOLLOW_UP:${openTaskId}`] }, "2026-10-20");
    const item = (await getMeeting(w.leader, id, "2026-10-20")).items[0];
    expect(item).toMatchObject({ kind: "FOLLOW_UP", carriedTaskId: openTaskId, projectId: ids.red });
    await recordDecision(w.leader, { itemId: item.id, text: "企业已进场，继续跟踪", tasks: [] }, "2026-10-20");
    expect((await getProjectHistory(w.leader, ids.red)).filter((e) => e.kind === "decision")).toHaveLength(2);
  });

  it("exports the minutes as .xlsx", async () => {
    const job = await exportMinutes(w.leader, meetingId, TODAY);
    expect(job.fileName).toBe(`会议纪要-${(await db().park.findUniqueOrThrow({ where: { id: w.park.id } })).name}-2026-09.xlsx`);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await jobBytes(job)) as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain("办理施工许可");
    expect(text).toContain("水务公司本月内接通");
    expect(text).toContain("王局长");
  });

  it("exports the minutes in English on request: sheet, title words, headers, topic types and task states; the same cells otherwise", async () => {
    // The Chinese words are the ones the export always wrote (the domain's labels).
    expect(Object.entries(MESSAGES["zh-CN"].meetings.minutesExport.columns)).toEqual(MINUTES_COLUMNS.map((c) => [c.key, c.header]));
    expect(MESSAGES["zh-CN"].meetings.kind).toEqual(MEETING_ITEM_KIND_LABELS);
    expect(MESSAGES["zh-CN"].meetings.status).toEqual(MEETING_STATUS_LABELS);
    const read = async (job: Awaited<ReturnType<typeof exportMinutes>>) => {
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await jobBytes(job)) as unknown as ArrayBuffer);
      return wb.worksheets[0];
    };
    const zhJob = await exportMinutes(w.leader, meetingId, TODAY);
    const zh = await read(zhJob);
    const m = await getMeeting(w.leader, meetingId, TODAY);
    expect(zh.name).toBe("会议纪要");
    expect((zh.getRow(3).values as unknown[]).slice(1)).toEqual(MINUTES_COLUMNS.map((c) => c.header));
    const attendees = m.attendees.map((a) => (a.unit ? `${a.name}（${a.unit}）` : a.name)).join("、");
    expect(String(zh.getCell("A1").value)).toBe(`${m.title} · ${monthLabel(m.month)} · ${MEETING_STATUS_LABELS[m.status]}${m.meetingDate ? ` · ${m.meetingDate}` : ""}${attendees ? ` · 参会：${attendees}` : ""}`);
    expect(String(zh.getCell("A2").value)).toMatch(/^导出时间：.+（北京时间）　导出人：.+　金额单位：万元$/);
    const zhStates = zh.getSheetValues().slice(4).map((r) => (r as unknown[])[9] ?? null);
    const expectedStates = m.items.flatMap((it) => ((it.decision?.tasks.length ?? 0) === 0 ? [null] : it.decision!.tasks.map((t) => t.stateLabel)));
    expect(zhStates).toEqual(expectedStates);

    const job = await exportMinutes(w.leader, meetingId, TODAY, "en");
    const scopeName = (await db().park.findUniqueOrThrow({ where: { id: w.park.id } })).name;
    expect(job.fileName).toBe(`meeting-minutes-${scopeName}-2026-09.xlsx`);
    const en = await read(job);
    expect(en.name).toBe("Meeting minutes");
    const head = (en.getRow(3).values as unknown[]).slice(1);
    expect(head).toEqual(["No.", "Topic type", "Topic", "Reason on agenda", "Decision", "Follow-up task", "Owner", "Deadline", "Status", "Outcome"]);
    const a1 = String(en.getCell("A1").value);
    expect(a1.startsWith(`${m.title} · Sep 2026 · ${MESSAGES.en.meetings.status[m.status]}`)).toBe(true);
    if (attendees) expect(a1).toContain(" · attendees: ");
    expect(a1).not.toContain("参会");
    expect(String(en.getCell("A2").value)).toMatch(/^Exported \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} \(Beijing time\) by .+$/);
    const rowsZh = zh.getSheetValues().slice(4) as unknown[][];
    const rowsEn = en.getSheetValues().slice(4) as unknown[][];
    expect(rowsEn).toHaveLength(rowsZh.length);
    const kinds = new Map(Object.entries(MEETING_ITEM_KIND_LABELS).map(([k, v]) => [v, MESSAGES.en.meetings.kind[k as keyof typeof MEETING_ITEM_KIND_LABELS]]));
    const states = new Map(Object.keys(MESSAGES["zh-CN"].meetings.taskState).map((k) => [MESSAGES["zh-CN"].meetings.taskState[k as "open"], MESSAGES.en.meetings.taskState[k as "open"]]));
    rowsZh.forEach((r, i) => {
      expect(rowsEn[i][2]).toBe(kinds.get(String(r[2])));
      expect(rowsEn[i][9] ?? null).toBe(r[9] ? states.get(String(r[9])) : null);
      // Number, topic, decision, task, owner, deadline and outcome: the same cells.
      for (const c of [1, 3, 5, 6, 7, 8, 10]) expect(rowsEn[i][c]).toEqual(r[c]);
    });
    expect(rowsEn.some((r) => r[9] !== undefined && r[9] !== null)).toBe(true);

    session.actor = w.leader;
    const ctx = { params: Promise.resolve({ id: String(meetingId) }) };
    const refused = await minutesRoute.GET(new Request(`http://localhost/meetings/${meetingId}/xlsx?lang=fr`), ctx);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("导出语言 lang 须为 zh-CN 或 en");
    const download = await minutesRoute.GET(new Request(`http://localhost/meetings/${meetingId}/xlsx?lang=en`), ctx);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain(encodeURIComponent(`meeting-minutes-${scopeName}-2026-09.xlsx`));
    await download.arrayBuffer();
    session.actor = null;
  });
});
