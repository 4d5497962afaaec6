import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { METRICS, type Metric, type ProjectFacts, countIndicators, formatPercent } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import { getBoard } from "@/lib/server/board/get-board";
import { getIndicators } from "@/lib/server/metrics/get-indicators";
import { getIndustryBreakdown } from "@/lib/server/metrics/get-industry-breakdown";
import { getMonthlyTrend } from "@/lib/server/metrics/get-monthly-trend";
import { getParkRanking } from "@/lib/server/metrics/get-park-ranking";
import { getOverdueProblems } from "@/lib/server/metrics/get-overdue-problems";
import { countsOf, queryCounts } from "@/lib/server/metrics/indicator-sql";
import { getDashboard } from "@/lib/server/metrics/get-dashboard";
import { metricProjectIds } from "@/lib/server/metrics/drill-down";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { listProjects } from "@/lib/server/projects/list-projects";
import { boardFiltersSchema } from "@/lib/validation/board-filters";
import { resolveIndicatorScope } from "@/lib/validation/indicator-scope";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { makeActor, makePark, makeProject, makeRegion, makeUser, type ProjectSpec } from "../helpers/factories";

const TODAY = "2026-11-23";
const scope = (raw: { park?: number; region?: number; year?: number; through?: number; cohort?: number } = {}) =>
  resolveIndicatorScope({ year: 2026, through: 10, ...raw }, TODAY);

interface Extra {
  plannedStartDate?: string;
  actualStartDate?: string;
  actualProductionDate?: string;
  investmentCompletedBefore?: string;
  fundsArrivedBefore?: string;
  statusReason?: string;
  plan?: { plannedInvestment: string; planStart?: boolean; planProduction?: boolean };
  reports?: [year: number, month: number, investment: string, funds: string, problems?: string][];
}

let filerId: number;
async function project(spec: ProjectSpec, extra: Extra = {}) {
  const db = getDb();
  const p = await makeProject(spec);
  const d = (s?: string) => (s ? isoToDate(s) : undefined);
  await db.project.update({
    where: { id: p.id },
    data: {
      plannedStartDate: d(extra.plannedStartDate),
      actualStartDate: d(extra.actualStartDate),
      actualProductionDate: d(extra.actualProductionDate),
      investmentCompletedBefore: extra.investmentCompletedBefore,
      fundsArrivedBefore: extra.fundsArrivedBefore,
      statusReason: extra.statusReason,
    },
  });
  if (extra.plan) {
    await db.projectYearPlan.create({
      data: { projectId: p.id, year: 2026, plannedInvestment: extra.plan.plannedInvestment, planStart: !!extra.plan.planStart, planProduction: !!extra.plan.planProduction },
    });
  }
  for (const [year, month, investmentCompleted, fundsArrived, problems] of extra.reports ?? []) {
    await db.progressReport.create({ data: { projectId: p.id, year, month, investmentCompleted, fundsArrived, problems, filedById: filerId } });
  }
  return p;
}

/** The projects of `parkIds` as the pure model reads them: stage dates, status history, the year's plan, reports. */
async function factsOf(parkIds: number[], year: number): Promise<ProjectFacts[]> {
  const rows = await getDb().project.findMany({
    where: { parkId: { in: parkIds } },
    include: {
      yearPlans: { where: { year } },
      progressReports: true,
      stageEvents: { where: { type: { in: ["SUSPEND", "TERMINATE", "RESUME"] } }, orderBy: { id: "asc" } },
    },
  });
  const iso = (d: Date | null) => (d ? dateToIso(d) : null);
  return rows.map((p) => ({
    stage: p.stage,
    stageDate: dateToIso(p.stageDate),
    signedDate: dateToIso(p.signedDate),
    landedDate: iso(p.landedDate),
    actualStartDate: iso(p.actualStartDate),
    actualProductionDate: iso(p.actualProductionDate),
    status: p.status,
    statusDate: iso(p.statusDate),
    statusChanges: p.stageEvents.map((e) => ({ date: dateToIso(e.businessDate), status: e.toStatus })),
    plannedStartDate: iso(p.plannedStartDate),
    contractInvestment: p.contractInvestment.toString(),
    totalInvestment: p.totalInvestment.toString(),
    investmentCompletedBefore: p.investmentCompletedBefore.toString(),
    fundsArrivedBefore: p.fundsArrivedBefore.toString(),
    plan: p.yearPlans[0]
      ? { plannedInvestment: p.yearPlans[0].plannedInvestment.toString(), planStart: p.yearPlans[0].planStart, planProduction: p.yearPlans[0].planProduction }
      : null,
    reports: p.progressReports.map((x) => ({ year: x.year, month: x.month, investmentCompleted: x.investmentCompleted.toString(), fundsArrived: x.fundsArrived.toString() })),
  }));
}

describe("dashboard metrics", () => {
  let parkA1: { id: number };
  let parkA2: { id: number };
  let parkB: { id: number };
  let emptyPark: { id: number };
  let regionA: { id: number };
  let regionB: { id: number };
  let regionLeader: Actor;
  let parkLeader: Actor;
  let liaison: Actor;

  beforeAll(async () => {
    regionA = await makeRegion();
    regionB = await makeRegion();
    parkA1 = await makePark(regionA.id);
    parkA2 = await makePark(regionA.id);
    emptyPark = await makePark(regionA.id);
    parkB = await makePark(regionB.id);
    regionLeader = await makeActor([{ role: "REGION_LEADER", regionId: regionA.id }]);
    parkLeader = await makeActor([{ role: "PARK_LEADER", parkId: parkA1.id }]);
    liaison = await makeActor([{ role: "LIAISON", parkId: parkA1.id }]);
    filerId = (await makeUser([{ role: "PARK_STAFF", parkId: parkA1.id }])).id;

    // Park A1, cohort 2026 (signed Jan..Oct).
    await project(
      { parkId: parkA1.id, name: "甲-投产", stage: "PRODUCING", signedDate: "2026-02-01", contractInvestment: "1000.00", totalInvestment: "5000.00" },
      {
        plannedStartDate: "2026-03-01",
        actualStartDate: "2026-03-05",
        actualProductionDate: "2026-09-01",
        investmentCompletedBefore: "100.00",
        fundsArrivedBefore: "50.00",
        plan: { plannedInvestment: "2000.00", planStart: true, planProduction: true },
        reports: [
          [2025, 12, "10.00", "5.00"],
          [2026, 1, "200.00", "100.00"],
          [2026, 10, "300.00", "150.00"],
          [2026, 11, "999.00", "999.00"], // after the period
        ],
      },
    );
    await project(
      { parkId: parkA1.id, name: "乙-开工", stage: "STARTED", signedDate: "2026-03-15", contractInvestment: "2000.00" },
      { plannedStartDate: "2026-06-01", actualStartDate: "2026-06-10", plan: { plannedInvestment: "1000.00", planStart: true }, reports: [[2026, 5, "400.00", "300.00"]] },
    );
    await project(
      { parkId: parkA1.id, name: "丙-暂缓", stage: "LANDED", status: "SUSPENDED", signedDate: "2026-04-01", contractInvestment: "500.00" },
      { plannedStartDate: "2026-08-01", statusReason: "用地未交付" },
    );
    await project(
      { parkId: parkA1.id, name: "丁-终止", stage: "STARTED", status: "TERMINATED", signedDate: "2026-05-01", contractInvestment: "700.00" },
      { actualStartDate: "2026-06-01" },
    );
    await project(
      { parkId: parkA1.id, name: "戊-签约", signedDate: "2026-10-31", contractInvestment: "300.00" },
      { plannedStartDate: "2026-11-10", plan: { plannedInvestment: "500.00", planStart: true } },
    );
    // Signed after the period: in the 2026 board, not in the Jan..Oct cohort.
    await project({ parkId: parkA1.id, name: "己-期后", signedDate: "2026-11-02", contractInvestment: "9999.00" });
    // Cohort 2025, but in the 2026 plan and due to start.
    await project(
      { parkId: parkA1.id, name: "庚-旧批次", stage: "LANDED", signedDate: "2025-06-01", contractInvestment: "600.00" },
      {
        plannedStartDate: "2026-04-01",
        plan: { plannedInvestment: "3000.00", planStart: true, planProduction: true },
        reports: [
          [2026, 8, "100.00", "0", "资金未到位"],
          [2026, 9, "500.00", "0", "环评未批复"],
        ],
      },
    );
    await project(
      { parkId: parkA2.id, name: "辛-电子", industry: "电子信息", stage: "PRODUCING", signedDate: "2026-01-10", contractInvestment: "4000.00" },
      { actualStartDate: "2026-02-01", actualProductionDate: "2026-05-01" },
    );
    // Region B: never in region A's figures.
    await project({ parkId: parkB.id, name: "壬-外区", stage: "STARTED", signedDate: "2026-02-01", contractInvestment: "800.00" }, { actualStartDate: "2026-02-01" });
  });

  it("counts the hand-built world as expected", async () => {
    const r = await getIndicators(regionLeader, scope(), TODAY);
    expect(r.asOf).toBe("2026-10-31");
    expect(r.counts).toEqual({
      signed: 6,
      honoured: 5,
      terminated: 1,
      suspended: 1,
      landed: 4,
      started: 3,
      producing: 2,
      contractInvestment: "8500.00",
      honouredContractInvestment: "7800.00",
      fundsArrived: "605.00",
      planned: 4,
      planStart: 4,
      planStarted: 2,
      planDue: 3,
      planDueStarted: 2,
      planProduction: 2,
      planProducing: 1,
      plannedInvestment: "6500.00",
      yearCompleted: "1500.00",
      totalInvestment: "35000.00",
      totalCompleted: "1610.00",
      dueNotStarted: 2,
    });
    const k = Object.fromEntries(r.indicators.map((i) => [i.key, i]));
    expect(formatPercent(k.fulfilment.rate)).toBe("83.3%");
    expect(formatPercent(k.startCohort.rate)).toBe("50.0%");
    expect(formatPercent(k.funds.rate)).toBe("7.8%");
    expect(formatPercent(k.investmentYear.rate)).toBe("23.1%");
    expect(k.investmentYear.pointsAgainstTime).toBe(-60.3);
    expect(r.boardColumns).toEqual({ SIGNED: 1, LANDED: 0, STARTED: 1, PRODUCING: 2, SUSPENDED: 1, TERMINATED: 1 });
    expect(r.dueNotStarted.map((d) => [d.name, d.reason, d.daysLate])).toEqual([
      ["庚-旧批次", "环评未批复", 213],
      ["丙-暂缓", "用地未交付", 91],
    ]);
  });

  it("agrees with the pure reference model on the same data, for several periods and scopes", async () => {
    const cases = [
      { actor: regionLeader, s: scope() },
      { actor: regionLeader, s: scope({ through: 12 }) },
      { actor: regionLeader, s: scope({ through: 3 }) },
      { actor: regionLeader, s: scope({ cohort: 2025, through: 12 }) },
      { actor: parkLeader, s: scope() },
      { actor: regionLeader, s: scope({ park: parkA2.id, through: 6 }) },
    ];
    for (const { actor, s } of cases) {
      const parkIds = s.park ? [s.park] : [parkA1.id, parkA2.id, emptyPark.id].filter((id) => actor.parkRoles.has(id));
      const facts = await factsOf(parkIds, s.year);
      const expected = countIndicators(facts, { year: s.year, through: s.through, cohort: s.cohort }, TODAY);
      const [row] = await queryCounts(actor, parkIds, { year: s.year, through: s.through, cohort: s.cohort }, TODAY, "none");
      expect(countsOf(row), JSON.stringify(s)).toEqual(expected);
    }
  });

  it("drills every figure down to exactly the projects behind it in the ledger list", async () => {
    for (const s of [scope(), scope({ cohort: 2025, through: 12 }), scope({ park: parkA1.id })]) {
      const r = await getIndicators(regionLeader, s, TODAY);
      const expected: Record<Metric, number> = {
        "cohort.signed": r.counts.signed,
        "cohort.honoured": r.counts.honoured,
        "cohort.terminated": r.counts.terminated,
        "cohort.landed": r.counts.landed,
        "cohort.started": r.counts.started,
        "cohort.producing": r.counts.producing,
        "plan.all": r.counts.planned,
        "plan.start": r.counts.planStart,
        "plan.started": r.counts.planStarted,
        "plan.due": r.counts.planDue,
        "plan.dueStarted": r.counts.planDueStarted,
        "plan.production": r.counts.planProduction,
        "plan.producing": r.counts.planProducing,
        "due.notStarted": r.counts.dueNotStarted,
      };
      for (const metric of METRICS) {
        const list = await listProjects(
          regionLeader,
          projectFiltersSchema.parse({ metric, period: `2026-${String(s.through).padStart(2, "0")}`, cohort: s.cohort, park: s.park, region: s.park ? undefined : regionA.id, pageSize: 100 }),
        );
        expect(list.total, `${metric} ${JSON.stringify(s)}`).toBe(expected[metric]);
      }
    }
    // The list shows which projects: the started ones of the 2026 cohort.
    const started = await listProjects(regionLeader, projectFiltersSchema.parse({ metric: "cohort.started", period: "2026-10", cohort: 2026 }));
    expect(started.items.map((i) => i.name).sort()).toEqual(["乙-开工", "甲-投产", "辛-电子"].sort());
  });

  it("matches the board's column counts and the ledger total for the same filter", async () => {
    const r = await getIndicators(regionLeader, scope({ through: 12 }), TODAY);
    const board = await getBoard(regionLeader, boardFiltersSchema.parse({ year: 2026 }), TODAY);
    const col = Object.fromEntries(board.map((c) => [c.key, c.count]));
    expect(r.boardColumns).toEqual(col);
    expect(r.counts.signed).toBe(7);
    const ledger = await listProjects(regionLeader, projectFiltersSchema.parse({ year: 2026 }));
    expect(ledger.total).toBe(r.counts.signed);
    // The cumulative stage counts are the board's columns added up.
    expect(r.counts.producing).toBe(col.PRODUCING);
    expect(r.counts.started).toBe(col.STARTED + col.PRODUCING);
    expect(r.counts.honoured).toBe(r.counts.signed - col.TERMINATED);
  });

  it("ranks parks with the same figures as the headline for one park, including parks without projects", async () => {
    const ranking = await getParkRanking(regionLeader, scope(), TODAY);
    expect(ranking.map((p) => p.parkId).sort()).toEqual([parkA1.id, parkA2.id, emptyPark.id].sort());
    const a1 = ranking.find((p) => p.parkId === parkA1.id)!;
    const headA1 = await getIndicators(regionLeader, scope({ park: parkA1.id }), TODAY);
    expect(a1.counts).toEqual(headA1.counts);
    expect(ranking.find((p) => p.parkId === emptyPark.id)!.indicators.every((i) => i.rate === null)).toBe(true);
    const sum = ranking.reduce((s, p) => s + p.counts.signed, 0);
    expect(sum).toBe(6);
  });

  it("breaks down by industry and month", async () => {
    const industries = await getIndustryBreakdown(regionLeader, scope(), TODAY);
    expect(industries.map((i) => [i.industry, i.counts.signed, i.counts.started])).toEqual([
      ["新材料", 5, 2],
      ["电子信息", 1, 1],
    ]);
    const trend = await getMonthlyTrend(regionLeader, scope(), TODAY);
    expect(trend).toHaveLength(10);
    const m = (n: number) => trend[n - 1];
    expect(m(1)).toMatchObject({ signed: 1, contractInvestment: "4000.00", investmentCompleted: "200.00", fundsArrived: "100.00" });
    expect(m(2)).toMatchObject({ signed: 1, started: 1 });
    expect(m(3)).toMatchObject({ signed: 1, started: 1 });
    expect(m(5)).toMatchObject({ signed: 1, producing: 1, investmentCompleted: "400.00" });
    expect(m(6)).toMatchObject({ started: 1 }); // the terminated project's start is not counted
    expect(m(9)).toMatchObject({ producing: 1, investmentCompleted: "500.00" });
    expect(m(10)).toMatchObject({ signed: 1, investmentCompleted: "300.00" });
    expect(trend.reduce((s, t) => s + t.signed, 0)).toBe(6);
  });

  it("gives the dashboard the same figures in one pass as the services one by one", async () => {
    for (const s of [scope(), scope({ park: parkA1.id }), scope({ region: regionA.id, through: 12 }), scope({ park: emptyPark.id })]) {
      const d = await getDashboard(regionLeader, s, TODAY);
      expect(d.indicators).toEqual(await getIndicators(regionLeader, s, TODAY));
      expect(d.ranking).toEqual(await getParkRanking(regionLeader, s, TODAY));
      expect(d.industries).toEqual(await getIndustryBreakdown(regionLeader, s, TODAY));
      expect(d.trend).toEqual(await getMonthlyTrend(regionLeader, s, TODAY));
    }
    await expect(getDashboard(liaison, scope(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps scope: other parks are not found, a liaison has no dashboard, empty scopes show no rates", async () => {
    await expect(getIndicators(parkLeader, scope({ park: parkA2.id }), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIndicators(regionLeader, scope({ park: parkB.id }), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIndicators(regionLeader, scope({ region: regionB.id }), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIndicators(liaison, scope(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getParkRanking(liaison, scope(), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = await getIndicators(parkLeader, scope(), TODAY);
    expect(own.counts.signed).toBe(5);
    const empty = await getIndicators(regionLeader, scope({ park: emptyPark.id }), TODAY);
    expect(empty.indicators.every((i) => i.rate === null)).toBe(true);
    expect(empty.dueNotStarted).toEqual([]);
    const overdue = await getOverdueProblems(regionLeader, scope(), TODAY);
    expect(overdue).toEqual({ total: 0, byPark: [], items: [] });
  });
});

// ---------------------------------------------------------------- as of the period's end
// Figures for a period read each project as it stood on the period's last day (or today,
// if earlier), from business dates: the same world seen for Jan–Oct and Jan–Nov. Built
// through the real write paths (stage moves, corrections, status changes), so the test
// also proves those record what the as-of rule reads.

describe("figures as of the period's end", () => {
  let regionC: { id: number };
  let parkC1: { id: number };
  let parkC2: { id: number };
  let reader: Actor;
  let writer: Actor;
  const ids: Record<string, number> = {};
  const period = (through: number, raw: { park?: number; cohort?: number } = {}) =>
    resolveIndicatorScope({ region: raw.park ? undefined : regionC.id, park: raw.park, year: 2026, through, cohort: raw.cohort }, TODAY);

  async function version(id: number) {
    return (await getDb().project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  }
  async function advance(id: number, toStage: "LANDED" | "STARTED" | "PRODUCING", dates: { landed?: string; started?: string; producing?: string }) {
    await moveProjectStage(writer, {
      projectId: id,
      version: await version(id),
      toStage,
      landed: dates.landed ? { date: dates.landed, registrationDate: dates.landed } : null,
      started: dates.started ? { date: dates.started } : null,
      producing: dates.producing ? { date: dates.producing, capacity: "年产 1 万吨" } : null,
    });
  }
  async function status(id: number, action: "SUSPEND" | "TERMINATE" | "RESUME", date: string, reason: string) {
    await changeProjectStatus(writer, { projectId: id, version: await version(id), action, date, reason });
  }
  async function add(key: string, spec: Omit<ProjectSpec, "parkId"> & { parkId?: number }, extra: Extra = {}) {
    ids[key] = (await project({ parkId: parkC1.id, name: `${key}-${regionC.id}`, ...spec }, extra)).id;
    return ids[key];
  }

  beforeAll(async () => {
    regionC = await makeRegion();
    parkC1 = await makePark(regionC.id);
    parkC2 = await makePark(regionC.id);
    reader = await makeActor([{ role: "REGION_LEADER", regionId: regionC.id }]);
    writer = await makeActor([
      { role: "PARK_LEADER", parkId: parkC1.id },
      { role: "PARK_STAFF", parkId: parkC1.id },
      { role: "PARK_LEADER", parkId: parkC2.id },
      { role: "PARK_STAFF", parkId: parkC2.id },
    ]);
    const plan = { plannedInvestment: "1000.00", planStart: true };

    // Started in November: landed in Jan–Oct, started in Jan–Nov; due (planned 09-01) and not started in Jan–Oct.
    await add("期后开工", { signedDate: "2026-02-01" }, { plannedStartDate: "2026-09-01", plan });
    await advance(ids["期后开工"], "LANDED", { landed: "2026-03-01" });
    await advance(ids["期后开工"], "STARTED", { started: "2026-11-12" });
    // Started in May (a jump of two stages), terminated in November: honoured and started in Jan–Oct.
    await add("期后终止", { signedDate: "2026-02-10" }, { plannedStartDate: "2026-05-01", plan });
    await advance(ids["期后终止"], "STARTED", { landed: "2026-03-01", started: "2026-05-12" });
    await status(ids["期后终止"], "TERMINATE", "2026-11-10", "企业资金链断裂");
    // Started in June, then corrected back to 落地: never started, in any period.
    await add("更正回退", { signedDate: "2026-03-01" }, { plannedStartDate: "2026-12-20" });
    await advance(ids["更正回退"], "STARTED", { landed: "2026-04-01", started: "2026-06-01" });
    await moveProjectStage(writer, { projectId: ids["更正回退"], version: await version(ids["更正回退"]), toStage: "LANDED", reason: "开工信息录入错误，实为平整场地" });
    // Landed, started and producing on one day (签约即落地, 落地即开工 … 投产).
    await add("同日多阶段", { signedDate: "2026-05-15" });
    await advance(ids["同日多阶段"], "PRODUCING", { landed: "2026-07-20", started: "2026-07-20", producing: "2026-07-20" });
    // Reports of October and November: the Jan–Oct figures count October only.
    await add(
      "期后月报",
      { signedDate: "2026-01-15" },
      {
        plan: { plannedInvestment: "2000.00" },
        reports: [
          [2026, 10, "300.00", "100.00"],
          [2026, 11, "700.00", "400.00"],
        ],
      },
    );
    await advance(ids["期后月报"], "STARTED", { landed: "2026-02-01", started: "2026-02-01" });
    // Terminated in March, resumed in November: terminated in Jan–Oct, honoured again in Jan–Nov.
    await add("终止后恢复", { signedDate: "2026-01-05" });
    await advance(ids["终止后恢复"], "LANDED", { landed: "2026-02-01" });
    await status(ids["终止后恢复"], "TERMINATE", "2026-03-20", "企业撤资");
    await status(ids["终止后恢复"], "RESUME", "2026-11-05", "新投资方接手");
    // Suspended in April, resumed in November: suspended in Jan–Oct, with the suspension's reason in the due list.
    await add("暂缓后恢复", { signedDate: "2026-01-06" }, { plannedStartDate: "2026-06-01" });
    await advance(ids["暂缓后恢复"], "LANDED", { landed: "2026-02-01" });
    await status(ids["暂缓后恢复"], "SUSPEND", "2026-04-01", "规划调整待批复");
    await status(ids["暂缓后恢复"], "RESUME", "2026-11-03", "规划已批复");
    // Several changes before the period's end, the last after it: the latest one on or before the day counts (terminated in June).
    await add("多次变更", { parkId: parkC2.id, signedDate: "2026-01-08" });
    await advance(ids["多次变更"], "LANDED", { landed: "2026-02-01" });
    await status(ids["多次变更"], "SUSPEND", "2026-03-01", "环评整改");
    await status(ids["多次变更"], "RESUME", "2026-04-01", "整改完成");
    await status(ids["多次变更"], "TERMINATE", "2026-06-01", "企业主动解约");
    await status(ids["多次变更"], "RESUME", "2026-11-06", "重新签订补充协议");
    // Signed in November, in the 2026 plan: in no Jan–Oct figure.
    await add("期后签约", { signedDate: "2026-11-02" }, { plannedStartDate: "2026-11-15", plan });
    // Park C2: production in November.
    await add("期后投产", { parkId: parkC2.id, signedDate: "2026-01-20" }, { plan: { plannedInvestment: "500.00", planProduction: true } });
    await advance(ids["期后投产"], "STARTED", { landed: "2026-02-01", started: "2026-03-01" });
    await advance(ids["期后投产"], "PRODUCING", { producing: "2026-11-15" });
  });

  it("a correction clears the dates above the stage it goes back to (what the rule reads)", async () => {
    const p = await getDb().project.findUniqueOrThrow({ where: { id: ids["更正回退"] } });
    expect([p.stage, p.actualStartDate, p.landedDate && dateToIso(p.landedDate)]).toEqual(["LANDED", null, "2026-04-01"]);
  });

  it("counts Jan–Oct as the projects stood on October 31st, and Jan–Nov as they stood on November 23rd", async () => {
    const oct = await getIndicators(reader, period(10), TODAY);
    expect(oct.asOf).toBe("2026-10-31");
    expect(oct.counts).toMatchObject({
      signed: 9, // 期后签约 is not in the cohort
      honoured: 7, // 终止后恢复 and 多次变更 stood terminated; 期后终止 not yet
      terminated: 2,
      suspended: 1, // 暂缓后恢复
      landed: 7, // all honoured ones (the suspended one too); 更正回退 counts as landed
      started: 4, // 期后终止, 同日多阶段, 期后月报, 期后投产 — not 期后开工 (November), not 更正回退
      producing: 1, // 同日多阶段
      planned: 4, // 期后开工, 期后终止, 期后月报, 期后投产 — not 期后签约
      planStart: 2,
      planStarted: 1,
      planDue: 2,
      planDueStarted: 1,
      planProduction: 1,
      planProducing: 0,
      yearCompleted: "300.00",
      dueNotStarted: 2, // 期后开工 (LANDED), 暂缓后恢复 (SUSPENDED)
    });
    expect(oct.boardColumns).toEqual({ SIGNED: 0, LANDED: 2, STARTED: 3, PRODUCING: 1, SUSPENDED: 1, TERMINATED: 2 });
    expect(oct.dueNotStarted.map((d) => [d.name.split("-")[0], d.stage, d.status, d.reason])).toEqual([
      ["暂缓后恢复", "LANDED", "SUSPENDED", "规划调整待批复"],
      ["期后开工", "LANDED", "ACTIVE", null],
    ]);

    const nov = await getIndicators(reader, period(11), TODAY);
    expect(nov.asOf).toBe(TODAY);
    expect(nov.counts).toMatchObject({
      signed: 10,
      honoured: 9,
      terminated: 1, // 期后终止 now; 终止后恢复 and 多次变更 resumed
      suspended: 0,
      landed: 8, // 期后签约 is only signed, 期后终止 terminated
      started: 4, // + 期后开工, − 期后终止
      producing: 2,
      planned: 5,
      planStart: 3,
      planStarted: 1,
      planDue: 3,
      planDueStarted: 1,
      planProducing: 1,
      yearCompleted: "1000.00",
    });
    // Today's ledger is what the board shows; the as-of figures of a finished month stay put.
    expect((await getIndicators(reader, period(10), "2026-12-30")).counts).toEqual(oct.counts);
  });

  it("agrees with the pure reference model in every period and cohort", async () => {
    const parkIds = [parkC1.id, parkC2.id];
    for (const through of [1, 2, 3, 5, 6, 7, 10, 11, 12]) {
      for (const cohort of [2026, 2025]) {
        const p = { year: 2026, through, cohort };
        const [row] = await queryCounts(reader, parkIds, p, TODAY, "none");
        expect(countsOf(row), JSON.stringify(p)).toEqual(countIndicators(await factsOf(parkIds, 2026), p, TODAY));
      }
    }
  });

  it("drills every figure of Jan–Oct and Jan–Nov down to exactly its projects", async () => {
    for (const through of [6, 10, 11]) {
      const s = period(through);
      const r = await getIndicators(reader, s, TODAY);
      const expected: Record<Metric, number> = {
        "cohort.signed": r.counts.signed,
        "cohort.honoured": r.counts.honoured,
        "cohort.terminated": r.counts.terminated,
        "cohort.landed": r.counts.landed,
        "cohort.started": r.counts.started,
        "cohort.producing": r.counts.producing,
        "plan.all": r.counts.planned,
        "plan.start": r.counts.planStart,
        "plan.started": r.counts.planStarted,
        "plan.due": r.counts.planDue,
        "plan.dueStarted": r.counts.planDueStarted,
        "plan.production": r.counts.planProduction,
        "plan.producing": r.counts.planProducing,
        "due.notStarted": r.counts.dueNotStarted,
      };
      const idsOf = await metricProjectIds(reader, [parkC1.id, parkC2.id], { year: 2026, through, cohort: 2026 }, TODAY);
      for (const metric of METRICS) {
        const list = await listProjects(reader, projectFiltersSchema.parse({ metric, period: `2026-${String(through).padStart(2, "0")}`, cohort: 2026, region: regionC.id, pageSize: 100 }));
        expect(list.total, `${metric} 1—${through}月`).toBe(expected[metric]);
        expect(idsOf[metric], `${metric} 1—${through}月`).toEqual(list.items.map((i) => i.id).sort((a, b) => a - b));
      }
    }
    const names = async (metric: Metric, through: number) =>
      (await listProjects(reader, projectFiltersSchema.parse({ metric, period: `2026-${String(through).padStart(2, "0")}`, cohort: 2026, region: regionC.id }))).items
        .map((i) => i.name.split("-")[0])
        .sort();
    expect(await names("cohort.terminated", 10)).toEqual(["多次变更", "终止后恢复"].sort());
    expect(await names("cohort.terminated", 6)).toEqual(["多次变更", "终止后恢复"].sort());
    expect(await names("cohort.terminated", 5)).toEqual(["终止后恢复"]);
    expect(await names("cohort.terminated", 11)).toEqual(["期后终止"]);
    expect(await names("cohort.started", 10)).toEqual(["同日多阶段", "期后投产", "期后月报", "期后终止"].sort());
    expect(await names("due.notStarted", 10)).toEqual(["暂缓后恢复", "期后开工"].sort());
  });

  it("ranks the parks on each month's own figures", async () => {
    const oct = await getParkRanking(reader, period(10), TODAY);
    const nov = await getParkRanking(reader, period(11), TODAY);
    const c2 = (rows: typeof oct) => rows.find((r) => r.parkId === parkC2.id)!.counts;
    expect([c2(oct).producing, c2(nov).producing]).toEqual([0, 1]);
    expect(oct.find((r) => r.parkId === parkC1.id)!.counts).toEqual((await getIndicators(reader, period(10, { park: parkC1.id }), TODAY)).counts);
  });

  it("puts each start and production in the month it happened, if it still stood at the period's end", async () => {
    const oct = await getMonthlyTrend(reader, period(10), TODAY);
    const m = (t: typeof oct, n: number) => t[n - 1];
    expect(oct.reduce((s, t) => s + t.started, 0)).toBe(4);
    expect(m(oct, 5).started).toBe(1); // 期后终止: terminated only in November
    expect(m(oct, 6).started).toBe(0); // 更正回退: corrected away
    expect([m(oct, 7).started, m(oct, 7).producing]).toEqual([1, 1]); // 同日多阶段
    expect(m(oct, 10).investmentCompleted).toBe("300.00");
    const nov = await getMonthlyTrend(reader, period(11), TODAY);
    expect(nov).toHaveLength(11);
    expect(m(nov, 5).started).toBe(0); // terminated by then
    expect([m(nov, 11).started, m(nov, 11).producing, m(nov, 11).signed]).toEqual([1, 1, 1]);
    expect(m(nov, 11).investmentCompleted).toBe("700.00");
    const dashboard = await getDashboard(reader, period(10), TODAY);
    expect(dashboard.trend).toEqual(oct);
    expect(dashboard.indicators).toEqual(await getIndicators(reader, period(10), TODAY));
  });
});
