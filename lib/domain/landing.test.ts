import { describe, expect, it } from "vitest";
import { landingPath } from "./landing";

describe("landingPath", () => {
  it("sends each role to its daily work", () => {
    expect(landingPath(["LIAISON"], null)).toBe("/liaison");
    expect(landingPath(["PARK_LEADER"], null)).toBe("/dashboard");
    expect(landingPath(["REGION_LEADER"], null)).toBe("/dashboard");
    expect(landingPath(["PARK_STAFF"], 7)).toBe("/board?park=7");
    expect(landingPath(["ADMIN"], null)).toBe("/parks");
    expect(landingPath([], null)).toBe("/parks");
  });
  it("picks the broadest role of several", () => {
    expect(landingPath(["LIAISON", "PARK_STAFF"], 3)).toBe("/board?park=3");
    expect(landingPath(["PARK_STAFF", "PARK_LEADER"], 3)).toBe("/dashboard");
  });
});
