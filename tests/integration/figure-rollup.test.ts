// The figures rollup (migration 20261206090000_figure_rollup) against the raw tables: after
// random writes of every kind the figures read (projects and their dates, stages, statuses,
// status events, opening balances, plans, monthly reports, deletions), through the app's
// services and straight SQL alike, in one transaction or many, concurrently on one project,
// the derived tables equal what the raw tables give, and every figure read from them equals
// the raw-table SQL and the pure model (countIndicators) for every month and cohort.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { type IndicatorPeriod, METRICS, type ProjectFacts, countIndicators } from "@/lib/domain/indicators";
import { type Actor } from "@/lib/domain/permissions";
import { buildFigureMonths, foldFigureRollup } from "@/lib/server/metrics/figure-rollup";
import { figureTrendQuery } from "@/lib/server/metrics/figure-sql";
import { dueNotStartedQuery, getIndicators } from "@/lib/server/metrics/get-indicators";
import { type TrendMonth, rawMonthlyTrendQuery } from "@/lib/server/metrics/get-monthly-trend";
import { type CountsRow, countsOf, queryCounts, queryCountsByPeriod, rawCountsQuery } from "@/lib/server/metrics/indicator-sql";
import { changeProjectStatus } from "@/lib/server/projects/change-project-status";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { getBulletin } from "@/lib/server/bulletin/get-bulletin";
import { getParkRanking } from "@/lib/server/metrics/get-park-ranking";
import { idsByMetric, metricProjectIds, rawMetricProjectIdsQuery } from "@/lib/server/metrics/drill-down";
import { drillDownIds } from "@/lib/server/projects/list-projects";
import { projectFiltersSchema } from "@/lib/validation/project-filters";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { resolveIndicatorScope } from "@/lib/validation/indicator-scope";
import { makeActor, makePark, makeProject, makeRegion, makeUser } from "../helpers/factories";

const TODAY = "2026-11-23";
const STAGES = ["SIGNED", "LANDED", "STARTED", "PRODUCING"] as const;
const INDUSTRIES = ["新材料", "电子信息", "生物医药"];

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T,>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const day = (from: string, to: string) => {
    const a0 = isoToDate(from).getTime();
    const b0 = isoToDate(to).getTime();
    return dateToIso(new Date(a0 + Math.floor(next() * ((b0 - a0) / 86_400_000 + 1)) * 86_400_000));
  };
  const money = () => (int(0, 50_000) / 100).toFixed(2);
  return { next, int, pick, day, money };
}

/** The projects of `parkIds` as the pure model reads them (as metrics.test.ts does). */
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

describe("figures rollup", () => {
  let parks: number[];
  let reader: Actor;
  let writer: Actor;
  let filerId: number;
  const projectIds: number[] = [];
  const r = rng(20261206);

  /** Stage dates consistent with the stage (as the services keep them), some missing as in old imports. */
  function stageData(signed: string, stage: (typeof STAGES)[number]) {
    const landed = stage === "SIGNED" ? null : r.day(signed, "2026-11-20");
    const started = stage === "STARTED" || stage === "PRODUCING" ? r.day(landed!, "2026-11-20") : null;
    const producing = stage === "PRODUCING" ? r.day(started!, "2026-11-20") : null;
    const stageDate = producing ?? started ?? landed ?? signed;
    const keep = (d: string | null) => (d && r.next() < 0.85 ? isoToDate(d) : null);
    return { stage, stageDate: isoToDate(stageDate), landedDate: keep(landed), actualStartDate: keep(started), actualProductionDate: keep(producing) };
  }

  async function randomProject(parkId: number) {
    const signed = r.day("2024-06-01", "2026-11-20");
    const p = await makeProject({ parkId, signedDate: signed, industry: r.pick(INDUSTRIES), contractInvestment: r.money(), totalInvestment: r.money() });
    await getDb().project.update({
      where: { id: p.id },
      data: {
        ...stageData(signed, r.pick(STAGES)),
        plannedStartDate: r.next() < 0.7 ? isoToDate(r.day("2025-01-01", "2026-12-31")) : null,
        investmentCompletedBefore: r.next() < 0.3 ? r.money() : "0",
        fundsArrivedBefore: r.next() < 0.3 ? r.money() : "0",
      },
    });
    projectIds.push(p.id);
    return p.id;
  }

  /** One random write of any kind the figures read, straight to the tables. */
  async function randomWrite() {
    const db = getDb();
    const id = r.pick(projectIds);
    const p = await db.project.findUnique({ where: { id } });
    if (!p) return;
    const signed = dateToIso(p.signedDate);
    switch (r.int(0, 11)) {
      case 0:
      case 1: {
        const year = r.int(2025, 2026);
        const month = r.int(1, year === 2026 ? 11 : 12);
        await db.progressReport.upsert({
          where: { projectId_year_month: { projectId: id, year, month } },
          create: { projectId: id, year, month, investmentCompleted: r.money(), fundsArrived: r.money(), filedById: filerId },
          update: { investmentCompleted: r.money(), fundsArrived: r.money() },
        });
        break;
      }
      case 2: {
        const one = await db.progressReport.findFirst({ where: { projectId: id }, orderBy: { month: "desc" } });
        if (one) await db.progressReport.delete({ where: { id: one.id } });
        break;
      }
      case 3: {
        const year = r.int(2025, 2027);
        await db.projectYearPlan.upsert({
          where: { projectId_year: { projectId: id, year } },
          create: { projectId: id, year, plannedInvestment: r.money(), planStart: r.next() < 0.6, planProduction: r.next() < 0.4 },
          update: { plannedInvestment: r.money(), planStart: r.next() < 0.6, planProduction: r.next() < 0.4 },
        });
        break;
      }
      case 4:
        await db.projectYearPlan.deleteMany({ where: { projectId: id, year: r.int(2025, 2026) } });
        break;
      case 5: {
        // A status change with its event, dated in the past; sometimes an older event too.
        const action = r.pick(["SUSPEND", "TERMINATE", "RESUME"] as const);
        const date = r.day(signed, "2026-11-20");
        const toStatus = action === "SUSPEND" ? "SUSPENDED" : action === "TERMINATE" ? "TERMINATED" : "ACTIVE";
        await db.$transaction([
          db.stageEvent.create({ data: { projectId: id, type: action, toStage: p.stage, fromStatus: p.status, toStatus, businessDate: isoToDate(date), actorId: filerId } }),
          db.project.update({ where: { id }, data: { status: toStatus, statusDate: isoToDate(date) } }),
        ]);
        break;
      }
      case 6:
        await db.stageEvent.create({
          data: { projectId: id, type: r.pick(["SUSPEND", "RESUME", "TERMINATE"] as const), toStage: p.stage, toStatus: r.pick(["SUSPENDED", "ACTIVE", "TERMINATED"] as const), businessDate: isoToDate(r.day(signed, "2026-11-20")), actorId: filerId },
        });
        break;
      case 7:
        await db.project.update({ where: { id }, data: stageData(signed, r.pick(STAGES)) });
        break;
      case 8:
        await db.project.update({ where: { id }, data: { industry: r.pick(INDUSTRIES), contractInvestment: r.money(), plannedStartDate: isoToDate(r.day("2025-01-01", "2026-12-31")) } });
        break;
      case 9:
        await db.project.update({ where: { id }, data: { investmentCompletedBefore: r.money(), fundsArrivedBefore: r.money(), totalInvestment: r.money() } });
        break;
      case 10: {
        // Signed later or earlier: the months it is in change.
        const newSigned = r.day("2024-06-01", dateToIso(p.stageDate));
        await db.project.update({ where: { id }, data: { signedDate: isoToDate(newSigned) } });
        break;
      }
      case 11:
        if (r.next() < 0.3) {
          await db.project.delete({ where: { id } });
          projectIds.splice(projectIds.indexOf(id), 1);
        } else await randomProject(p.parkId);
        break;
    }
  }

  /**
   * Every month of 2025–2026 (as of its end, or TODAY) and both cohorts: rollup path = raw SQL = pure model;
   * the projects behind each figure (metricProjectIds, from ProjectFigures) = the raw tables' ids, as many as the count.
   */
  async function expectFiguresEqualRaw() {
    for (let ym = 2025 * 12; ym <= 2026 * 12 + 11; ym += 1) {
      const year = Math.floor(ym / 12);
      const through = (ym % 12) + 1;
      const facts = await factsOf(parks, year);
      for (const cohort of [year, year - 1]) {
        const p: IndicatorPeriod = { year, through, cohort };
        const [fast] = await queryCounts(reader, parks, p, TODAY, "none");
        const [raw] = await getDb().$queryRaw<CountsRow[]>(rawCountsQuery(reader, parks, p, TODAY, "none"));
        const label = JSON.stringify(p);
        expect(countsOf(fast), label).toEqual(countsOf(raw));
        expect(countsOf(fast), label).toEqual(countIndicators(facts, p, TODAY));
        const ids = await metricProjectIds(reader, parks, p, TODAY);
        expect(ids, `ids ${label}`).toEqual(idsByMetric(await getDb().$queryRaw(rawMetricProjectIdsQuery(reader, parks, p, TODAY))));
        expect(ids["cohort.started"].length, label).toBe(countsOf(fast).started);
        expect(ids["due.notStarted"].length, label).toBe(countsOf(fast).dueNotStarted);
      }
      const byPark = await queryCounts(reader, parks, { year, through, cohort: year }, TODAY, ["park", "industry"]);
      const rawByPark = await getDb().$queryRaw<CountsRow[]>(rawCountsQuery(reader, parks, { year, through, cohort: year }, TODAY, ["park", "industry"]));
      const sorted = (rows: CountsRow[]) => rows.filter((x) => x.dim !== "none").sort((a, b) => `${a.dim}${a.key}`.localeCompare(`${b.dim}${b.key}`));
      // The raw statement lists groups with zero counts too; compare the groups with any count.
      const nonZero = (rows: CountsRow[]) => sorted(rows).filter((x) => Object.values(countsOf(x)).some((v) => Number(v) !== 0));
      expect(nonZero(byPark), `${year}-${through} by park and industry`).toEqual(nonZero(rawByPark));
      // The trend: signings of built months from their rollup rows, the rest from the facts.
      const trend = await getDb().$queryRaw(figureTrendQuery(parks, { year, through }, TODAY));
      expect(trend, `trend ${year}-${through}`).toEqual(await getDb().$queryRaw(rawMonthlyTrendQuery(reader, parks, { year, through }, TODAY)));
    }
  }

  async function expectDerivedTablesEqualRaw() {
    const db = getDb();
    // The facts equal the facts recomputed from the raw tables, both ways.
    const [facts] = await db.$queryRaw<{ missing: number; extra: number }[]>`
      SELECT (SELECT count(*) FROM (SELECT * FROM project_figures_of(ARRAY(SELECT id FROM "Project")) EXCEPT ALL SELECT * FROM "ProjectFigures") a)::int AS missing,
             (SELECT count(*) FROM (SELECT * FROM "ProjectFigures" EXCEPT ALL SELECT * FROM project_figures_of(ARRAY(SELECT id FROM "Project"))) b)::int AS extra`;
    expect(facts).toEqual({ missing: 0, extra: 0 });
    // Every built month's rollup equals the month built afresh from the facts.
    const [rollup] = await db.$queryRaw<{ diff: number }[]>`
      WITH kept AS (
        SELECT ym, "parkId", industry, "signedYear", stage, status, plan, due, sum(projects) AS n, sum("contractInvestment") AS a, sum("totalInvestment") AS b,
               sum("plannedInvestment") AS c, sum("fundsArrived") AS d, sum("investmentCompleted") AS e, sum("yearCompleted") AS f
        FROM "FigureRollup" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        HAVING sum(projects) <> 0 OR sum("contractInvestment") <> 0 OR sum("totalInvestment") <> 0 OR sum("plannedInvestment") <> 0
            OR sum("fundsArrived") <> 0 OR sum("investmentCompleted") <> 0 OR sum("yearCompleted") <> 0
      ), fresh AS (
        SELECT m.ym, f."parkId", f.industry, extract(year FROM f."signedDate")::int, c.stage, c.status, c.plan, c.due, count(*) AS n,
               sum(f."contractInvestment"), sum(f."totalInvestment"), sum(c."plannedInvestment"), sum(c."fundsArrived"), sum(c."investmentCompleted"), sum(c."yearCompleted")
        FROM "FigureRollupMonth" m CROSS JOIN "ProjectFigures" f CROSS JOIN LATERAL figure_rows(f, m.ym, figure_month_end(m.ym)) c
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
      )
      SELECT ((SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) x) + (SELECT count(*) FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) y))::int AS diff`;
    expect(rollup.diff).toBe(0);
    // The reports per park and month equal the raw reports' sums.
    const [reports] = await db.$queryRaw<{ diff: number }[]>`
      WITH kept AS (
        SELECT "parkId", ym, sum("investmentCompleted") AS inv, sum("fundsArrived") AS funds FROM "ReportRollup" GROUP BY 1, 2
        HAVING sum("investmentCompleted") <> 0 OR sum("fundsArrived") <> 0
      ), raw AS (
        SELECT p."parkId", x.year * 12 + x.month - 1 AS ym, sum(x."investmentCompleted") AS inv, sum(x."fundsArrived") AS funds
        FROM "ProgressReport" x JOIN "Project" p ON p.id = x."projectId" GROUP BY 1, 2
        HAVING sum(x."investmentCompleted") <> 0 OR sum(x."fundsArrived") <> 0
      )
      SELECT ((SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM raw) x) + (SELECT count(*) FROM (SELECT * FROM raw EXCEPT SELECT * FROM kept) y))::int AS diff`;
    expect(reports.diff).toBe(0);
  }

  beforeAll(async () => {
    const region = await makeRegion();
    parks = [(await makePark(region.id)).id, (await makePark(region.id)).id];
    reader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
    writer = await makeActor(parks.flatMap((parkId) => [{ role: "PARK_LEADER" as const, parkId }, { role: "PARK_STAFF" as const, parkId }]));
    filerId = (await makeUser([{ role: "PARK_STAFF", parkId: parks[0] }])).id;
    for (let i = 0; i < 40; i++) await randomProject(parks[i % 2]);
    for (let i = 0; i < 120; i++) await randomWrite();
  });

  it("equals the raw tables before any month is built (figures from the per-project facts)", async () => {
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
  });

  it("equals the raw tables after the months are built, random writes and folding", async () => {
    const built = await buildFigureMonths(TODAY, 2026 * 12 + 11);
    expect(built.length).toBeGreaterThan(0);
    expect(await buildFigureMonths(TODAY, 2026 * 12 + 11)).toEqual([]);
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
    for (let i = 0; i < 150; i++) await randomWrite();
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
    await foldFigureRollup();
    const [{ dup }] = await getDb().$queryRaw<{ dup: number }[]>`
      SELECT count(*)::int AS dup FROM (SELECT 1 FROM "FigureRollup" GROUP BY ym, "parkId", industry, "signedYear", stage, status, plan, due HAVING count(*) > 1) x`;
    expect(dup).toBe(0);
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
  });

  it("keeps up with the services' writes: stage moves, corrections, status changes in their transactions", async () => {
    const db = getDb();
    const version = async (id: number) => (await db.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    const id = await randomProject(parks[0]);
    await db.project.update({ where: { id }, data: { stage: "SIGNED", stageDate: isoToDate("2025-01-10"), signedDate: isoToDate("2025-01-10"), landedDate: null, actualStartDate: null, actualProductionDate: null, status: "ACTIVE", statusDate: null } });
    await moveProjectStage(writer, { projectId: id, version: await version(id), toStage: "STARTED", landed: { date: "2025-03-01", registrationDate: "2025-03-01" }, started: { date: "2025-06-01" } });
    await changeProjectStatus(writer, { projectId: id, version: await version(id), action: "SUSPEND", date: "2025-09-01", reason: "资金未到位" });
    await changeProjectStatus(writer, { projectId: id, version: await version(id), action: "RESUME", date: "2026-02-01", reason: "资金到位" });
    await moveProjectStage(writer, { projectId: id, version: await version(id), toStage: "LANDED", reason: "开工信息录入错误" });
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
  });

  it("stays exact when transactions write the same project at once, and when a write is rolled back", async () => {
    const db = getDb();
    const id = projectIds[0];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.$transaction(async (tx) => {
          await tx.progressReport.upsert({
            where: { projectId_year_month: { projectId: id, year: 2026, month: i + 1 } },
            create: { projectId: id, year: 2026, month: i + 1, investmentCompleted: "100.00", fundsArrived: "50.00", filedById: filerId },
            update: { investmentCompleted: "100.00", fundsArrived: "50.00" },
          });
          await tx.project.update({ where: { id }, data: { fundsArrivedBefore: `${i}.00` } });
        }),
      ),
    );
    await expect(
      db.$transaction(async (tx) => {
        await tx.progressReport.deleteMany({ where: { projectId: id } });
        await tx.project.update({ where: { id }, data: { stage: "PRODUCING" } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    // A bulk statement over many projects at once (as the Excel import writes).
    await db.$executeRaw`UPDATE "Project" SET "contractInvestment" = "contractInvestment" + 1 WHERE id = ANY(${projectIds}::int[])`;
    await db.$executeRaw(Prisma.sql`
      INSERT INTO "ProgressReport" ("projectId", year, month, "investmentCompleted", "fundsArrived", "filedById", "updatedAt")
      SELECT id, 2026, 11, 10, 5, ${filerId}, now() FROM "Project" WHERE id = ANY(${projectIds}::int[])
      ON CONFLICT ("projectId", year, month) DO UPDATE SET "investmentCompleted" = EXCLUDED."investmentCompleted" + 1`);
    await expectDerivedTablesEqualRaw();
    await expectFiguresEqualRaw();
  });

  it("lists each figure's projects (the drill-down, in the ledger's order and by id) as the raw tables do", async () => {
    for (const through of [3, 10, 11]) {
      const p = { year: 2026, through, cohort: 2026 };
      const raw = idsByMetric(await getDb().$queryRaw(rawMetricProjectIdsQuery(reader, parks, p, TODAY)));
      for (const metric of METRICS) {
        const f = { ...projectFiltersSchema.parse({ metric, period: `2026-${String(through).padStart(2, "0")}`, cohort: 2026 }), metric };
        const page = await drillDownIds(reader, f, { order: "ledger", skip: 0, take: 1000 });
        expect([...page.ids].sort((a, b) => a - b), `${metric} 1—${through}月`).toEqual(raw[metric]);
        expect(page.total, `${metric} 1—${through}月`).toBe(raw[metric].length);
        const byId = await drillDownIds(reader, f, { order: "id", after: 0, take: 1000 });
        expect(byId.ids, `${metric} 1—${through}月 by id`).toEqual(raw[metric]);
        // A page past the last one is empty and still knows the total.
        expect(await drillDownIds(reader, f, { order: "ledger", skip: 1000, take: 20 }), `${metric} past the last page`).toEqual({ ids: [], total: raw[metric].length });
      }
    }
  });

  it("serves the trend, the due list, the bulletin and the ranking the same as the raw tables", async () => {
    for (const through of [3, 10, 11]) {
      const s = resolveIndicatorScope({ year: 2026, through }, TODAY);
      expect(await getDb().$queryRaw(figureTrendQuery(parks, s, TODAY)), `trend 1—${through}`).toEqual(await getDb().$queryRaw(rawMonthlyTrendQuery(reader, parks, s, TODAY)));
      const period = { year: 2026, through, cohort: 2026 };
      const fast = await getDb().$queryRaw(dueNotStartedQuery(reader, parks, period, TODAY));
      const raw = await getDb().$queryRaw(dueNotStartedQuery(reader, parks, period, TODAY, "raw"));
      expect(fast, `due list 1—${through}`).toEqual(raw);
    }
    const month = { year: 2026, month: 10 };
    const b = await getBulletin(reader, { month, rank: "investmentYear" }, TODAY);
    const now = await getIndicators(reader, resolveIndicatorScope({ year: 2026, through: 10 }, TODAY), TODAY);
    const then = await getIndicators(reader, resolveIndicatorScope({ year: 2026, through: 9 }, TODAY), TODAY);
    expect([b.counts, b.previousCounts]).toEqual([now.counts, then.counts]);
    const ranking = await getParkRanking(reader, resolveIndicatorScope({ year: 2026, through: 10 }, TODAY), TODAY);
    expect(b.ranking.map((x) => x.row)).toEqual(expect.arrayContaining(ranking));
    const [both] = await queryCountsByPeriod(reader, parks, [{ year: 2026, through: 10, cohort: 2026 }], TODAY, "none");
    expect(countsOf(both[0])).toEqual(now.counts);
  });

  it("reads a built month's figures from its rollup rows, a running month's too (corrected for the projects that change before its end)", async () => {
    const db = getDb();
    const oct = { year: 2026, through: 10, cohort: 2026 };
    const nov = { year: 2026, through: 11, cohort: 2026 };
    const before = [countsOf((await queryCounts(reader, parks, oct, TODAY, "none"))[0]), countsOf((await queryCounts(reader, parks, nov, TODAY, "none"))[0])];
    const signedIn = async (p: IndicatorPeriod) => (await getDb().$queryRaw<TrendMonth[]>(figureTrendQuery(parks, p, TODAY))).map((m) => m.signed);
    const trendBefore = [await signedIn(oct), await signedIn(nov)];
    // A stray row in October's rollup and in November's (running until the 30th) shows in both.
    const stray = await db.figureRollup.createManyAndReturn({
      data: [2026 * 12 + 9, 2026 * 12 + 10].map((ym) => ({
        ym, parkId: parks[0], industry: "新材料", signedYear: 2026, stage: "SIGNED", status: "ACTIVE", plan: -1, due: false, projects: 1,
        contractInvestment: "0", totalInvestment: "0", plannedInvestment: "0", fundsArrived: "0", investmentCompleted: "0", yearCompleted: "0",
      })),
    });
    try {
      expect(countsOf((await queryCounts(reader, parks, oct, TODAY, "none"))[0]).signed).toBe(before[0].signed + 1);
      expect(countsOf((await queryCounts(reader, parks, nov, TODAY, "none"))[0]).signed).toBe(before[1].signed + 1);
      // The trend's signings of October are October's rollup less September's; November, still running, is read from the facts.
      const oneMore = (xs: number[], month: number) => xs.map((n, i) => (i === month - 1 ? n + 1 : n));
      expect(await signedIn(oct)).toEqual(oneMore(trendBefore[0], 10));
      expect(await signedIn(nov)).toEqual(oneMore(trendBefore[1], 10));
    } finally {
      await db.figureRollup.deleteMany({ where: { id: { in: stray.map((x) => x.id) } } });
    }
    // A project due to start after today and before the month's end: due as of the month's end, not as of today.
    const id = await randomProject(parks[1]);
    await db.project.update({ where: { id }, data: { stage: "LANDED", stageDate: isoToDate("2026-03-01"), signedDate: isoToDate("2026-02-01"), landedDate: isoToDate("2026-03-01"), actualStartDate: null, actualProductionDate: null, status: "ACTIVE", statusDate: null, plannedStartDate: isoToDate("2026-11-28") } });
    const now = countsOf((await queryCounts(reader, parks, nov, TODAY, "none"))[0]);
    const [raw] = await getDb().$queryRaw<CountsRow[]>(rawCountsQuery(reader, parks, nov, TODAY, "none"));
    expect(now).toEqual(countsOf(raw));
    expect(countsOf((await queryCounts(reader, parks, nov, "2026-11-30", "none"))[0]).dueNotStarted).toBe(now.dueNotStarted + 1);
    await expectFiguresEqualRaw();
  });
});
