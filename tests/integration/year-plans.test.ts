// Annual plans of any year (issue 12, the year rollover): the one write rule, the project
// page's list, the park's grid (listed and paged in SQL, saved all or nothing), the
// year-end carry-over (preview, confirmation, audit, no overwrite) and the plan API.

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import * as S from "@/lib/api/schemas";
import * as P from "@/lib/api/plan-schemas";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { setProjectPlan } from "@/lib/server/plans/set-project-plan";
import { writeYearPlan } from "@/lib/server/plans/write-year-plan";
import { listProjectPlans } from "@/lib/server/plans/list-project-plans";
import { listParkPlans } from "@/lib/server/plans/list-park-plans";
import { saveParkPlans } from "@/lib/server/plans/save-park-plans";
import { commitCarryOver, previewCarryOver } from "@/lib/server/plans/carry-over";
import * as projectPlansRoute from "@/app/api/v1/projects/[id]/plans/route";
import * as projectPlanYearRoute from "@/app/api/v1/projects/[id]/plans/[year]/route";
import * as parkPlansRoute from "@/app/api/v1/parks/[id]/plans/route";
import { makeActor, makePark, makeProject, makeRegion, unique } from "../helpers/factories";

const TODAY = todayInShanghai();
const Y = Number(TODAY.slice(0, 4));
const db = () => getDb();

type Status = "ACTIVE" | "SUSPENDED" | "TERMINATED";
type Stage = "SIGNED" | "LANDED" | "STARTED" | "PRODUCING";

/** A project signed on `signed`, optionally at a later stage with its dates. */
async function project(parkId: number, o: { signed?: string; stage?: Stage; start?: string; production?: string; status?: Status; statusDate?: string; name?: string; liaisonId?: number } = {}) {
  const p = await makeProject({ parkId, signedDate: o.signed ?? `${Y - 2}-03-01`, stage: o.stage, status: o.status, name: o.name, liaisonId: o.liaisonId });
  return db().project.update({
    where: { id: p.id },
    data: {
      actualStartDate: o.start ? isoToDate(o.start) : null,
      actualProductionDate: o.production ? isoToDate(o.production) : null,
      statusDate: o.statusDate ? isoToDate(o.statusDate) : null,
    },
  });
}

async function plan(projectId: number, year: number, plannedInvestment: string, planStart = false, planProduction = false, note: string | null = null) {
  await db().projectYearPlan.create({ data: { projectId, year, plannedInvestment, planStart, planProduction, note } });
}

async function completed(projectId: number, year: number, month: number, amount: string, filedById: number) {
  await db().progressReport.create({ data: { projectId, year, month, investmentCompleted: amount, fundsArrived: "0", imageProgress: "施工中", filedById } });
}

async function plansOf(projectId: number) {
  const rows = await db().projectYearPlan.findMany({ where: { projectId }, orderBy: { year: "asc" } });
  return rows.map((r) => ({ year: r.year, plannedInvestment: r.plannedInvestment.toFixed(2), planStart: r.planStart, planProduction: r.planProduction, note: r.note }));
}

const audits = (entityId: number | string, action?: string) =>
  db().auditLog.findMany({ where: { entityId: String(entityId), ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

let park: { id: number };
let otherPark: { id: number };
let staff: Actor;
let leader: Actor;
let liaison: Actor;
let otherStaff: Actor;
let admin: Actor;

beforeAll(async () => {
  const region = await makeRegion();
  park = await makePark(region.id);
  otherPark = await makePark(region.id);
  [staff, leader, liaison, otherStaff, admin] = await Promise.all([
    makeActor([{ role: "PARK_STAFF", parkId: park.id }]),
    makeActor([{ role: "PARK_LEADER", parkId: park.id }]),
    makeActor([{ role: "LIAISON", parkId: park.id }]),
    makeActor([{ role: "PARK_STAFF", parkId: otherPark.id }]),
    makeActor([{ role: "ADMIN" }]),
  ]);
});

describe("a project's plan for any year", () => {
  it("sets last year's, this year's and next year's plans; only this year's bumps the ledger version", async () => {
    const p = await project(park.id, { signed: `${Y - 1}-03-01`, stage: "STARTED", start: `${Y - 1}-06-01` });
    const past = await setProjectPlan(staff, { projectId: p.id, year: Y - 1, plannedInvestment: "5,000", planStart: "on", planProduction: false, note: "续建" });
    expect(past).toMatchObject({ outcome: "set", before: null, after: { plannedInvestment: "5000.00", planStart: true, planProduction: false, note: "续建" } });
    await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "800", planProduction: true });
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(p.version);
    await setProjectPlan(staff, { projectId: p.id, year: Y, plannedInvestment: "1200.5" });
    expect((await db().project.findUniqueOrThrow({ where: { id: p.id } })).version).toBe(p.version + 1);
    expect(await plansOf(p.id)).toEqual([
      { year: Y - 1, plannedInvestment: "5000.00", planStart: true, planProduction: false, note: "续建" },
      { year: Y, plannedInvestment: "1200.50", planStart: false, planProduction: false, note: null },
      { year: Y + 1, plannedInvestment: "800.00", planStart: false, planProduction: true, note: null },
    ]);
    const rows = await audits(p.id, "project.yearPlan");
    expect(rows.map((a) => [a.actorId, a.parkId, (a.after as { year: number }).year, (a.after as { via: string }).via])).toEqual([
      [staff.userId, park.id, Y - 1, "page"],
      [staff.userId, park.id, Y + 1, "page"],
      [staff.userId, park.id, Y, "page"],
    ]);
    expect(rows[0].before).toEqual({ year: Y - 1 });

    // The project page's list: every year, newest first, with what was completed and whether the planned start happened.
    await completed(p.id, Y - 1, 7, "3000", staff.userId);
    await completed(p.id, Y - 1, 8, "1000.25", staff.userId);
    const list = await listProjectPlans(staff, p.id, {}, TODAY);
    expect(list.plans.map((x) => [x.year, x.plannedInvestment, x.completed, x.started, x.producing])).toEqual([
      [Y + 1, "800.00", "0.00", true, false],
      [Y, "1200.50", "0.00", true, false],
      [Y - 1, "5000.00", "4000.25", true, false],
    ]);
    expect(list).toMatchObject({ canEdit: true, currentYear: Y, signedYear: Y - 1 });
    expect(list.years[0]).toBe(Y + 2);
    expect(list.years.at(-1)).toBe(Y - 1);
    expect((await listProjectPlans(staff, p.id, { year: Y - 1 }, TODAY)).plans.map((x) => x.year)).toEqual([Y - 1]);
    expect((await listProjectPlans(leader, p.id, {}, TODAY)).canEdit).toBe(false);
  });

  it("refuses years before signing and too far ahead, a terminated project's later years, and bad cells, by field in Chinese", async () => {
    const p = await project(park.id, { signed: `${Y - 1}-05-01` });
    const refused = async (input: Record<string, unknown>) => setProjectPlan(staff, { projectId: p.id, ...input }).then(() => null, (e: { code: string; message: string; fieldErrors?: Record<string, string[]> }) => e);
    expect(await refused({ year: Y - 2, plannedInvestment: "1" })).toMatchObject({ code: "VALIDATION", fieldErrors: { year: [`${p.name}：计划年份不能早于项目签约的 ${Y - 1} 年`] } });
    expect(await refused({ year: Y + 6, plannedInvestment: "1" })).toMatchObject({ code: "VALIDATION", fieldErrors: { year: [`${p.name}：计划年份不能晚于 ${Y + 5} 年`] } });
    expect(await refused({ year: 1999, plannedInvestment: "1" })).toMatchObject({ code: "VALIDATION", fieldErrors: { year: ["计划年份不能早于 2000 年"] } });
    expect(await refused({ year: Y, plannedInvestment: "-5" })).toMatchObject({ fieldErrors: { plannedInvestment: ["本年计划投资不能为负数"] } });
    expect(await refused({ year: Y, plannedInvestment: "12,34" })).toMatchObject({ fieldErrors: { plannedInvestment: [expect.stringContaining("千位分隔符位置不对")] } });
    expect(await refused({ year: Y, plannedInvestment: "1", planStart: "maybe" })).toMatchObject({ fieldErrors: { planStart: ["计划本年开工须为是或否（true / false）"] } });
    expect(await refused({ year: Y, plannedInvestment: "1", note: "备".repeat(201) })).toMatchObject({ fieldErrors: { note: ["备注不能超过 200 个字符"] } });
    const ended = await project(park.id, { status: "TERMINATED", statusDate: `${Y - 1}-09-01` });
    await expect(setProjectPlan(staff, { projectId: ended.id, year: Y, plannedInvestment: "1" })).rejects.toMatchObject({ code: "VALIDATION", message: `${ended.name}已于 ${Y - 1} 年终止，不能列入 ${Y} 年计划` });
    const producing = await project(park.id, { stage: "PRODUCING", start: `${Y - 1}-03-01`, production: `${Y - 1}-11-01` });
    await expect(setProjectPlan(staff, { projectId: producing.id, year: Y, plannedInvestment: "1", planStart: true, planProduction: true })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { planStart: [`${producing.name}已于 ${Y - 1}-03-01 开工，不能再计划 ${Y} 年开工`], planProduction: [`${producing.name}已于 ${Y - 1}-11-01 投产，不能再计划 ${Y} 年投产`] },
    });
    expect((await setProjectPlan(staff, { projectId: producing.id, year: Y - 1, plannedInvestment: "1", planStart: true, planProduction: true })).outcome).toBe("set");
    // Its plan for the year it ended can still be corrected.
    expect((await setProjectPlan(staff, { projectId: ended.id, year: Y - 1, plannedInvestment: "1" })).outcome).toBe("set");
    expect(await plansOf(p.id)).toEqual([]);
  });

  it("writes nothing when unchanged, refuses a plan changed since it was loaded, removes with a blank row", async () => {
    const p = await project(park.id);
    await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "300", planStart: true, note: "新建" });
    const before = (await audits(p.id)).length;
    // The same values (the amount typed differently): no write, no audit row.
    expect((await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "300.0", planStart: "true" })).outcome).toBe("unchanged");
    expect(await audits(p.id)).toHaveLength(before);

    // Someone loaded the plan as it was before the change: refused, nothing written.
    const stale = { plannedInvestment: "200", planStart: true, planProduction: false };
    await expect(setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "999", expected: stale })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `${p.code} ${p.name}的 ${Y + 1} 年计划已被他人修改（现为：计划投资 300.00，计划开工），您的修改未保存，请刷新后重新填写`,
    });
    // Someone who saw no plan at all is refused too.
    await expect(setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "999", expected: null })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await plansOf(p.id))[0].plannedInvestment).toBe("300.00");

    // With the plan as loaded: saved. A flag alone plans 0.
    const loaded = { plannedInvestment: "300.00", planStart: true, planProduction: false };
    expect((await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: "", planStart: true, expected: loaded })).after).toEqual({ plannedInvestment: "0.00", planStart: true, planProduction: false, note: "新建" });
    // Blank and no flag: out of the plan.
    const removed = await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: " ", planStart: false, planProduction: false });
    expect(removed).toMatchObject({ outcome: "removed", after: null });
    expect(await plansOf(p.id)).toEqual([]);
    const last = (await audits(p.id)).at(-1)!;
    expect(last).toMatchObject({ action: "project.yearPlanRemove", before: { year: Y + 1, plannedInvestment: "0.00", planStart: true }, after: { year: Y + 1, via: "page" } });
    // Removing what is not there writes nothing.
    expect((await setProjectPlan(staff, { projectId: p.id, year: Y + 1, plannedInvestment: null })).outcome).toBe("unchanged");
  });

  it("needs project.write in the project's park: leaders and liaisons may not, other parks do not see it", async () => {
    const p = await project(park.id, { liaisonId: liaison.userId });
    const input = { projectId: p.id, year: Y, plannedInvestment: "1" };
    await expect(setProjectPlan(leader, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setProjectPlan(liaison, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setProjectPlan(otherStaff, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listProjectPlans(otherStaff, p.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await plansOf(p.id)).toEqual([]);
    // The rule another import calls inside its own transaction: field keys under its prefix.
    await expect(db().$transaction((tx) => writeYearPlan(tx, staff, { ...input, plannedInvestment: "abc" }, { field: "rows.7" }))).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { "rows.7.plannedInvestment": ["本年计划投资须为数字，最多两位小数"] },
    });
  });
});

describe("the park's plan grid", () => {
  let gridPark: { id: number };
  let gridStaff: Actor;
  let gridLiaison: Actor;
  let a: { id: number; code: string }, b: { id: number }, c: { id: number }, ended: { id: number }, endedPlanned: { id: number }, late: { id: number };
  const year = Y + 1;

  beforeAll(async () => {
    const region = await makeRegion();
    gridPark = await makePark(region.id);
    gridStaff = await makeActor([{ role: "PARK_STAFF", parkId: gridPark.id }]);
    gridLiaison = await makeActor([{ role: "LIAISON", parkId: gridPark.id }]);
    a = await project(gridPark.id, { name: unique("甲项目"), liaisonId: gridLiaison.userId });
    b = await project(gridPark.id, { name: unique("乙项目") });
    c = await project(gridPark.id, { name: unique("丙项目") });
    ended = await project(gridPark.id, { status: "TERMINATED", statusDate: `${Y - 1}-01-01` });
    endedPlanned = await project(gridPark.id, { status: "TERMINATED", statusDate: `${Y - 1}-01-01` });
    late = await project(gridPark.id, { signed: `${Y + 2}-01-01` }); // signed after the year: not plannable
    await plan(a.id, year, "1000", true);
    await plan(endedPlanned.id, year, "50");
    await completed(a.id, year, 1, "10", gridStaff.userId);
  });

  it("lists the projects that could be in the year's plan, planned first, paged and filtered in SQL, with the year's totals", async () => {
    const all = await listParkPlans(gridStaff, gridPark.id, { year, pageSize: 2 }, TODAY);
    expect(all).toMatchObject({ year, total: 4, pageCount: 2, page: 1, canEdit: true });
    // The first page holds the two planned projects (a terminated one keeps its plan visible).
    expect(new Set(all.rows.map((r) => r.projectId))).toEqual(new Set([a.id, endedPlanned.id]));
    expect(all.rows.find((r) => r.projectId === a.id)).toMatchObject({ plan: { plannedInvestment: "1000.00", planStart: true, planProduction: false }, completed: "10.00" });
    expect(all.totals).toEqual({ planned: 2, plannedInvestment: "1050.00", planStart: 1, planProduction: 0, completed: "10.00" });
    const ids = (await listParkPlans(gridStaff, gridPark.id, { year, pageSize: 100 }, TODAY)).rows.map((r) => r.projectId);
    expect(new Set(ids)).toEqual(new Set([a.id, b.id, c.id, endedPlanned.id]));
    expect(ids).not.toContain(ended.id);
    expect(ids).not.toContain(late.id);
    expect((await listParkPlans(gridStaff, gridPark.id, { year, only: "unplanned" }, TODAY)).rows.map((r) => r.projectId).sort()).toEqual([b.id, c.id].sort());
    expect((await listParkPlans(gridStaff, gridPark.id, { year, q: a.code }, TODAY)).rows.map((r) => r.projectId)).toEqual([a.id]);
    expect((await listParkPlans(gridStaff, gridPark.id, { year, q: "%" }, TODAY)).total).toBe(0);
    // A liaison sees their own projects only, and may not edit.
    const mine = await listParkPlans(gridLiaison, gridPark.id, { year }, TODAY);
    expect([mine.rows.map((r) => r.projectId), mine.canEdit, mine.totals.planned]).toEqual([[a.id], false, 1]);
    await expect(listParkPlans(otherStaff, gridPark.id, { year })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listParkPlans(gridStaff, gridPark.id, { year: "明年" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("saves changed rows in one transaction: one bad row and nothing is written, every problem named by row", async () => {
    const loadedA = { plannedInvestment: "1000.00", planStart: true, planProduction: false };
    // Cells the schema refuses: all of them at once.
    await expect(
      saveParkPlans(gridStaff, {
        parkId: gridPark.id,
        year,
        rows: [
          { projectId: a.id, plannedInvestment: "1500", planStart: true, expected: loadedA },
          { projectId: b.id, plannedInvestment: "-1", expected: null },
          { projectId: c.id, plannedInvestment: "abc", planProduction: "?", expected: null },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        "rows.1.plannedInvestment": ["本年计划投资不能为负数"],
        "rows.2.plannedInvestment": ["本年计划投资须为数字，最多两位小数"],
        "rows.2.planProduction": ["计划本年投产须为是或否（true / false）"],
      },
    });
    // Rows the rules refuse once the rows before them were written: rolled back, all named.
    await expect(
      saveParkPlans(gridStaff, {
        parkId: gridPark.id,
        year,
        rows: [
          { projectId: a.id, plannedInvestment: "1500", planStart: true, expected: loadedA },
          { projectId: b.id, plannedInvestment: "200", planProduction: true, expected: null },
          { projectId: ended.id, plannedInvestment: "5", expected: null },
          { projectId: late.id, plannedInvestment: "1", expected: null },
        ],
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: "2 行有问题，全部未保存，请检查标红的行",
      fieldErrors: { "rows.2.projectId": [expect.stringContaining(`已于 ${Y - 1} 年终止，不能列入 ${year} 年计划`)], "rows.3.year": [expect.stringContaining(`计划年份不能早于项目签约的 ${Y + 2} 年`)] },
    });
    expect(await plansOf(a.id)).toMatchObject([{ year, plannedInvestment: "1000.00" }]);
    expect(await plansOf(b.id)).toEqual([]);
    expect(await audits(a.id, "project.yearPlan")).toHaveLength(0);
    expect(await audits(`${gridPark.id}-${year}`, "plan.bulkSave")).toHaveLength(0);
  });

  it("saves, removes and leaves unchanged rows, with one audit row per project and one for the save", async () => {
    const loadedA = { plannedInvestment: "1000.00", planStart: true, planProduction: false };
    const saved = await saveParkPlans(gridStaff, {
      parkId: gridPark.id,
      year,
      rows: [
        { projectId: a.id, plannedInvestment: "1,500", planStart: true, planProduction: true, expected: loadedA },
        { projectId: b.id, plannedInvestment: "200", expected: null },
        { projectId: c.id, plannedInvestment: "", expected: null },
        { projectId: endedPlanned.id, plannedInvestment: "", expected: { plannedInvestment: "50", planStart: false, planProduction: false } },
      ],
    });
    expect(saved).toEqual({ year, saved: 2, removed: 1, unchanged: 1 });
    expect(await plansOf(a.id)).toEqual([{ year, plannedInvestment: "1500.00", planStart: true, planProduction: true, note: null }]);
    expect(await plansOf(b.id)).toEqual([{ year, plannedInvestment: "200.00", planStart: false, planProduction: false, note: null }]);
    expect(await plansOf(endedPlanned.id)).toEqual([]);
    expect((await audits(a.id, "project.yearPlan")).at(-1)).toMatchObject({ after: { year, via: "grid", plannedInvestment: "1500.00" }, before: { plannedInvestment: "1000.00" } });
    const summary = await audits(`${gridPark.id}-${year}`, "plan.bulkSave");
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ actorId: gridStaff.userId, parkId: gridPark.id, entityType: "YearPlan", after: { year, saved: 2, removed: 1 } });
    expect(new Set((summary[0].after as { projectIds: number[] }).projectIds)).toEqual(new Set([a.id, b.id, endedPlanned.id]));
  });

  it("refuses rows someone changed meanwhile, projects of another park, duplicates, and people without project.write", async () => {
    const stale = { plannedInvestment: "1000.00", planStart: true, planProduction: false };
    await expect(saveParkPlans(gridStaff, { parkId: gridPark.id, year, rows: [{ projectId: a.id, plannedInvestment: "9", expected: stale }, { projectId: c.id, plannedInvestment: "5", expected: null }] })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { "rows.0.projectId": [expect.stringContaining("已被他人修改")] },
    });
    expect(await plansOf(c.id)).toEqual([]);
    const foreign = await project(otherPark.id);
    await expect(saveParkPlans(gridStaff, { parkId: gridPark.id, year, rows: [{ projectId: foreign.id, plannedInvestment: "1" }] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "rows.0.projectId": ["不是本园区的项目"] } });
    await expect(saveParkPlans(gridStaff, { parkId: gridPark.id, year, rows: [{ projectId: c.id, plannedInvestment: "1" }, { projectId: c.id, plannedInvestment: "2" }] })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { "rows.1.projectId": ["同一项目在提交中出现了两次"] } });
    await expect(saveParkPlans(gridStaff, { parkId: gridPark.id, year, rows: [] })).rejects.toMatchObject({ code: "VALIDATION", message: "没有要保存的修改" });
    await expect(saveParkPlans(gridLiaison, { parkId: gridPark.id, year, rows: [{ projectId: a.id, plannedInvestment: "1" }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveParkPlans(otherStaff, { parkId: gridPark.id, year, rows: [{ projectId: a.id, plannedInvestment: "1" }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await plansOf(c.id)).toEqual([]);
  });
});

describe("carrying unfinished plans into the next year", () => {
  let cPark: { id: number; name: string };
  let cStaff: Actor;
  const from = Y - 1;
  let notStarted: { id: number }, shortfall: { id: number }, done: { id: number }, alreadyPlanned: { id: number }, terminated: { id: number }, startedLate: { id: number };

  beforeAll(async () => {
    const region = await makeRegion();
    cPark = await makePark(region.id);
    cStaff = await makeActor([{ role: "PARK_STAFF", parkId: cPark.id }]);
    notStarted = await project(cPark.id, { stage: "LANDED" });
    shortfall = await project(cPark.id, { stage: "STARTED", start: `${Y - 2}-05-01` });
    done = await project(cPark.id, { stage: "STARTED", start: `${from}-04-01` });
    alreadyPlanned = await project(cPark.id, { stage: "SIGNED" });
    terminated = await project(cPark.id, { status: "TERMINATED", statusDate: `${from}-08-01` });
    startedLate = await project(cPark.id, { stage: "STARTED", start: `${Y}-01-10` });
    await plan(notStarted.id, from, "1000", true);
    await plan(shortfall.id, from, "2000", false, true);
    await plan(done.id, from, "800", true);
    await plan(alreadyPlanned.id, from, "300", true);
    await plan(terminated.id, from, "700", true);
    await plan(startedLate.id, from, "1000", true);
    await plan(alreadyPlanned.id, Y, "100", false, false, "年初已定");
    await completed(shortfall.id, from, 6, "1500", cStaff.userId);
    await completed(done.id, from, 9, "800", cStaff.userId);
    await completed(startedLate.id, Y, 1, "400", cStaff.userId); // next year's money does not count against last year's plan
  });

  it("previews which projects are carried, with what and why; an existing plan for the next year is kept and said so", async () => {
    const preview = await previewCarryOver(cStaff, { parkId: cPark.id, year: from }, TODAY);
    expect(preview).toMatchObject({ year: from, toYear: Y, mode: "remainder", yearEnded: true, counts: { planned: 6, carry: 3, exists: 1, none: 2 } });
    const by = new Map(preview.rows.map((r) => [r.projectId, r.outcome]));
    expect(by.get(notStarted.id)).toEqual({ kind: "carry", next: { plannedInvestment: "1000.00", planStart: true, planProduction: false }, why: [`计划 ${from} 年开工，年底前未开工`, "计划投资 1000.00 万元，当年完成 0.00 万元，未完成 1000.00 万元"], note: `由 ${from} 年计划结转` });
    expect(by.get(shortfall.id)).toMatchObject({ kind: "carry", next: { plannedInvestment: "500.00", planStart: false, planProduction: true } });
    expect(by.get(startedLate.id)).toMatchObject({ kind: "carry", next: { plannedInvestment: "1000.00", planStart: true } });
    expect(by.get(done.id)).toEqual({ kind: "none", reason: "年度计划已完成" });
    expect(by.get(terminated.id)).toEqual({ kind: "none", reason: "项目已终止，不结转" });
    expect(by.get(alreadyPlanned.id)).toMatchObject({ kind: "exists", proposed: { plannedInvestment: "300.00", planStart: true }, reason: `已有 ${Y} 年计划（计划投资 100.00），不覆盖` });
    expect(preview.rows.slice(0, 3).map((r) => r.outcome.kind)).toEqual(["carry", "carry", "carry"]);
    expect(new Set(preview.carryIds)).toEqual(new Set([notStarted.id, shortfall.id, startedLate.id]));

    const entered = await previewCarryOver(cStaff, { parkId: cPark.id, year: from, mode: "entered" }, TODAY);
    expect(entered.rows.find((r) => r.projectId === shortfall.id)!.outcome).toMatchObject({ next: { plannedInvestment: "2000.00" } });
    expect(await plansOf(notStarted.id)).toHaveLength(1); // a preview writes nothing
  });

  it("refuses a confirmation that no longer matches the preview, a year not yet begun, and people without project.write", async () => {
    const preview = await previewCarryOver(cStaff, { parkId: cPark.id, year: from }, TODAY);
    await expect(commitCarryOver(cStaff, { parkId: cPark.id, year: from, projectIds: preview.carryIds.slice(1) }, TODAY)).rejects.toMatchObject({ code: "CONFLICT", message: "预览之后计划或项目进展有变化，本次未结转；请重新预览后再确认" });
    await expect(commitCarryOver(cStaff, { parkId: cPark.id, year: from }, TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { projectIds: ["请先预览结转结果再确认"] } });
    await expect(previewCarryOver(cStaff, { parkId: cPark.id, year: Y + 1 }, TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { year: [`${Y + 1} 年尚未开始，不能结转；结转的是已结束（或即将结束）年度的计划`] } });
    await expect(previewCarryOver(cStaff, { parkId: cPark.id, year: from, mode: "all" }, TODAY)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { mode: [expect.stringContaining("结转方式")] } });
    await expect(previewCarryOver(leader, { parkId: park.id, year: from }, TODAY)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewCarryOver(otherStaff, { parkId: cPark.id, year: from }, TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await plansOf(notStarted.id)).toHaveLength(1);
  });

  it("carries as previewed in one transaction, audited, never overwriting; a second run has nothing left to carry", async () => {
    const preview = await previewCarryOver(cStaff, { parkId: cPark.id, year: from }, TODAY);
    const result = await commitCarryOver(cStaff, { parkId: cPark.id, year: from, projectIds: preview.carryIds }, TODAY);
    expect(result).toEqual({ year: from, toYear: Y, carried: 3, kept: 1 });
    const next = async (id: number) => (await plansOf(id)).find((p) => p.year === Y) ?? null;
    expect(await next(notStarted.id)).toEqual({ year: Y, plannedInvestment: "1000.00", planStart: true, planProduction: false, note: `由 ${from} 年计划结转` });
    expect(await next(shortfall.id)).toEqual({ year: Y, plannedInvestment: "500.00", planStart: false, planProduction: true, note: `由 ${from} 年计划结转` });
    expect(await next(alreadyPlanned.id)).toEqual({ year: Y, plannedInvestment: "100.00", planStart: false, planProduction: false, note: "年初已定" });
    expect(await next(done.id)).toBeNull();
    expect(await next(terminated.id)).toBeNull();
    expect((await audits(notStarted.id, "project.yearPlan")).at(-1)).toMatchObject({ actorId: cStaff.userId, after: { year: Y, via: "carryOver", fromYear: from, mode: "remainder" } });
    const summary = await audits(`${cPark.id}-${Y}`, "plan.carryOver");
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ parkId: cPark.id, after: { fromYear: from, toYear: Y, mode: "remainder", carried: 3, kept: 1 } });

    const again = await previewCarryOver(cStaff, { parkId: cPark.id, year: from }, TODAY);
    expect(again.counts).toEqual({ planned: 6, carry: 0, exists: 4, none: 2 });
    await expect(commitCarryOver(cStaff, { parkId: cPark.id, year: from, projectIds: [] }, TODAY)).rejects.toMatchObject({ code: "VALIDATION", message: `${cPark.name}没有需要结转到 ${Y} 年的计划` });
    expect(await audits(`${cPark.id}-${Y}`, "plan.carryOver")).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- the API

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

async function call(handler: unknown, method: string, path: string, opts: { token: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { authorization: `Bearer ${opts.token}` };
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] = "application/json";
  }
  const res = await (handler as Handler)(new Request(`http://localhost/api/v1${path}`, { method, headers, body }), { params: Promise.resolve(opts.params) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) S.apiErrorSchema.parse(json);
  return { status: res.status, json };
}
const fields = (json: Record<string, unknown>) => (json as z.infer<typeof S.apiErrorSchema>).error.fields;

describe("the plan API", () => {
  let read: string;
  let write: string;
  let p: { id: number };
  let foreign: { id: number };

  beforeAll(async () => {
    read = (await createApiToken(admin, { name: unique("t"), scope: "READ", parkIds: [park.id] })).token;
    write = (await createApiToken(admin, { name: unique("t"), scope: "READ_WRITE", parkIds: [park.id] })).token;
    p = await project(park.id);
    foreign = await project(otherPark.id);
  });
  beforeEach(async () => {
    await getDb().apiRateLimit.deleteMany();
  });

  it("PUT sets any year's plan (a read-only token is refused), GET lists them, DELETE removes one", async () => {
    const put = (token: string, year: string, body: unknown, id = p.id) => call(projectPlanYearRoute.PUT, "PUT", `/projects/${id}/plans/${year}`, { token, body, params: { id: String(id), year } });
    expect((await put(read, String(Y + 1), { plannedInvestment: "10" })).status).toBe(403);
    const saved = await put(write, String(Y + 1), { plannedInvestment: 2500.5, planStart: true, planProduction: false, note: "API" });
    expect(saved.status).toBe(200);
    expect(P.yearPlanSavedSchema.parse(saved.json)).toEqual({ projectId: p.id, year: Y + 1, plannedInvestment: "2500.50", planStart: true, planProduction: false, note: "API" });
    // A note left out is kept.
    expect(P.yearPlanSavedSchema.parse((await put(write, String(Y + 1), { plannedInvestment: "3000" })).json)).toMatchObject({ plannedInvestment: "3000.00", planStart: false, note: "API" });
    await put(write, String(Y), { plannedInvestment: 0, planProduction: true });

    const list = await call(projectPlansRoute.GET, "GET", `/projects/${p.id}/plans`, { token: read, params: { id: String(p.id) } });
    expect(list.status).toBe(200);
    expect(P.projectPlansSchema.parse(list.json).plans.map((x) => [x.year, x.plannedInvestment, x.planProduction])).toEqual([
      [Y + 1, "3000.00", false],
      [Y, "0.00", true],
    ]);
    const one = await call(projectPlansRoute.GET, "GET", `/projects/${p.id}/plans?year=${Y}`, { token: read, params: { id: String(p.id) } });
    expect(P.projectPlansSchema.parse(one.json).plans.map((x) => x.year)).toEqual([Y]);

    const del = (year: string) => call(projectPlanYearRoute.DELETE, "DELETE", `/projects/${p.id}/plans/${year}`, { token: write, params: { id: String(p.id), year } });
    expect(P.yearPlanRemovedSchema.parse((await del(String(Y))).json)).toEqual({ projectId: p.id, year: Y, removed: true });
    expect(P.yearPlanRemovedSchema.parse((await del(String(Y))).json)).toEqual({ projectId: p.id, year: Y, removed: false });
    expect((await plansOf(p.id)).map((x) => x.year)).toEqual([Y + 1]);
    const auditRow = (await audits(p.id, "project.yearPlanRemove")).at(-1);
    expect(auditRow?.after).toMatchObject({ year: Y, via: "api" });
  });

  it("answers bad input with 422 naming the field, other parks with 404, never a 500", async () => {
    const put = (year: string, body: unknown, id = p.id) => call(projectPlanYearRoute.PUT, "PUT", `/projects/${id}/plans/${year}`, { token: write, body, params: { id: String(id), year } });
    const bad = await put(String(Y), { plannedInvestment: "一千", planStart: "yes please" });
    expect(bad.status).toBe(422);
    expect(fields(bad.json).map((f) => [f.path, f.message])).toEqual([
      ["plannedInvestment", "本年计划投资须为数字，最多两位小数"],
      ["planStart", "计划本年开工须为是或否（true / false）"],
    ]);
    expect(fields((await put(String(Y), {})).json)).toEqual([{ path: "plannedInvestment", message: "请填写本年计划投资", en: "Please fill in the planned investment this year" }]);
    expect(fields((await put("20x6", { plannedInvestment: "1" })).json)).toEqual([{ path: "year", message: "计划年份须为数字", en: "The plan year must be a number" }]);
    expect(fields((await put(String(Y + 9), { plannedInvestment: "1" })).json).map((f) => f.path)).toEqual(["year"]);
    expect((await put(String(Y), { plannedInvestment: "1" }, foreign.id)).status).toBe(404);
    expect((await call(projectPlansRoute.GET, "GET", `/projects/${foreign.id}/plans`, { token: read, params: { id: String(foreign.id) } })).status).toBe(404);
    const badQuery = await call(projectPlansRoute.GET, "GET", `/projects/${p.id}/plans?year=abc`, { token: read, params: { id: String(p.id) } });
    expect([badQuery.status, fields(badQuery.json).map((f) => f.path)]).toEqual([422, ["year"]]);
  });

  it("GET /parks/{id}/plans pages the park's plan for a year", async () => {
    const get = (query: string, id = park.id) => call(parkPlansRoute.GET, "GET", `/parks/${id}/plans?${query}`, { token: read, params: { id: String(id) } });
    const res = await get(`year=${Y + 1}&pageSize=1`);
    expect(res.status).toBe(200);
    const body = P.parkPlansSchema.parse(res.json);
    expect(body).toMatchObject({ parkId: park.id, year: Y + 1, page: 1, pageSize: 1 });
    expect(body.items).toHaveLength(1);
    expect(body.items[0].plan).not.toBeNull(); // planned first
    expect(body.pageCount).toBe(body.total);
    expect(body.totals.planned).toBeGreaterThanOrEqual(1);
    const page2 = P.parkPlansSchema.parse((await get(`year=${Y + 1}&pageSize=1&page=2`)).json);
    expect(page2.items[0].projectId).not.toBe(body.items[0].projectId);
    const bad = await get("year=2200&only=some&pageSize=500");
    expect([bad.status, fields(bad.json).map((f) => f.path).sort()]).toEqual([422, ["only", "pageSize", "year"]]);
    expect((await get(`year=${Y}`, otherPark.id)).status).toBe(404);
  });
});
