import { describe, expect, it } from "vitest";
import { STAGES, hasReached, isStage, stageIndex, stagesBetween } from "./stages";

describe("stages", () => {
  it("are ordered 签约 -> 落地 -> 开工 -> 投产", () => {
    expect(STAGES).toEqual(["SIGNED", "LANDED", "STARTED", "PRODUCING"]);
    expect(STAGES.map(stageIndex)).toEqual([0, 1, 2, 3]);
  });

  it("count cumulatively: a producing project has landed and started", () => {
    const table: [string, string, boolean][] = [];
    for (const current of STAGES) for (const target of STAGES) table.push([current, target, stageIndex(current) >= stageIndex(target)]);
    for (const [current, target, expected] of table) expect(hasReached(current as never, target as never)).toBe(expected);
    expect(hasReached("PRODUCING", "STARTED")).toBe(true);
    expect(hasReached("LANDED", "STARTED")).toBe(false);
  });

  it("lists every stage passed on a forward move, none on a backward one", () => {
    expect(stagesBetween("SIGNED", "PRODUCING")).toEqual(["LANDED", "STARTED", "PRODUCING"]);
    expect(stagesBetween("LANDED", "STARTED")).toEqual(["STARTED"]);
    expect(stagesBetween("STARTED", "STARTED")).toEqual([]);
    expect(stagesBetween("PRODUCING", "SIGNED")).toEqual([]);
  });

  it("recognises stage names", () => {
    expect(isStage("LANDED")).toBe(true);
    expect(isStage("landed")).toBe(false);
    expect(isStage(undefined)).toBe(false);
  });
});
