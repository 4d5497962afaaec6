// Published bulletins (定稿通报, docs/bulletins.md): publishing freezes the figures and the
// projects behind them; a later edit leaves them as published while the live figures move
// and the notice names the project; a second publication is refused, a corrected version
// supersedes (both kept); who may publish what; and closing the months: filing a closed
// month is refused, a correction request approved by the park leader goes through and is
// listed in the next bulletin's 更正说明.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/server/errors";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { bulletinWorkbook } from "@/lib/server/bulletin/bulletin-workbook";
import { compareWithLive } from "@/lib/server/bulletin/compare-published";
import { listCorrectionNotes } from "@/lib/server/bulletin/bulletin-corrections";
import { publishBulletin } from "@/lib/server/bulletin/publish-bulletin";
import { currentPublishedBulletin, getPublishedBulletin, listPublishedBulletins } from "@/lib/server/bulletin/published-bulletin";
import { loadClosedMonths } from "@/lib/server/progress/closed-months";
import { decideProgressCorrection } from "@/lib/server/progress/decide-progress-correction";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";
import { listProgressCorrections, pendingCorrections } from "@/lib/server/progress/list-progress-corrections";
import { listProgressReports } from "@/lib/server/progress/list-progress-reports";
import { requestProgressCorrection } from "@/lib/server/progress/request-progress-correction";
import { patchProject } from "@/lib/server/projects/patch-project";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";

// November is over on this day, so October and November may be published and filed.
const TODAY = "2026-12-10";

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));
async function refused(work: Promise<unknown>, expected: AppError["code"], message?: RegExp): Promise<AppError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(code(e), String(e)).toBe(expected);
  if (message) expect((e as AppError).message).toMatch(message);
  return e as AppError;
}

let regionId: number;
let parkA: number;
let parkB: number;
let otherRegionPark: number;
let leaderA: Actor;
let leaderB: Actor;
let staffA: Actor;
let liaisonA: Actor;
let regionLeader: Actor;
let admin: Actor;
/** Started in March, in the year's plan, monthly reports March..October. */
let started: { id: number };
/** Signed in May, not started. */
let signed: { id: number };
/** In park A, signed in 2024: behind no October figure. */
let bystander: { id: number };

async function startedProject(parkId: number, signedDate: string, start: string) {
  const p = await makeProject({ parkId, stage: "STARTED", signedDate });
  await getDb().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate(start), stageDate: isoToDate(start), plannedStartDate: isoToDate(start) } });
  return p;
}

beforeAll(async () => {
  const region = await makeRegion();
  const other = await makeRegion();
  regionId = region.id;
  const [a, b, c] = await Promise.all([makePark(region.id), makePark(region.id), makePark(other.id)]);
  parkA = a.id;
  parkB = b.id;
  otherRegionPark = c.id;
  [leaderA, leaderB, staffA, liaisonA, regionLeader, admin] = await Promise.all([
    makeActor([{ role: "PARK_LEADER", parkId: parkA }]),
    makeActor([{ role: "PARK_LEADER", parkId: parkB }]),
    makeActor([{ role: "PARK_STAFF", parkId: parkA }]),
    makeActor([{ role: "LIAISON", parkId: parkA }]),
    makeActor([{ role: "REGION_LEADER", regionId: region.id }]),
    makeActor([{ role: "ADMIN" }]),
  ]);
  const db = getDb();
  started = await startedProject(parkA, "2026-02-01", "2026-03-01");
  signed = await makeProject({ parkId: parkA, signedDate: "2026-05-10" });
  bystander = await makeProject({ parkId: parkA, signedDate: "2024-04-01" });
  await makeProject({ parkId: parkB, signedDate: "2026-01-20" });
  await makeProject({ parkId: otherRegionPark, signedDate: "2026-01-20" });
  await db.projectYearPlan.create({ data: { projectId: started.id, year: 2026, plannedInvestment: "1200.00", planStart: true } });
  await db.progressReport.createMany({
    data: [3, 4, 5, 6, 7, 8, 9, 10].map((month) => ({
      projectId: started.id,
      year: 2026,
      month,
      investmentCompleted: "100.00",
      fundsArrived: "50.00",
      imageProgress: `${month}月形象进度`,
      filedById: staffA.userId,
    })),
  });
});

let october: { id: number };

describe("publishing a bulletin", () => {
  it("freezes every figure, the ranking and the projects behind each figure, and audits it", async () => {
    const live = await getBulletin(leaderA, { month: { year: 2026, month: 10 }, park: parkA, rank: "investmentYear" }, TODAY);
    october = await publishBulletin(leaderA, { park: parkA, month: "2026-10", rank: "investmentYear" }, TODAY);
    const b = await getPublishedBulletin(leaderA, october.id);
    expect(b).toMatchObject({ scope: { park: parkA }, year: 2026, month: 10, revision: 1, publishedBy: { id: leaderA.userId }, supersedes: null, supersededBy: null, canSupersede: true });
    expect(b.content.counts).toEqual(live.counts);
    expect(b.content.indicators).toEqual(live.indicators);
    expect(b.content.ranking.map((r) => r.row.parkId)).toEqual([parkA]);
    expect(b.content.counts.signed).toBe(2);
    expect(b.content.counts.yearCompleted).toBe("800.00");
    // The projects behind each figure, as the drill-down lists them, agree with the counts.
    expect(b.figures["cohort.signed"]).toEqual([started.id, signed.id].sort((x, y) => x - y));
    expect(b.figures["cohort.started"]).toEqual([started.id]);
    expect(b.figures["plan.all"]).toEqual([started.id]);
    expect(b.figures["cohort.landed"]?.length).toBe(b.content.counts.landed);
    expect(b.parkIds).toEqual([parkA]);
    // Nothing has changed since: no notice.
    expect(await compareWithLive(leaderA, b, undefined, TODAY)).toBeNull();
    const audit = await getDb().auditLog.findMany({ where: { entityType: "PublishedBulletin", entityId: String(october.id) } });
    expect(audit.map((a) => [a.action, a.actorId, a.parkId])).toEqual([["bulletin.publish", leaderA.userId, parkA]]);
    expect(await currentPublishedBulletin(staffA, { park: parkA }, { year: 2026, month: 10 })).toMatchObject({ id: october.id });
  });

  it("an edit afterwards leaves the published figures as they were; the live ones differ and the notice lists the project", async () => {
    const { version } = await getDb().project.findUniqueOrThrow({ where: { id: signed.id }, select: { version: true } });
    // Re-dated into 2025: it leaves the 2026 signing cohort.
    await patchProject(staffA, signed.id, { version, signedDate: "2025-12-20" });

    const b = await getPublishedBulletin(leaderA, october.id);
    expect(b.content.counts.signed).toBe(2);
    expect(b.figures["cohort.signed"]).toContain(signed.id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bulletinWorkbook(b.content, { corrections: b.content.corrections, published: b })) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet("主要指标")!;
    const signedRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === "签约项目（个）")!;
    expect(signedRow.getCell(3).value).toBe(2);
    expect(String(summary.getRow(2).getCell(1).value)).toContain("定稿");

    const live = await getBulletin(leaderA, { month: { year: 2026, month: 10 }, park: parkA, rank: "investmentYear" }, TODAY);
    expect(live.counts.signed).toBe(1);
    const diff = await compareWithLive(leaderA, b, live, TODAY);
    expect(diff).not.toBeNull();
    expect(diff!.counts).toContainEqual({ key: "signed", label: "签约项目数", published: "2", live: "1" });
    expect(diff!.figures.find((f) => f.metric === "cohort.signed")).toMatchObject({ entered: 0, left: 1 });
    const item = diff!.projects.items.find((p) => p.id === signed.id);
    expect(item).toBeDefined();
    expect(item!.left).toContain("签约项目");
    expect(item!.recordChangedAt).not.toBeNull();
    // Projects behind no figure, or unchanged, are not listed.
    expect(diff!.projects.items.map((p) => p.id)).not.toContain(bystander.id);
    expect(diff!.projects.items.map((p) => p.id)).not.toContain(started.id);
    expect(diff!.parks).toEqual([{ parkId: parkA, parkName: live.scopeName }]);
  });

  it("refuses to publish the same month and scope again; a corrected version supersedes it and both are kept", async () => {
    const before = await getDb().publishedBulletin.count();
    await refused(publishBulletin(leaderA, { park: parkA, month: "2026-10" }, TODAY), "CONFLICT", /已于 .+ 定稿发布（第 1 版），不能重复发布/);
    const noReason = await refused(publishBulletin(leaderA, { park: parkA, month: "2026-10", supersedes: october.id }, TODAY), "VALIDATION");
    expect(noReason.fieldErrors).toEqual({ reason: ["请填写更正原因"] });
    await refused(publishBulletin(leaderA, { park: parkA, month: "2026-09", supersedes: october.id, reason: "x" }, TODAY), "VALIDATION", /须为同一月份/);
    expect(await getDb().publishedBulletin.count()).toBe(before);

    const corrected = await publishBulletin(leaderA, { park: parkA, month: "2026-10", supersedes: october.id, reason: "项目签约日期录入有误，已更正" }, TODAY);
    expect(corrected).toMatchObject({ revision: 2, supersededId: october.id });
    const old = await getPublishedBulletin(leaderA, october.id);
    const fresh = await getPublishedBulletin(leaderA, corrected.id);
    expect(old.supersededBy).toMatchObject({ id: corrected.id, revision: 2, correctionReason: "项目签约日期录入有误，已更正" });
    expect(old.canSupersede).toBe(false);
    expect(old.content.counts.signed).toBe(2); // the old version is kept as it was
    expect(fresh).toMatchObject({ revision: 2, supersedes: { id: october.id, revision: 1 }, correctionReason: "项目签约日期录入有误，已更正" });
    expect(fresh.content.counts.signed).toBe(1);
    expect(await compareWithLive(leaderA, fresh, undefined, TODAY)).toBeNull();
    // Only the newest version may be corrected.
    await refused(publishBulletin(leaderA, { park: parkA, month: "2026-10", supersedes: october.id, reason: "再次更正" }, TODAY), "CONFLICT", /已被更正版取代/);
    expect((await currentPublishedBulletin(leaderA, { park: parkA }, { year: 2026, month: 10 }))?.id).toBe(corrected.id);

    const list = await listPublishedBulletins(leaderA, { park: parkA });
    expect(list.rows.map((r) => [r.id, r.revision])).toEqual([
      [corrected.id, 2],
      [october.id, 1],
    ]);
    expect(list.total).toBe(2);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityType: "PublishedBulletin", entityId: String(corrected.id) } });
    expect(audit).toMatchObject({ action: "bulletin.supersede", actorId: leaderA.userId, parkId: parkA, before: { bulletinId: october.id, revision: 1 } });
    october = corrected;
  });

  it("only a park's leaders publish the park, only region leaders and administrators the region; API tokens never", async () => {
    const before = await getDb().publishedBulletin.count();
    await refused(publishBulletin(staffA, { park: parkA, month: "2026-09" }, TODAY), "FORBIDDEN", /园区领导/);
    await refused(publishBulletin(liaisonA, { park: parkA, month: "2026-09" }, TODAY), "FORBIDDEN");
    await refused(publishBulletin(leaderA, { region: regionId, month: "2026-09" }, TODAY), "FORBIDDEN", /市州领导或系统管理员/);
    await refused(publishBulletin(leaderB, { park: parkA, month: "2026-09" }, TODAY), "NOT_FOUND");
    await refused(publishBulletin(regionLeader, { park: parkA, month: "2026-09" }, TODAY), "FORBIDDEN", /园区领导/);
    const token: Actor = { ...regionLeader, grants: ["park.read", "project.read", "dashboard.read", "project.write", "progress.file", "issue.write", "issue.read"] };
    await refused(publishBulletin(token, { region: regionId, month: "2026-09" }, TODAY), "FORBIDDEN");
    // Bad input names the field and the rule.
    const both = await refused(publishBulletin(leaderA, { park: parkA, region: regionId, month: "2026-09" }, TODAY), "VALIDATION");
    expect(Object.values(both.fieldErrors ?? {}).flat()).toContain("请选择一个园区或一个市州（二者选一）作为通报范围");
    const future = await refused(publishBulletin(leaderA, { park: parkA, month: "2099-01" }, TODAY), "VALIDATION");
    expect(future.fieldErrors).toEqual({ month: ["通报月份须为已结束的月份"] });
    expect((await refused(publishBulletin(leaderA, { park: parkA }, TODAY), "VALIDATION")).fieldErrors).toEqual({ month: ["请选择通报月份"] });
    expect(await getDb().publishedBulletin.count()).toBe(before);

    const regional = await publishBulletin(regionLeader, { region: regionId, month: "2026-09", rank: "startCohort" }, TODAY);
    const b = await getPublishedBulletin(regionLeader, regional.id);
    expect(b.parkIds.sort()).toEqual([parkA, parkB].sort());
    expect(b.content.ranking).toHaveLength(2);
    // One audit row per park covered: each park's log shows it.
    expect((await getDb().auditLog.findMany({ where: { entityType: "PublishedBulletin", entityId: String(regional.id) } })).map((a) => a.parkId).sort()).toEqual([parkA, parkB].sort());
    // A park leader of one of its parks does not read the whole region's bulletin; the other region's leader neither.
    await refused(getPublishedBulletin(leaderA, regional.id), "NOT_FOUND");
    expect((await listPublishedBulletins(leaderA, {})).rows.map((r) => r.id)).not.toContain(regional.id);
    expect((await listPublishedBulletins(admin, { region: regionId })).rows.map((r) => r.id)).toEqual([regional.id]);
    // A park of another region is simply not there for a region leader.
    await refused(publishBulletin(regionLeader, { park: otherRegionPark, month: "2026-09" }, TODAY), "NOT_FOUND");
    // An archived park takes no new bulletin.
    const archived = await makePark(regionId);
    const archivedLeader = await makeActor([{ role: "PARK_LEADER", parkId: archived.id }]);
    await getDb().park.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const e = await refused(publishBulletin(archivedLeader, { park: archived.id, month: "2026-09" }, TODAY), "VALIDATION", /已归档，不能再定稿发布通报/);
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["park"]);
  });
});

describe("closing a period", () => {
  it("refuses filing or correcting a closed month, by every park the bulletin covered; later months stay open", async () => {
    const { version } = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 10 } }, select: { version: true } });
    const e = await refused(
      fileProgressReport(staffA, { projectId: started.id, year: 2026, month: 10, investmentCompleted: "150", fundsArrived: "50", imageProgress: "设备安装", version }, TODAY),
      "VALIDATION",
    );
    expect(e.fieldErrors?.month?.[0]).toMatch(/^2026年10月已随《.+2026年10月项目推进情况通报》定稿发布，月报已关闭/);
    // Park B's September was closed by the region's bulletin, its October is open.
    const inB = await startedProject(parkB, "2026-02-01", "2026-04-01");
    const staffB = await makeActor([{ role: "PARK_STAFF", parkId: parkB }]);
    const sept = { projectId: inB.id, year: 2026, month: 9, investmentCompleted: "10", fundsArrived: "0", imageProgress: "x" };
    await refused(fileProgressReport(staffB, sept, TODAY), "VALIDATION", /^2026年9月已随《.+2026年9月项目推进情况通报》定稿发布/);
    expect((await fileProgressReport(staffB, { ...sept, month: 10 }, TODAY)).created).toBe(true);
    const closed = await loadClosedMonths(getDb(), [parkA, parkB, otherRegionPark]);
    expect(closed.closedThrough(parkA)).toEqual({ year: 2026, month: 10 });
    expect(closed.closedThrough(parkB)).toEqual({ year: 2026, month: 9 });
    expect(closed.closedThrough(otherRegionPark)).toBeNull();
    expect(closed.problem(parkB, { year: 2026, month: 10 })).toBeNull();
    // November is not covered: filed as usual.
    const nov = await fileProgressReport(staffA, { projectId: started.id, year: 2026, month: 11, investmentCompleted: "100", fundsArrived: "40", imageProgress: "11月形象进度" }, TODAY);
    expect(nov.created).toBe(true);
    const report = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 10 } }, select: { investmentCompleted: true, version: true } });
    expect([report.investmentCompleted.toFixed(2), report.version]).toEqual(["100.00", version]);
  });

  it("a correction request approved by the park leader goes through and is listed in the next bulletin's 更正说明", async () => {
    const { version } = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 10 } }, select: { version: true } });
    const input = { projectId: started.id, year: 2026, month: 10, investmentCompleted: "180", fundsArrived: "50", imageProgress: "设备安装完成", version, reason: "10月漏报设备采购款 80 万元" };
    // An open month needs no request; the same figures need no correction; a reason is required.
    await refused(requestProgressCorrection(staffA, { ...input, month: 11, version: 1 }, TODAY), "VALIDATION", /无需申请/);
    await refused(requestProgressCorrection(staffA, { ...input, investmentCompleted: "100", imageProgress: "10月形象进度" }, TODAY), "VALIDATION", /与现有月报相同/);
    expect((await refused(requestProgressCorrection(staffA, { ...input, reason: " " }, TODAY), "VALIDATION")).fieldErrors).toEqual({ reason: ["请填写更正原因"] });
    await refused(requestProgressCorrection(leaderA, input, TODAY), "FORBIDDEN");

    const asked = await requestProgressCorrection(staffA, input, TODAY);
    await refused(requestProgressCorrection(staffA, input, TODAY), "CONFLICT", /已有一份待审批的更正申请/);
    expect((await pendingCorrections(staffA, parkA, { year: 2026, month: 10 })).get(started.id)?.id).toBe(asked.id);
    const leaderNote = await getDb().notification.findFirst({ where: { userId: leaderA.userId, kind: "SYSTEM" }, orderBy: { id: "desc" } });
    expect(leaderNote?.title).toContain("月报更正待审批");

    // Staff and other parks' leaders cannot decide it; a rejection needs a reason.
    await refused(decideProgressCorrection(staffA, { id: asked.id, decision: "APPROVE" }), "FORBIDDEN");
    await refused(decideProgressCorrection(leaderB, { id: asked.id, decision: "APPROVE" }), "NOT_FOUND");
    expect((await refused(decideProgressCorrection(leaderA, { id: asked.id, decision: "REJECT" }), "VALIDATION")).fieldErrors).toEqual({ note: ["驳回时请填写审批意见（驳回理由）"] });

    const pendingList = await listProgressCorrections(leaderA, { park: parkA, status: "PENDING" });
    expect(pendingList.rows.map((r) => [r.id, r.canDecide, r.before?.investmentCompleted, r.after.investmentCompleted])).toEqual([[asked.id, true, "100.00", "180.00"]]);

    const decided = await decideProgressCorrection(leaderA, { id: asked.id, decision: "APPROVE", note: "同意" });
    expect(decided).toMatchObject({ status: "APPROVED", report: { version: version + 1 } });
    await refused(decideProgressCorrection(leaderA, { id: asked.id, decision: "APPROVE" }), "CONFLICT", /已批准/);
    const report = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 10 } }, select: { investmentCompleted: true, filedById: true } });
    expect([report.investmentCompleted.toFixed(2), report.filedById]).toEqual(["180.00", staffA.userId]);
    // The report's own history shows the correction; the request and the decision are audited.
    const history = await listProgressReports(staffA, started.id, {}, TODAY);
    expect(history.history.some((h) => h.action === "progress.correct" && h.actorName === leaderA.name && h.after?.correctionId === asked.id)).toBe(true);
    const actions = (await getDb().auditLog.findMany({ where: { entityType: "ProgressCorrection", entityId: String(asked.id) }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorId]);
    expect(actions).toEqual([
      ["progress.correctionRequest", staffA.userId],
      ["progress.correctionApprove", leaderA.userId],
    ]);
    expect((await getDb().notification.findFirst({ where: { userId: staffA.userId, kind: "SYSTEM" }, orderBy: { id: "desc" } }))?.title).toContain("已批准");

    // The October bulletin stays as published; today's October figures differ and name the project.
    const published = await getPublishedBulletin(leaderA, october.id);
    expect(published.content.counts.yearCompleted).toBe("800.00");
    const diff = await compareWithLive(leaderA, published, undefined, TODAY);
    expect(diff?.counts.find((c) => c.key === "yearCompleted")).toEqual({ key: "yearCompleted", label: "本年完成投资（万元）", published: "800.00", live: "880.00" });
    expect(diff?.projects.items.find((p) => p.id === started.id)?.reportChangedAt).not.toBeNull();

    // November's live bulletin, and November's published one, list it under 更正说明; October's published one does not.
    const notes = await listCorrectionNotes({ scopeKey: `park:${parkA}`, parkIds: [parkA], month: { year: 2026, month: 11 } });
    expect(notes.items.map((n) => [n.id, n.year, n.month, n.before?.investmentCompleted, n.after.investmentCompleted, n.reason])).toEqual([
      [asked.id, 2026, 10, "100.00", "180.00", "10月漏报设备采购款 80 万元"],
    ]);
    expect(published.content.corrections.total).toBe(0);
    const nov = await publishBulletin(leaderA, { park: parkA, month: "2026-11" }, TODAY);
    const novB = await getPublishedBulletin(leaderA, nov.id);
    expect(novB.content.corrections.items.map((n) => n.id)).toEqual([asked.id]);
    expect(novB.content.corrections.items[0]).toMatchObject({ requestedByName: staffA.name, decidedByName: leaderA.name });
    // Its workbook: the 更正说明 sheet and the stamp as always in Chinese, and in English on request with the same figures.
    const load = async (locale: "zh-CN" | "en") => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bulletinWorkbook(novB.content, { corrections: novB.content.corrections, published: novB, locale })) as unknown as ArrayBuffer);
      return wb;
    };
    const [zhWb, enWb] = [await load("zh-CN"), await load("en")];
    const zhNotes = zhWb.getWorksheet("更正说明")!;
    expect(String(zhNotes.getRow(2).getCell(1).value)).toMatch(new RegExp(`^定稿（第 1 版）：${leaderA.name} 于 \\d{4}/\\d{1,2}/\\d{1,2} \\d{2}:\\d{2}:\\d{2} 发布$`));
    expect(zhNotes.getRow(5).getCell(1).value).toBe("本期经园区领导批准、对已定稿月份月报的更正共 1 项。");
    expect((zhNotes.getRow(6).values as unknown[]).slice(1)).toEqual(["项目编号", "项目名称", "园区", "更正月份", "原本月完成投资", "更正后", "原本月到位资金", "更正后", "更正原因", "申请人", "批准人", "批准时间"]);
    expect(zhNotes.getRow(7).getCell(4).value).toBe("2026年10月");
    const enNotes = enWb.getWorksheet("Corrections")!;
    expect(enWb.worksheets.map((x) => x.name)).toEqual(["Indicators", "Park ranking", "Red-light projects", "Overdue problems", "Corrections"]);
    expect(String(enNotes.getRow(2).getCell(1).value)).toMatch(new RegExp(`^Final \\(version 1\\): published by ${leaderA.name} on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} \\(Beijing time\\)$`));
    expect(enNotes.getRow(5).getCell(1).value).toBe("Monthly reports of published months corrected in this period with a park leader approval: 1.");
    expect(enNotes.getRow(6).getCell(5).value).toBe("Investment completed in the month, before (10k CNY)");
    expect(enNotes.getRow(7).getCell(4).value).toBe("Oct 2026");
    for (const c of [5, 6, 7, 8, 12]) expect(enNotes.getRow(7).getCell(c).value).toEqual(zhNotes.getRow(7).getCell(c).value);
    expect(enNotes.getRow(7).getCell(5).value).toBe(100);
    expect(enNotes.getRow(7).getCell(9).value).toBe("10月漏报设备采购款 80 万元");
    // After November is published, December's bulletin starts afresh.
    expect((await listCorrectionNotes({ scopeKey: `park:${parkA}`, parkIds: [parkA], month: { year: 2026, month: 12 } })).total).toBe(0);
  });

  it("a rejected request leaves the report as it was; a request on figures changed since cannot be approved", async () => {
    const { version } = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 9 } }, select: { version: true } });
    const asked = await requestProgressCorrection(staffA, { projectId: started.id, year: 2026, month: 9, investmentCompleted: "90", fundsArrived: "50", imageProgress: "9月形象进度", version, reason: "核减" }, TODAY);
    const rejected = await decideProgressCorrection(leaderA, { id: asked.id, decision: "REJECT", note: "请附发票后再申请" });
    expect(rejected).toMatchObject({ status: "REJECTED", report: null });
    const r = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: started.id, year: 2026, month: 9 } }, select: { investmentCompleted: true, version: true } });
    expect([r.investmentCompleted.toFixed(2), r.version]).toEqual(["100.00", version]);
    expect((await listProgressCorrections(staffA, { park: parkA, status: "REJECTED" })).rows.map((x) => [x.id, x.decisionNote, x.canDecide])).toEqual([[asked.id, "请附发票后再申请", false]]);

    // Two requests in turn on the same month: the second waits for the first; once the first is approved the second's base is stale.
    const first = await requestProgressCorrection(staffA, { projectId: started.id, year: 2026, month: 9, investmentCompleted: "95", fundsArrived: "50", imageProgress: "9月形象进度", version, reason: "核减 5 万" }, TODAY);
    await decideProgressCorrection(leaderA, { id: first.id, decision: "APPROVE" });
    await refused(
      requestProgressCorrection(staffA, { projectId: started.id, year: 2026, month: 9, investmentCompleted: "96", fundsArrived: "50", imageProgress: "x", version, reason: "旧版本" }, TODAY),
      "CONFLICT",
      /已有更新/,
    );
  });

  it("a month never filed before it was closed is filed late through the same request", async () => {
    const late = await startedProject(parkA, "2026-01-15", "2026-08-01");
    const asked = await requestProgressCorrection(staffA, { projectId: late.id, year: 2026, month: 8, investmentCompleted: "300", fundsArrived: "0", imageProgress: "场平完成", reason: "补报 8 月" }, TODAY);
    const decided = await decideProgressCorrection(leaderA, { id: asked.id, decision: "APPROVE" });
    expect(decided.report?.version).toBe(1);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityType: "ProgressReport", entityId: String(decided.report!.id) } });
    expect(audit).toMatchObject({ action: "progress.file", actorId: leaderA.userId, after: { correctionId: asked.id } });
  });
});
