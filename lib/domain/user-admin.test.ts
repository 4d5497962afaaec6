import { describe, expect, it } from "vitest";
import { managesAccount, membershipGrantProblem, membershipShapeProblem, seesAccount } from "./user-admin";

const admin = { isAdmin: true, leaderParkIds: [] };
const leader = { isAdmin: false, leaderParkIds: [1, 2] };
const m = (role: "ADMIN" | "REGION_LEADER" | "PARK_LEADER" | "PARK_STAFF" | "LIAISON", parkId: number | null = null, regionId: number | null = null) => ({ role, parkId, regionId });

describe("membershipShapeProblem", () => {
  it("wants no scope for ADMIN, a region for REGION_LEADER, a park for park roles", () => {
    expect(membershipShapeProblem(m("ADMIN"))).toBeNull();
    expect(membershipShapeProblem(m("ADMIN", 1))?.field).toBe("role");
    expect(membershipShapeProblem(m("REGION_LEADER", null, 3))).toBeNull();
    expect(membershipShapeProblem(m("REGION_LEADER"))).toEqual({ field: "regionId", message: "市州领导须选择所属市州" });
    expect(membershipShapeProblem(m("REGION_LEADER", 1, 3))?.field).toBe("parkId");
    expect(membershipShapeProblem(m("LIAISON", 1))).toBeNull();
    expect(membershipShapeProblem(m("PARK_STAFF"))).toEqual({ field: "parkId", message: "园区工作人员须选择园区" });
    expect(membershipShapeProblem(m("PARK_LEADER", 1, 3))?.field).toBe("regionId");
  });
});

describe("membershipGrantProblem", () => {
  it("lets an administrator grant anything", () => {
    for (const role of ["ADMIN", "REGION_LEADER", "PARK_LEADER", "PARK_STAFF", "LIAISON"] as const) expect(membershipGrantProblem(admin, m(role, 9))).toBeNull();
  });
  it("lets a park leader grant staff and liaison roles in their own parks only", () => {
    expect(membershipGrantProblem(leader, m("PARK_STAFF", 1))).toBeNull();
    expect(membershipGrantProblem(leader, m("LIAISON", 2))).toBeNull();
    expect(membershipGrantProblem(leader, m("LIAISON", 3))).toBe("只能在本人担任园区领导的园区分配角色");
    expect(membershipGrantProblem(leader, m("PARK_LEADER", 1))).toMatch(/不能分配园区领导/);
    expect(membershipGrantProblem(leader, m("ADMIN"))).toMatch(/不能分配系统管理员/);
    expect(membershipGrantProblem(leader, m("REGION_LEADER", null, 1))).toMatch(/不能分配市州领导/);
  });
});

describe("managesAccount / seesAccount", () => {
  it("gives a park leader the accounts that only hold delegable roles in their parks", () => {
    expect(managesAccount(leader, [m("LIAISON", 1), m("PARK_STAFF", 2)])).toBe(true);
    expect(managesAccount(leader, [m("LIAISON", 1), m("LIAISON", 3)])).toBe(false);
    expect(managesAccount(leader, [m("PARK_LEADER", 1)])).toBe(false);
    expect(managesAccount(leader, [])).toBe(false);
    expect(managesAccount(admin, [])).toBe(true);
  });
  it("lets a park leader see anyone with a role in their parks, nobody else", () => {
    expect(seesAccount(leader, [m("LIAISON", 1), m("LIAISON", 3)])).toBe(true);
    expect(seesAccount(leader, [m("LIAISON", 3)])).toBe(false);
    expect(seesAccount(leader, [m("ADMIN")])).toBe(false);
  });
});
