import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { getAttachment } from "@/lib/server/attachments/get-attachment";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { parseBulletinParams } from "@/lib/validation/bulletin";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { getSupervision } from "@/lib/server/supervision/get-supervision";
import { listSupervisions } from "@/lib/server/supervision/list-supervisions";
import { openSupervisionsByProject, supervisionCountsByPark } from "@/lib/server/supervision/open-supervisions";
import { replySupervision } from "@/lib/server/supervision/reply-supervision";
import { reviewSupervision } from "@/lib/server/supervision/review-supervision";
import { makeActor, makeProject } from "../helpers/factories";
import { type IssueWorld, caught, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
// A one-page PDF: the evidence a reply carries.
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

let w: IssueWorld;
let overdueIssueId: number;
let redProjectId: number;
let greenProjectId: number;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const issue = await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.liaison.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-08-03", resolveDeadline: "2026-09-01", title: "施工用水接入" });
  overdueIssueId = issue.id;
  // Signed, planned to start in March, not started by September: the start rule is red.
  const p = await makeProject({ parkId: w.park.id, name: "超期未开工项目", signedDate: "2026-01-10" });
  await db().project.update({ where: { id: p.id }, data: { plannedStartDate: isoToDate("2026-03-01") } });
  redProjectId = p.id;
  // Signed this month, start planned for December: no rule is red.
  const g = await makeProject({ parkId: w.park.id, name: "新签约项目", signedDate: "2026-09-01" });
  await db().project.update({ where: { id: g.id }, data: { plannedStartDate: isoToDate("2026-12-01") } });
  greenProjectId = g.id;
});

describe("督办 lifecycle: issue, reply, return, reply, accept", () => {
  it("walks a letter on an overdue problem through every step with events, notifications and audit rows", async () => {
    const issued = await issueSupervision(
      w.leader,
      { issueId: overdueIssueId, recipientUserId: w.staff.userId, recipientUnit: "园区规划建设局", subject: "施工用水接入超期", requirement: "5 个工作日内完成接入并书面回复", workdays: "5" },
      "2026-09-22",
    );
    // 09-22 (Tue) + 5 working days; 09-25..27 中秋 off, 09-20 (Sun) was a workday before: 23, 24, 28, 29, 30.
    expect(issued).toMatchObject({ code: expect.stringMatching(/^DB-2026-\d{4}$/), deadline: "2026-09-30" });
    const id = issued.id;

    // Only the recipient replies.
    expect((await caught(replySupervision(w.liaison, { supervisionId: id, version: 1, note: "已处理" }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
    // No review before a reply.
    expect((await caught(reviewSupervision(w.leader, { supervisionId: id, version: 1, decision: "accept" }))).message).toContain("尚未回复");

    await replySupervision(w.staff, { supervisionId: id, version: 1, note: "已协调水务公司，预计下周接通" }, [{ fileName: "协调函.pdf", mimeType: "application/pdf", content: PDF }]);
    // The recipient cannot review their own reply.
    expect((await caught(reviewSupervision(w.staff, { supervisionId: id, version: 2, decision: "accept" }))).code).toBe("FORBIDDEN");
    // A return needs a reason, named on the field.
    const noReason = await caught(reviewSupervision(w.leader, { supervisionId: id, version: 2, decision: "return", note: " " }));
    expect(noReason.fieldErrors?.note?.[0]).toBe("请填写退回理由");
    expect(await reviewSupervision(w.leader, { supervisionId: id, version: 2, decision: "return", note: "未接通，不能销号" }, "2026-09-24")).toEqual({ version: 3, status: "RETURNED" });
    // A stale version is refused as a conflict naming who changed it.
    expect((await caught(replySupervision(w.staff, { supervisionId: id, version: 2, note: "再次回复" }))).code).toBe("CONFLICT");
    await replySupervision(w.staff, { supervisionId: id, version: 3, note: "已于 9 月 28 日接通供水" });
    // Another park leader of the park may review too.
    expect(await reviewSupervision(w.leader2, { supervisionId: id, version: 4, decision: "accept", note: "核实无误" }, "2026-09-29")).toEqual({ version: 5, status: "CLOSED" });
    expect((await caught(replySupervision(w.staff, { supervisionId: id, version: 5, note: "补充" }))).message).toContain("已销号");

    const detail = await getSupervision(w.leader, id, "2026-09-29");
    expect(detail).toMatchObject({ status: "CLOSED", closedDate: "2026-09-29", overdue: false, recipientUnit: "园区规划建设局", issue: { id: overdueIssueId } });
    expect(detail.events.map((e) => e.type)).toEqual(["ISSUED", "REPLIED", "RETURNED", "REPLIED", "ACCEPTED"]);
    expect(detail.events[1].attachments.map((a) => a.fileName)).toEqual(["协调函.pdf"]);
    // The evidence opens for the letter's readers, not for another park.
    const attachmentId = detail.events[1].attachments[0].id;
    expect((await getAttachment(w.leader2, attachmentId)).fileName).toBe("协调函.pdf");
    expect((await caught(getAttachment(w.otherStaff, attachmentId))).code).toBe("NOT_FOUND");

    const kinds = await db().notification.findMany({ where: { supervisionId: id }, orderBy: { id: "asc" }, select: { userId: true, kind: true } });
    expect(kinds).toEqual([
      { userId: w.staff.userId, kind: "SUPERVISION_ISSUED" },
      { userId: w.leader.userId, kind: "SUPERVISION_REPLIED" },
      { userId: w.staff.userId, kind: "SUPERVISION_RETURNED" },
      { userId: w.leader.userId, kind: "SUPERVISION_REPLIED" },
      { userId: w.staff.userId, kind: "SUPERVISION_CLOSED" },
    ]);
    const audit = await db().auditLog.findMany({ where: { entityType: "Supervision", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["supervision.issue", w.leader.userId],
      ["supervision.reply", w.staff.userId],
      ["supervision.return", w.leader.userId],
      ["supervision.reply", w.staff.userId],
      ["supervision.accept", w.leader2.userId],
    ]);
    expect(audit[2].after).toMatchObject({ status: "RETURNED", note: "未接通，不能销号" });
  });
});

describe("督办 permissions and refusals", () => {
  it("only leaders issue: PARK_LEADER in the park, REGION_LEADER in the region, ADMIN; staff, liaisons and other parks cannot", async () => {
    const input = { projectId: redProjectId, recipientUserId: w.liaison.userId, subject: "超期未开工", requirement: "说明原因并明确开工时间", workdays: 3 };
    expect((await caught(issueSupervision(w.staff, input, "2026-09-22"))).code).toBe("FORBIDDEN");
    expect((await caught(issueSupervision(w.otherStaff, input, "2026-09-22"))).code).toBe("NOT_FOUND");
    const otherRegionLeader = await makeActor([{ role: "REGION_LEADER", regionId: (await db().region.create({ data: { code: `R${Date.now()}`, name: `别的市州${Date.now()}` } })).id }]);
    expect((await caught(issueSupervision(otherRegionLeader, input, "2026-09-22"))).code).toBe("NOT_FOUND");
    const byRegion = await issueSupervision(w.regionLeader, input, "2026-09-22");
    // One open letter per project.
    const again = await caught(issueSupervision(w.admin, input, "2026-09-22"));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toContain(byRegion.code);
    // The region leader who issued it reviews; the liaison (recipient) sees it in their list.
    const mine = await listSupervisions(w.liaison, { mine: "1" }, "2026-09-22");
    expect(mine.items.map((r) => r.id)).toContain(byRegion.id);
  });

  it("refuses a project that is not red, a problem not overdue, a recipient outside the park and bad input, naming the field", async () => {
    const notRed = await caught(issueSupervision(w.leader, { projectId: greenProjectId, recipientUserId: w.liaison.userId, subject: "x", requirement: "y", workdays: 3 }, "2026-09-22"));
    expect(notRed.fieldErrors?.projectId?.[0]).toContain("亮红灯");
    const fresh = await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, reporterId: w.liaison.userId, raisedDate: "2026-09-10", resolveDeadline: "2026-10-20" });
    const notOverdue = await caught(issueSupervision(w.leader, { issueId: fresh.id, recipientUserId: w.liaison.userId, subject: "x", requirement: "y", workdays: 3 }, "2026-09-22"));
    expect(notOverdue.fieldErrors?.issueId?.[0]).toContain("超过办结时限");
    const stranger = await caught(issueSupervision(w.leader, { issueId: overdueIssueId, recipientUserId: w.otherStaff.userId, subject: "x", requirement: "y", workdays: 3 }, "2026-09-22"));
    expect(stranger.fieldErrors?.recipientUserId?.[0]).toBe("责任人须为本园区的在岗用户");
    const bad = await caught(issueSupervision(w.leader, { issueId: overdueIssueId, recipientUserId: "", subject: "", requirement: "y", workdays: "0" }, "2026-09-22"));
    expect(bad.fieldErrors).toMatchObject({ recipientUserId: ["请选择责任人"], subject: ["请填写督办事项"], workdays: ["办理时限至少 1 个工作日"] });
    const neither = await caught(issueSupervision(w.leader, { recipientUserId: w.liaison.userId, subject: "x", requirement: "y", workdays: 3 }, "2026-09-22"));
    expect(neither.fieldErrors?.projectId?.[0]).toContain("亮红灯的项目或一个超期的问题");
  });
});

describe("督办 lists and counts", () => {
  it("filters by status and overdue in SQL, and counts open and overdue letters per project and per park", async () => {
    const park = w.park.id;
    const overdue = await listSupervisions(w.leader, { parkId: String(park), overdue: "1" }, "2026-10-09");
    // The red project's letter (issued 09-22, 3 working days: 09-24) awaits a reply.
    expect(overdue.items.map((r) => [r.target, r.overdue])).toEqual([["项目 超期未开工项目", true]]);
    const closed = await listSupervisions(w.leader, { parkId: String(park), status: "CLOSED" }, "2026-10-09");
    expect(closed.total).toBe(1);
    expect((await caught(listSupervisions(w.leader, { status: "NOPE" }))).fieldErrors?.status?.[0]).toBe("状态无效");

    const byProject = await openSupervisionsByProject([redProjectId, w.project.id], "2026-10-09");
    expect(byProject.get(redProjectId)).toEqual({ projectId: redProjectId, open: 1, overdue: 1 });
    // The problem's letter was closed on 09-29: not open on 10-09, open (and not yet due) on 09-23.
    expect(byProject.get(w.project.id)).toBeUndefined();
    const earlier = await openSupervisionsByProject([w.project.id], "2026-09-23");
    expect(earlier.get(w.project.id)).toEqual({ projectId: w.project.id, open: 1, overdue: 0 });
    expect((await supervisionCountsByPark([park], "2026-10-09")).get(park)).toEqual({ open: 1, overdue: 1 });
    // The park's monthly bulletin counts them.
    const { params } = parseBulletinParams({ park: String(park), month: "2026-09" }, "2026-10-09");
    expect((await getBulletin(w.leader, params, "2026-10-09")).supervision).toEqual({ open: 1, overdue: 1 });
  });
});
