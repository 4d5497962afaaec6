import { describe, expect, it } from "vitest";
import { type StageHistory, type StatusHistory, projectAsOf, reachedBy, reachedOn, stageAsOf, statusAsOf } from "./as-of";

const producing: StageHistory = {
  stage: "PRODUCING",
  stageDate: "2026-09-01",
  signedDate: "2026-02-01",
  landedDate: "2026-03-01",
  actualStartDate: "2026-06-10",
  actualProductionDate: "2026-09-01",
};

describe("stage as of a date", () => {
  it("replays the stage dates: before signing nothing, then each stage from its own date", () => {
    expect(stageAsOf(producing, "2026-01-31")).toBeNull();
    expect(stageAsOf(producing, "2026-02-01")).toBe("SIGNED");
    expect(stageAsOf(producing, "2026-03-01")).toBe("LANDED");
    expect(stageAsOf(producing, "2026-06-09")).toBe("LANDED");
    expect(stageAsOf(producing, "2026-06-10")).toBe("STARTED");
    expect(stageAsOf(producing, "2026-10-31")).toBe("PRODUCING");
  });

  it("counts a start after the period as not started (a December start is not in 1–10月)", () => {
    const p = { ...producing, stage: "STARTED" as const, stageDate: "2026-12-02", actualStartDate: "2026-12-02", actualProductionDate: null };
    expect(stageAsOf(p, "2026-10-31")).toBe("LANDED");
    expect(stageAsOf(p, "2026-12-31")).toBe("STARTED");
  });

  it("honours a correction back to an earlier stage: the cleared dates count nowhere", () => {
    // 开工 recorded in May, corrected back to 落地 in November: dates above 落地 cleared.
    const corrected: StageHistory = { stage: "LANDED", stageDate: "2026-03-01", signedDate: "2026-02-01", landedDate: "2026-03-01", actualStartDate: null, actualProductionDate: null };
    expect(stageAsOf(corrected, "2026-06-30")).toBe("LANDED");
    // A stale start date left on a project whose stage is lower never counts either.
    expect(stageAsOf({ ...corrected, actualStartDate: "2026-05-01" }, "2026-06-30")).toBe("LANDED");
    expect(reachedOn({ ...corrected, actualStartDate: "2026-05-01" }, "STARTED")).toBeNull();
  });

  it("counts every stage reached on one day (签约即落地即开工)", () => {
    const sameDay: StageHistory = { stage: "STARTED", stageDate: "2026-04-15", signedDate: "2026-04-15", landedDate: "2026-04-15", actualStartDate: "2026-04-15", actualProductionDate: null };
    expect(stageAsOf(sameDay, "2026-04-14")).toBeNull();
    expect(stageAsOf(sameDay, "2026-04-15")).toBe("STARTED");
    expect(["SIGNED", "LANDED", "STARTED"].every((s) => reachedBy(sameDay, s as "SIGNED", "2026-04-15"))).toBe(true);
  });

  it("dates a stage without its own date by stageDate, and never counts a stage before the ones under it", () => {
    // An old import: producing, no start date recorded.
    const imported: StageHistory = { stage: "PRODUCING", stageDate: "2026-08-01", signedDate: "2025-05-01", landedDate: "2025-07-01", actualStartDate: null, actualProductionDate: "2026-08-01" };
    expect(reachedOn(imported, "STARTED")).toBe("2026-08-01");
    expect(stageAsOf(imported, "2026-07-31")).toBe("LANDED");
    // Stages are cumulative: a production date earlier than the start date counts from the start.
    const odd: StageHistory = { stage: "PRODUCING", stageDate: "2025-03-01", signedDate: "2025-03-01", landedDate: null, actualStartDate: "2026-11-03", actualProductionDate: null };
    expect(reachedOn(odd, "PRODUCING")).toBe("2026-11-03");
    expect(stageAsOf(odd, "2026-11-02")).toBe("LANDED");
  });
});

describe("status as of a date", () => {
  const base: StatusHistory = { signedDate: "2026-02-01", status: "ACTIVE", statusDate: null, statusChanges: [] };

  it("honours a termination after the period in the period's figures", () => {
    const terminated: StatusHistory = { ...base, status: "TERMINATED", statusDate: "2026-11-10", statusChanges: [{ date: "2026-11-10", status: "TERMINATED" }] };
    expect(statusAsOf(terminated, "2026-10-31")).toBe("ACTIVE");
    expect(statusAsOf(terminated, "2026-11-10")).toBe("TERMINATED");
    expect(statusAsOf(terminated, "2026-01-31")).toBeNull(); // not signed yet
  });

  it("replays the changes before the latest one: terminated in March, resumed in November", () => {
    const resumed: StatusHistory = {
      ...base,
      status: "ACTIVE",
      statusDate: "2026-11-05",
      statusChanges: [
        { date: "2026-03-01", status: "SUSPENDED" },
        { date: "2026-03-20", status: "TERMINATED" },
        { date: "2026-11-05", status: "ACTIVE" },
      ],
    };
    expect(statusAsOf(resumed, "2026-02-28")).toBe("ACTIVE");
    expect(statusAsOf(resumed, "2026-03-10")).toBe("SUSPENDED");
    expect(statusAsOf(resumed, "2026-10-31")).toBe("TERMINATED");
    expect(statusAsOf(resumed, "2026-11-30")).toBe("ACTIVE");
  });

  it("takes the change entered last among those of one day, and a status without a date since signing", () => {
    const sameDay: StatusHistory = {
      ...base,
      status: "ACTIVE",
      statusDate: "2026-12-01",
      statusChanges: [
        { date: "2026-06-01", status: "SUSPENDED" },
        { date: "2026-06-01", status: "ACTIVE" },
        { date: "2026-12-01", status: "SUSPENDED" },
        { date: "2026-12-01", status: "ACTIVE" },
      ],
    };
    expect(statusAsOf(sameDay, "2026-06-01")).toBe("ACTIVE");
    expect(statusAsOf({ ...base, status: "SUSPENDED" }, "2026-02-01")).toBe("SUSPENDED");
  });

  it("gives stage, status and start date together", () => {
    const p = { ...producing, ...base, status: "SUSPENDED" as const, statusDate: "2026-07-01", statusChanges: [{ date: "2026-07-01", status: "SUSPENDED" as const }] };
    expect(projectAsOf(p, "2026-06-30")).toEqual({ stage: "STARTED", status: "ACTIVE", startedOn: "2026-06-10" });
    expect(projectAsOf(p, "2026-05-31")).toEqual({ stage: "LANDED", status: "ACTIVE", startedOn: null });
    expect(projectAsOf(p, "2026-01-01")).toEqual({ stage: null, status: null, startedOn: null });
  });
});
