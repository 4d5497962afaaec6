import { describe, expect, it } from "vitest";
import { DEFAULT_STALE_THRESHOLDS as T, isStale, staleThreshold } from "./stale";

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
});
