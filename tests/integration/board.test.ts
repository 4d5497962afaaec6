import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getBoard, getBoardColumnPage, BOARD_FIRST_PAGE } from "@/lib/server/board/get-board";
import { boardFiltersSchema } from "@/lib/validation/board-filters";
import { type Actor } from "@/lib/domain/permissions";
import { isoToDate } from "@/lib/domain/dates";
import { makeActor, makePark, makeProject, makeRegion, makeUser } from "../helpers/factories";

const TODAY = "2026-11-23";
const f = (raw: Record<string, unknown> = {}) => boardFiltersSchema.parse(raw);

describe("pipeline board", () => {
  let park: { id: number };
  let otherPark: { id: number };
  let staff: Actor;
  let liaisonId: number;

  beforeAll(async () => {
    const region = await makeRegion();
    park = await makePark(region.id);
    otherPark = await makePark(region.id);
    staff = await makeActor([{ role: "PARK_STAFF", parkId: park.id }]);
    liaisonId = (await makeUser([{ role: "LIAISON", parkId: park.id }], { name: "看板联络员" })).id;
    // 130 signed projects: more than four pages of the column.
    const db = getDb();
    const enterprise = await db.enterprise.create({ data: { parkId: park.id, name: `看板企业-${park.id}` } });
    await db.project.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        code: `BOARD-${park.id}-${i}`,
        parkId: park.id,
        enterpriseId: enterprise.id,
        name: `签约项目${i}`,
        industry: i % 2 ? "新材料" : "电子信息",
        totalInvestment: "100.50",
        contractInvestment: "100.00",
        signedDate: isoToDate("2026-01-01"),
        stage: "SIGNED" as const,
        // Half entered their stage long ago: stale after the default 90 days.
        stageDate: isoToDate(i < 65 ? "2026-01-01" : "2026-11-01"),
      })),
    });
    await makeProject({ parkId: park.id, stage: "STARTED", totalInvestment: "5000.00", signedDate: "2026-02-01", liaisonId });
    await makeProject({ parkId: park.id, stage: "LANDED", status: "SUSPENDED", totalInvestment: "300.00" });
    await makeProject({ parkId: otherPark.id, stage: "PRODUCING", totalInvestment: "99999.00" });
  });

  it("shows counts and investment for the whole filter, not just the loaded cards", async () => {
    const board = await getBoard(staff, f({ park: park.id }), TODAY);
    const col = (k: string) => board.find((c) => c.key === k)!;
    expect(col("SIGNED").count).toBe(130);
    expect(col("SIGNED").cards).toHaveLength(BOARD_FIRST_PAGE);
    expect(col("SIGNED").totalInvestment).toBe("13065.00");
    expect(col("STARTED")).toMatchObject({ count: 1, totalInvestment: "5000.00" });
    expect(col("SUSPENDED")).toMatchObject({ count: 1 });
    expect(col("PRODUCING")).toMatchObject({ count: 0, cards: [] });
    expect(col("STARTED").cards[0].liaisonName).toBe("看板联络员");
  });

  it("pages a column of 130 cards with a cursor, in stage-date order, without repeats", async () => {
    const board = await getBoard(staff, f({ park: park.id }), TODAY);
    let { cards, nextCursor } = board.find((c) => c.key === "SIGNED")!;
    const seen = [...cards];
    while (nextCursor) {
      const page = await getBoardColumnPage(staff, f({ park: park.id }), "SIGNED", nextCursor, TODAY);
      seen.push(...page.cards);
      ({ cards, nextCursor } = page);
    }
    expect(seen).toHaveLength(130);
    expect(new Set(seen.map((c) => c.id)).size).toBe(130);
    const keys = seen.map((c) => `${c.stageDate}_${String(c.id).padStart(10, "0")}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("marks and filters stale projects by the park's threshold", async () => {
    const board = await getBoard(staff, f({ park: park.id, stale: "1" }), TODAY);
    const signed = board.find((c) => c.key === "SIGNED")!;
    expect(signed.count).toBe(65);
    expect(signed.cards.every((c) => c.stale && c.daysInStage > 90)).toBe(true);
    await getDb().park.update({ where: { id: park.id }, data: { staleDaysSigned: 400 } });
    expect((await getBoard(staff, f({ park: park.id, stale: "1" }), TODAY)).find((c) => c.key === "SIGNED")!.count).toBe(0);
    await getDb().park.update({ where: { id: park.id }, data: { staleDaysSigned: 90 } });
  });

  it("filters by industry, liaison and text", async () => {
    const count = async (raw: Record<string, unknown>, key = "SIGNED") => (await getBoard(staff, f({ park: park.id, ...raw }), TODAY)).find((c) => c.key === key)!.count;
    expect(await count({ industry: "新材料" })).toBe(65);
    expect(await count({ q: "签约项目12" })).toBe(11); // 12, 120-129
    expect(await count({ liaison: liaisonId }, "STARTED")).toBe(1);
    expect(await count({ liaison: liaisonId })).toBe(0);
  });

  it("keeps other parks out: their board is not found, and the all-parks board leaves them out", async () => {
    await expect(getBoard(staff, f({ park: otherPark.id }), TODAY)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const all = await getBoard(staff, f(), TODAY);
    expect(all.find((c) => c.key === "PRODUCING")!.count).toBe(0);
    const leader = await makeActor([{ role: "REGION_LEADER", regionId: (await getDb().park.findUniqueOrThrow({ where: { id: park.id } })).regionId }]);
    const regional = await getBoard(leader, f(), TODAY);
    expect(regional.find((c) => c.key === "PRODUCING")!.count).toBe(1);
  });

  it("refuses a forged cursor with a message", async () => {
    await expect(getBoardColumnPage(staff, f({ park: park.id }), "SIGNED", "'; drop table", TODAY)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
