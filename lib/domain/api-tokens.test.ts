import { describe, expect, it } from "vitest";
import { rolesHave, PERMISSIONS } from "@/lib/domain/permissions";
import { API_TOKEN_GRANTS, API_TOKEN_ROLE, bearerToken, expiryInstant, formatApiToken, parseApiToken, shouldTouchLastUsed, tokenUnusable } from "./api-tokens";

const SECRET = "A".repeat(20) + "b-_9".repeat(5) + "xyz";

describe("API token format", () => {
  it.each([
    [formatApiToken("abcd1234", SECRET), { prefix: "abcd1234" }],
    [formatApiToken("abcd1234", "_" + SECRET.slice(1)), { prefix: "abcd1234" }],
    ["ppt_abcd1234", null],
    [`xyz_abcd1234_${SECRET}`, null],
    [`ppt_ABCD1234_${SECRET}`, null],
    [`ppt_abcd123_${SECRET}`, null],
    [`ppt_abcd1234_${SECRET}x`, null],
    [`ppt_abcd1234_${SECRET.slice(1)}`, null],
    ["", null],
  ])("parseApiToken(%j)", (raw, expected) => {
    expect(parseApiToken(raw)).toEqual(expected);
  });

  it.each([
    [null, undefined],
    ["Bearer abc", "abc"],
    ["bearer   abc  ", "abc"],
    ["Bearer", ""],
    ["Basic dXNlcg==", ""],
    ["Bearer a b", ""],
  ])("bearerToken(%j)", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});

describe("token validity", () => {
  const now = new Date("2026-11-23T04:00:00Z");
  it.each([
    [{ revokedAt: null, expiresAt: null }, null],
    [{ revokedAt: new Date("2026-11-01"), expiresAt: null }, "revoked"],
    [{ revokedAt: null, expiresAt: new Date("2026-11-23T04:00:00Z") }, "expired"],
    [{ revokedAt: null, expiresAt: new Date("2026-11-23T04:00:01Z") }, null],
  ] as const)("tokenUnusable(%j)", (t, expected) => {
    expect(tokenUnusable(t, now)).toBe(expected);
  });

  it("expires at the end of the expiry day in Shanghai", () => {
    expect(expiryInstant("2026-11-23").toISOString()).toBe("2026-11-23T16:00:00.000Z");
    expect(expiryInstant("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("touches lastUsedAt at most once a minute", () => {
    expect(shouldTouchLastUsed(null, now)).toBe(true);
    expect(shouldTouchLastUsed(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(shouldTouchLastUsed(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});

describe("scope grants", () => {
  it("READ is reading only; READ_WRITE adds ledger writing, never corrections or administration", () => {
    expect(API_TOKEN_GRANTS.READ.every((p) => p.endsWith(".read"))).toBe(true);
    for (const p of ["project.correct", "assignment.manage", "issue.lead", "audit.read", "user.manage", "holiday.manage", "apiToken.manage", "park.configure"] as const) {
      expect(API_TOKEN_GRANTS.READ_WRITE).not.toContain(p);
    }
    expect(API_TOKEN_GRANTS.READ_WRITE).toEqual(expect.arrayContaining(["project.write", "progress.file", "issue.write"]));
  });

  it("each scope's role holds every granted permission (grants only cut down)", () => {
    for (const scope of ["READ", "READ_WRITE"] as const) {
      for (const p of API_TOKEN_GRANTS[scope]) expect(rolesHave([API_TOKEN_ROLE[scope]], p), `${scope} ${p}`).toBe(true);
      expect(API_TOKEN_GRANTS[scope].every((p) => (PERMISSIONS as readonly string[]).includes(p))).toBe(true);
    }
  });
});
