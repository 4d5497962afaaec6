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
    const db = getDb();
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
      const rows = await db.project.findMany({
        where: { parkId: { in: parkIds } },
        include: { yearPlans: { where: { year: s.year } }, progressReports: true },
      });
      const facts: ProjectFacts[] = rows.map((p) => ({
        stage: p.stage,
        status: p.status,
        signedDate: dateToIso(p.signedDate),
        plannedStartDate: p.plannedStartDate ? dateToIso(p.plannedStartDate) : null,
        contractInvestment: p.contractInvestment.toString(),
        totalInvestment: p.totalInvestment.toString(),
        investmentCompletedBefore: p.investmentCompletedBefore.toString(),
        fundsArrivedBefore: p.fundsArrivedBefore.toString(),
        plan: p.yearPlans[0]
          ? { plannedInvestment: p.yearPlans[0].plannedInvestment.toString(), planStart: p.yearPlans[0].planStart, planProduction: p.yearPlans[0].planProduction }
          : null,
        reports: p.progressReports.map((x) => ({ year: x.year, month: x.month, investmentCompleted: x.investmentCompleted.toString(), fundsArrived: x.fundsArrived.toString() })),
      }));
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
