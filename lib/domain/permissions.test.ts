import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, readsOnlyAssigned, roleHas } from "./permissions";

describe("role -> permission table", () => {
  it("gives administrators everything", () => {
    for (const p of PERMISSIONS) expect(roleHas("ADMIN", p)).toBe(true);
  });

  it("keeps leaders read-only on the ledger and staff off corrections", () => {
    const expectations: [string, string, boolean][] = [
      ["REGION_LEADER", "project.read", true],
      ["REGION_LEADER", "project.write", false],
      ["REGION_LEADER", "issue.write", false],
      ["PARK_LEADER", "project.write", false],
      ["PARK_LEADER", "project.correct", true],
      ["PARK_LEADER", "issue.lead", true],
      ["PARK_LEADER", "park.configure", true],
      ["PARK_STAFF", "park.configure", false],
      ["REGION_LEADER", "park.configure", false],
      ["PARK_STAFF", "project.write", true],
      ["PARK_STAFF", "project.correct", false],
      ["PARK_STAFF", "user.manage", false],
      ["LIAISON", "progress.file", true],
      ["LIAISON", "project.write", false],
      ["LIAISON", "dashboard.read", false],
      ["LIAISON", "audit.read", false],
      // Publishing bulletins: leaders only (which scope is publishRefusal's, lib/domain/published-bulletins.ts).
      ["PARK_LEADER", "bulletin.publish", true],
      ["REGION_LEADER", "bulletin.publish", true],
      ["PARK_STAFF", "bulletin.publish", false],
      ["LIAISON", "bulletin.publish", false],
      // Corrections to closed months: park leaders decide, staff and liaisons ask (progress.file).
      ["PARK_LEADER", "progress.approveCorrection", true],
      ["REGION_LEADER", "progress.approveCorrection", false],
      ["PARK_STAFF", "progress.approveCorrection", false],
      ["LIAISON", "progress.approveCorrection", false],
    ];
    for (const [role, permission, expected] of expectations) expect(roleHas(role as never, permission as never), `${role} ${permission}`).toBe(expected);
  });

  it("names only known permissions", () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it("limits reading to assignments only when every role held is LIAISON", () => {
    expect(readsOnlyAssigned(["LIAISON"])).toBe(true);
    expect(readsOnlyAssigned(["LIAISON", "PARK_STAFF"])).toBe(false);
    expect(readsOnlyAssigned([])).toBe(false);
  });
});
