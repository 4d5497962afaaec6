import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { fileProgressReport } from "@/lib/server/progress/file-progress-report";
import { listProgressReports } from "@/lib/server/progress/list-progress-reports";
import { listMissingFilings } from "@/lib/server/progress/list-missing-filings";
import { listFilingGrid } from "@/lib/server/progress/list-filing-grid";
import { setYearPlan } from "@/lib/server/progress/set-year-plan";
import { makeActor, makePark, makeProject, makeRegion, makeUser } from "../helpers/factories";

const TODAY = "2026-11-23";

async function startedProject(parkId: number, start: string, opts: { liaisonId?: number; stage?: "STARTED" | "PRODUCING"; name?: string } = {}) {
  const p = await makeProject({ parkId, stage: opts.stage ?? "STARTED", liaisonId: opts.liaisonId, name: opts.name, signedDate: "2025-01-10" });
  return getDb().project.update({ where: { id: p.id }, data: { actualStartDate: isoToDate(start), stageDate: isoToDate(start) } });
}

const month = (projectId: number, m: number, inv = "100", extra: Record<string, unknown> = {}) => ({
  projectId,
  year: 2026,
  month: m,
  investmentCompleted: inv,
  fundsArrived: "50",
  imageProgress: "主体结构施工",
  ...extra,
});

describe("monthly progress filing", () => {
  let park: { id: number };
  let otherPark: { id: number };
  let staff: Actor;
  let otherStaff: Actor;
  let leader: Actor;
  let liaison: Actor;

  beforeAll(async () => {
    const region = await makeRegion();
    park = await makePark(region.id);
    otherPark = await makePark(region.id);
    staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    otherStaff = await makeActor([{ role: "PARK_STAFF", parkId: otherPark.id }]);
    leader = await makeActor([{ role: "PARK_LEADER", parkId: park.id }]);
    liaison = await makeActor([{ role: "LIAISON", parkId: park.id }]);
  });

  it("files a month, then corrects it keeping the history; every figure follows", async () => {
    const p = await startedProject(park.id, "2026-03-15");
    const first = await fileProgressReport(staff, month(p.id, 9, "1,200.5", { problems: "用工紧张" }), TODAY);
    expect(first).toMatchObject({ created: true, version: 1, year: 2026, month: 9 });
    await fileProgressReport(staff, month(p.id, 8, "300"), TODAY);
    let list = await listProgressReports(staff, p.id, {}, TODAY);
    expect(list.totals).toEqual({ investmentTotal: "1500.50", fundsTotal: "100.00", investmentYear: "1500.50", fundsYear: "100.00" });
    // The ledger's 形象进度 is the newest month's.
    expect(await getDb().project.findUniqueOrThrow({ where: { id: p.id }, select: { imageProgress: true, problems: true } })).toEqual({ imageProgress: "主体结构施工", problems: "用工紧张" });

    const corrected = await fileProgressReport(staff, month(p.id, 9, "800", { imageProgress: "主体封顶", version: 1 }), TODAY);
    expect(corrected).toMatchObject({ created: false, version: 2, id: first.id });
    list = await listProgressReports(staff, p.id, {}, TODAY);
    expect(list.totals.investmentTotal).toBe("1100.00");
    expect(list.rows.map((r) => [r.month, r.investmentCompleted, r.version])).toEqual([
      [9, "800.00", 2],
      [8, "300.00", 1],
    ]);
    // History: the filing and the correction, the correction with the earlier figures.
    const changes = list.history.filter((h) => h.reportId === first.id);
    expect(changes.map((h) => h.action)).toEqual(["progress.correct", "progress.file"]);
    expect(changes[0].before).toMatchObject({ investmentCompleted: "1200.50", imageProgress: "主体结构施工", version: 1 });
    expect(changes[0].after).toMatchObject({ investmentCompleted: "800.00", imageProgress: "主体封顶", version: 2 });
    const audit = await getDb().auditLog.findMany({ where: { entityType: "ProgressReport", entityId: String(first.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.parkId])).toEqual([
      ["progress.file", staff.userId, park.id],
      ["progress.correct", staff.userId, park.id],
    ]);
  });

  it("refuses a stale correction and a second first filing with a conflict, changing nothing", async () => {
    const p = await startedProject(park.id, "2026-01-05");
    await fileProgressReport(staff, month(p.id, 10, "100"), TODAY);
    await fileProgressReport(staff, month(p.id, 10, "200", { version: 1 }), TODAY);
    await expect(fileProgressReport(staff, month(p.id, 10, "999", { version: 1 }), TODAY)).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("2026年10月的月报已被") });
    await expect(fileProgressReport(staff, month(p.id, 10, "999"), TODAY)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(fileProgressReport(staff, month(p.id, 9, "999", { version: 1 }), TODAY)).rejects.toMatchObject({ code: "CONFLICT" });
    const row = await getDb().progressReport.findUniqueOrThrow({ where: { projectId_year_month: { projectId: p.id, year: 2026, month: 10 } } });
    expect([row.investmentCompleted.toFixed(2), row.version]).toEqual(["200.00", 2]);
    expect(await getDb().progressReport.count({ where: { projectId: p.id } })).toBe(1);
  });

  it("needs progress.file in the project's park: other parks are not found, leaders may not, liaisons only for their projects", async () => {
    const mine = await startedProject(park.id, "2026-02-01", { liaisonId: liaison.userId });
    const notMine = await startedProject(park.id, "2026-02-01");
    const elsewhere = await startedProject(otherPark.id, "2026-02-01");
    await expect(fileProgressReport(staff, month(elsewhere.id, 10), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fileProgressReport(otherStaff, month(mine.id, 10), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fileProgressReport(leader, month(mine.id, 10), TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fileProgressReport(liaison, month(notMine.id, 10), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await fileProgressReport(liaison, month(mine.id, 10), TODAY)).toMatchObject({ created: true });
    await expect(listProgressReports(otherStaff, mine.id, {}, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().progressReport.count({ where: { projectId: { in: [notMine.id, elsewhere.id] } } })).toBe(0);
  });

  it("refuses unfinished months, months before the start, unstarted projects and bad figures, in Chinese by field", async () => {
    const p = await startedProject(park.id, "2026-06-20");
    await expect(fileProgressReport(staff, month(p.id, 11), TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { month: ["2026年11月尚未结束，月末后才能填报"] } });
    await expect(fileProgressReport(staff, month(p.id, 5), TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { month: ["项目于 2026-06-20 开工，不能填报开工前的月份"] } });
    const landed = await makeProject({ parkId: park.id, stage: "LANDED" });
    await expect(fileProgressReport(staff, month(landed.id, 10), TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { month: ["项目尚未开工，开工后才能按月填报"] } });
    await expect(
      fileProgressReport(staff, { projectId: p.id, year: 2026, month: 13, investmentCompleted: "-5", fundsArrived: "abc", imageProgress: " " }, TODAY),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        month: ["月份须在 1–12 之间"],
        investmentCompleted: ["本月完成投资不能为负数"],
        fundsArrived: ["本月到位资金须为数字，最多两位小数"],
        imageProgress: ["请填写形象进度"],
      },
    });
    expect(await getDb().progressReport.count({ where: { projectId: p.id } })).toBe(0);
  });

  it("lists missing filings per park and per person responsible, paged in SQL", async () => {
    const region = await makeRegion();
    const parkA = await makePark(region.id);
    const parkB = await makePark(region.id);
    const regionLeader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
    const staffA = await makeActor([{ role: "PARK_STAFF", parkId: parkA.id }]);
    const li1 = await makeUser([{ role: "LIAISON", parkId: parkA.id }], { name: "填报联络员甲" });
    const li2 = await makeUser([{ role: "LIAISON", parkId: parkB.id }], { name: "填报联络员乙" });
    const a1 = await startedProject(parkA.id, "2026-02-01", { liaisonId: li1.id });
    const a2 = await startedProject(parkA.id, "2026-09-10", { liaisonId: li1.id, stage: "PRODUCING" });
    const a3 = await startedProject(parkA.id, "2026-10-10"); // no liaison
    await startedProject(parkA.id, "2026-11-02"); // started after October: owes nothing
    const b1 = await startedProject(parkB.id, "2025-12-01", { liaisonId: li2.id });
    const suspended = await startedProject(parkB.id, "2025-12-01", { liaisonId: li2.id });
    await getDb().project.update({ where: { id: suspended.id }, data: { status: "SUSPENDED" } });
    await fileProgressReport(staffA, month(a1.id, 10), TODAY);

    const all = await listMissingFilings(regionLeader, { year: 2026, month: 10 }, {}, TODAY);
    expect(all).toMatchObject({ dueDate: "2026-11-06", overdue: true, total: 3 });
    expect(all.byPark.map((r) => [r.parkId, r.owed, r.missing])).toEqual([
      [parkA.id, 3, 2],
      [parkB.id, 1, 1],
    ]);
    expect(all.byPerson.map((r) => [r.liaisonName, r.missing])).toEqual([
      [null, 1],
      ["填报联络员乙", 1],
      ["填报联络员甲", 1],
    ]);
    expect(all.rows.map((r) => r.id).sort()).toEqual([a2.id, a3.id, b1.id].sort());

    const page2 = await listMissingFilings(regionLeader, { year: 2026, month: 10 }, { page: 2, pageSize: 2 }, TODAY);
    expect([page2.rows.length, page2.total, page2.pageCount]).toEqual([1, 3, 2]);
    const byPerson = await listMissingFilings(regionLeader, { year: 2026, month: 10, liaisonId: li1.id }, {}, TODAY);
    expect(byPerson.rows.map((r) => r.id)).toEqual([a2.id]);
    const onlyA = await listMissingFilings(staffA, { year: 2026, month: 10, parkId: parkA.id }, {}, TODAY);
    expect(onlyA.total).toBe(2);
    await expect(listMissingFilings(staffA, { year: 2026, month: 10, parkId: parkB.id }, {}, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMissingFilings(staffA, { year: 2026, month: 11 }, {}, TODAY)).rejects.toMatchObject({ code: "VALIDATION" });
    // September: due 2026-10-08 without holidays; a2 started in September owes it too.
    const sep = await listMissingFilings(staffA, { year: 2026, month: 9, parkId: parkA.id }, {}, TODAY);
    expect(sep.rows.map((r) => r.id).sort()).toEqual([a1.id, a2.id].sort());

    const grid = await listFilingGrid(staffA, { parkId: parkA.id, year: 2026, month: 10 }, {}, TODAY);
    expect(grid).toMatchObject({ total: 3, filed: 1, canFile: true, dueDate: "2026-11-06" });
    expect(grid.rows.at(-1)).toMatchObject({ id: a1.id, report: { investmentCompleted: "100.00", version: 1 } });
    const missingOnly = await listFilingGrid(staffA, { parkId: parkA.id, year: 2026, month: 10 }, { onlyMissing: true }, TODAY);
    expect(missingOnly.rows.map((r) => r.id).sort()).toEqual([a2.id, a3.id].sort());
  });

  it("sets this year's plan with project.write, bumping the project version, audited", async () => {
    // The ledger form edits the current year's plan, so only a change to that year bumps the version.
    const year = Number(todayInShanghai().slice(0, 4));
    const p = await startedProject(park.id, "2026-01-05");
    const saved = await setYearPlan(staff, { projectId: p.id, year, plannedInvestment: "3,000", planStart: false, planProduction: "on", note: "续建" });
    expect(saved).toEqual({ year, plannedInvestment: "3000.00", planStart: false, planProduction: true, note: "续建" });
    const after = await getDb().project.findUniqueOrThrow({ where: { id: p.id }, select: { version: true, yearPlans: true } });
    expect(after.version).toBe(p.version + 1);
    expect(after.yearPlans.map((y) => [y.year, y.plannedInvestment.toFixed(2)])).toEqual([[year, "3000.00"]]);
    await setYearPlan(staff, { projectId: p.id, year, plannedInvestment: "4000" });
    const audit = await getDb().auditLog.findMany({ where: { action: "project.yearPlan", entityId: String(p.id) }, orderBy: { id: "asc" } });
    expect(audit[1].before).toMatchObject({ year, plannedInvestment: "3000.00", planProduction: true, note: "续建" });
    // A note left out is kept.
    expect(audit[1].after).toMatchObject({ year, plannedInvestment: "4000.00", planProduction: false, note: "续建", via: "api" });
    await expect(setYearPlan(leader, { projectId: p.id, year, plannedInvestment: "1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setYearPlan(otherStaff, { projectId: p.id, year, plannedInvestment: "1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setYearPlan(staff, { projectId: p.id, year, plannedInvestment: "" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { plannedInvestment: ["请填写本年计划投资"] } });
  });
});
