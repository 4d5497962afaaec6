import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/prisma/client";
import { addDays, dateToIso, daysBetween, isoToDate } from "@/lib/domain/dates";
import { type Actor } from "@/lib/domain/permissions";
import { PROJECT_STATUSES, STAGES, type ProjectStatus, type Stage } from "@/lib/domain/stages";
import { DEFAULT_STALE_THRESHOLDS, type StaleThresholds, isStaleProject, staleThreshold } from "@/lib/domain/stale";
import { getBoard, getBoardColumnPage, staleSql } from "@/lib/server/board/get-board";
import { boardFiltersSchema } from "@/lib/validation/board-filters";
import { makeActor, makePark, makeRegion } from "../helpers/factories";

// 滞留 is written twice: isStaleProject (lib/domain/stale.ts), the reference, and staleSql
// (lib/server/board/get-board.ts), which the board's cards and its "只看滞留" filter use.
// Both are run over the same rows here, as metrics.test.ts does for countIndicators.

const TODAY = "2026-11-23";
const CUSTOM: StaleThresholds = { staleDaysSigned: 10, staleDaysLanded: 20, staleDaysStarted: 30 };

/** Days in stage around the stage's threshold: none, exactly it (not stale), one more (stale), far past it. */
function daysFor(stage: Stage, t: StaleThresholds): number[] {
  const limit = staleThreshold(stage, t);
  return limit === null ? [0, 400, 4000] : [0, limit, limit + 1, limit * 3];
}

describe("stale projects: the SQL equals the domain rule", () => {
  const parks: { id: number; thresholds: StaleThresholds }[] = [];
  let leader: Actor;

  beforeAll(async () => {
    const db = getDb();
    const region = await makeRegion();
    for (const thresholds of [DEFAULT_STALE_THRESHOLDS, CUSTOM]) {
      const park = await makePark(region.id);
      await db.park.update({ where: { id: park.id }, data: thresholds });
      parks.push({ id: park.id, thresholds });
      const enterprise = await db.enterprise.create({ data: { parkId: park.id, name: `滞留企业-${park.id}` } });
      const rows: Prisma.ProjectCreateManyInput[] = [];
      for (const stage of STAGES)
        for (const status of PROJECT_STATUSES) {
          // Every offset for active projects; for suspended and terminated ones the stale-looking ones.
          const days = status === "ACTIVE" ? daysFor(stage, thresholds) : daysFor(stage, thresholds).slice(-2);
          for (const d of days) {
            const stageDate = addDays(TODAY, -d);
            rows.push({
              code: `STALE-${park.id}-${rows.length}`,
              parkId: park.id,
              enterpriseId: enterprise.id,
              name: `滞留-${stage}-${status}-${d}`,
              industry: "新材料",
              totalInvestment: "100.00",
              contractInvestment: "100.00",
              signedDate: isoToDate(stageDate),
              stage,
              stageDate: isoToDate(stageDate),
              status,
            });
          }
        }
      await db.project.createMany({ data: rows });
    }
    leader = await makeActor([{ role: "REGION_LEADER", regionId: region.id }]);
  });

  /** The domain's answer for every project of the test parks, by id. */
  async function expected(): Promise<Map<number, { stale: boolean; days: number }>> {
    const rows = await getDb().project.findMany({
      where: { parkId: { in: parks.map((p) => p.id) } },
      select: { id: true, stage: true, status: true, stageDate: true, park: { select: { staleDaysSigned: true, staleDaysLanded: true, staleDaysStarted: true } } },
    });
    return new Map(
      rows.map((p) => {
        const days = daysBetween(dateToIso(p.stageDate), TODAY);
        return [p.id, { stale: isStaleProject({ stage: p.stage, status: p.status, daysInStage: days }, p.park), days }];
      }),
    );
  }

  it("staleSql marks exactly the projects isStaleProject marks", async () => {
    const want = await expected();
    const got = await getDb().$queryRaw<{ id: number; stale: boolean; days: number }[]>(Prisma.sql`
      SELECT pr.id, COALESCE(${staleSql(TODAY)}, false) AS stale, (CAST(${TODAY} AS date) - pr."stageDate")::int AS days
      FROM "Project" pr JOIN "Park" pk ON pk.id = pr."parkId"
      WHERE pr."parkId" IN (${Prisma.join(parks.map((p) => p.id))})`);
    expect(got).toHaveLength(want.size);
    expect(new Map(got.map((r) => [r.id, { stale: r.stale, days: r.days }]))).toEqual(want);
    // The rows cover both answers, for every park.
    const stale = [...want.values()].filter((v) => v.stale).length;
    expect(stale).toBeGreaterThan(0);
    expect(stale).toBeLessThan(want.size);
  });

  it("the board's cards and its 只看滞留 filter agree with isStaleProject", async () => {
    const want = await expected();
    for (const park of parks) {
      const filters = boardFiltersSchema.parse({ park: park.id });
      const columns = await getBoard(leader, filters, TODAY);
      // The first load shows a screenful per column (none of the folded lanes): page through the rest.
      const cards = [];
      for (const column of columns) {
        cards.push(...column.cards);
        for (let cursor = column.nextCursor; cursor; ) {
          const next = await getBoardColumnPage(leader, filters, column.key, cursor, TODAY);
          cards.push(...next.cards);
          cursor = next.nextCursor;
        }
      }
      expect(cards.length).toBe(columns.reduce((n, c) => n + c.count, 0));
      for (const card of cards) {
        expect({ id: card.id, stale: card.stale, days: card.daysInStage }).toEqual({ id: card.id, ...want.get(card.id) });
        expect(card.stale).toBe(isStaleProject({ stage: card.stage as Stage, status: card.status as ProjectStatus, daysInStage: card.daysInStage }, park.thresholds));
      }
      const onlyStale = await getBoard(leader, boardFiltersSchema.parse({ park: park.id, stale: "1" }), TODAY);
      expect(onlyStale.flatMap((c) => c.cards.map((x) => x.id)).sort()).toEqual(cards.filter((c) => c.stale).map((c) => c.id).sort());
    }
  });
});
