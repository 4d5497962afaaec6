import { describe, expect, it } from "vitest";
import { DEFAULT_STALE_THRESHOLDS as T, isStale, isStaleProject, staleThreshold } from "./stale";

describe("stale in stage", () => {
  it("uses the park's threshold per stage, strictly longer than it", () => {
    expect(isStale("SIGNED", 90, T)).toBe(false);
    expect(isStale("SIGNED", 91, T)).toBe(true);
    expect(isStale("LANDED", 180, T)).toBe(false);
    expect(isStale("LANDED", 181, T)).toBe(true);
    expect(isStale("STARTED", 366, T)).toBe(true);
    expect(isStale("STARTED", 30, { ...T, staleDaysStarted: 20 })).toBe(true);
  });

  it("never marks a producing project", () => {
    expect(staleThreshold("PRODUCING", T)).toBeNull();
    expect(isStale("PRODUCING", 5000, T)).toBe(false);
  });

  it("flags only an active project", () => {
    expect(isStaleProject({ stage: "SIGNED", status: "ACTIVE", daysInStage: 91 }, T)).toBe(true);
    expect(isStaleProject({ stage: "SIGNED", status: "ACTIVE", daysInStage: 90 }, T)).toBe(false);
    expect(isStaleProject({ stage: "SIGNED", status: "SUSPENDED", daysInStage: 500 }, T)).toBe(false);
    expect(isStaleProject({ stage: "STARTED", status: "TERMINATED", daysInStage: 500 }, T)).toBe(false);
    expect(isStaleProject({ stage: "PRODUCING", status: "ACTIVE", daysInStage: 5000 }, T)).toBe(false);
  });
});
