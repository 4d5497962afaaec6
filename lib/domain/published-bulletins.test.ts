import { describe, expect, it } from "vitest";
import { type Actor, type Role } from "./permissions";
import { ALL_PARKS_SCOPE, bulletinClosesMonth, bulletinScopeKey, closedMonthMessage, correctionOpenKey, decisionRefusal, publishRefusal, scopeNameIn } from "./published-bulletins";

function actor(parkRoles: [number, Role[]][], extra: Partial<Actor> = {}): Actor {
  const roles = [...new Set(parkRoles.flatMap(([, r]) => r))];
  return { userId: 7, username: "u", name: "用户", isAdmin: roles.includes("ADMIN"), roles, parkRoles: new Map(parkRoles), ...extra };
}

describe("publishRefusal", () => {
  const region = [1, 2, 3];
  it("lets a park leader publish their park, and nobody else's", () => {
    const leader = actor([[1, ["PARK_LEADER"]]]);
    expect(publishRefusal(leader, { park: 1 })).toBeNull();
    expect(publishRefusal(leader, { park: 2 })).toBe("not-found");
  });

  it("refuses staff and liaisons with a message naming who may", () => {
    for (const role of ["PARK_STAFF", "LIAISON"] as Role[]) expect(publishRefusal(actor([[1, [role]]]), { park: 1 })).toBe("园区通报只能由本园区的园区领导定稿发布");
  });

  it("a park leader cannot publish the region, a region leader can; a region leader leaves the park's bulletin to the park", () => {
    expect(publishRefusal(actor([[1, ["PARK_LEADER"]]]), { region: 9 }, region)).toBe("市州通报只能由本市州的市州领导或系统管理员定稿发布");
    const regionLeader = actor(region.map((p) => [p, ["REGION_LEADER"]] as [number, Role[]]));
    expect(publishRefusal(regionLeader, { region: 9 }, region)).toBeNull();
    expect(publishRefusal(regionLeader, { park: 1 })).toBe("园区通报只能由本园区的园区领导定稿发布");
    expect(publishRefusal(regionLeader, { region: 10 }, [4, 5])).toBe("not-found");
    expect(publishRefusal(regionLeader, { region: 11 }, [])).toBe("not-found");
  });

  it("administrators publish any park or region; an API token never does", () => {
    const admin = actor([1, 2, 3, 4].map((p) => [p, ["ADMIN"]] as [number, Role[]]));
    expect(publishRefusal(admin, { region: 9 }, region)).toBeNull();
    expect(publishRefusal(admin, { park: 4 })).toBeNull();
    const token = actor(region.map((p) => [p, ["REGION_LEADER"]] as [number, Role[]]), { grants: ["dashboard.read", "park.read"] });
    expect(publishRefusal(token, { region: 9 }, region)).not.toBeNull();
  });
});

describe("closing months", () => {
  it("a bulletin closes its month and every month before it, not later ones", () => {
    const oct = { year: 2026, month: 10 };
    expect(bulletinClosesMonth(oct, { year: 2026, month: 10 })).toBe(true);
    expect(bulletinClosesMonth(oct, { year: 2026, month: 1 })).toBe(true);
    expect(bulletinClosesMonth(oct, { year: 2025, month: 12 })).toBe(true);
    expect(bulletinClosesMonth(oct, { year: 2026, month: 11 })).toBe(false);
    expect(bulletinClosesMonth(oct, { year: 2027, month: 1 })).toBe(false);
  });

  it("says which bulletin closed the month and what to do instead", () => {
    const m = closedMonthMessage({ year: 2026, month: 9 }, { scopeName: "怀化高新区", year: 2026, month: 10 });
    expect(m).toContain("2026年9月已随《怀化高新区2026年10月项目推进情况通报》定稿发布");
    expect(m).toContain("更正申请");
  });

  it("keys scopes and pending requests", () => {
    expect(bulletinScopeKey({ park: 3 })).toBe("park:3");
    expect(bulletinScopeKey({ region: 3 })).toBe("region:3");
    expect(correctionOpenKey(5, { year: 2026, month: 9 })).toBe("5:2026:9");
  });
});

describe("decisionRefusal", () => {
  const pending = { parkId: 1, status: "PENDING" as const, requestedById: 99 };
  it("lets the park's leader decide a pending request of someone else", () => {
    expect(decisionRefusal(actor([[1, ["PARK_LEADER"]]]), pending)).toBeNull();
  });
  it("refuses staff, other parks, one's own request and a decided one", () => {
    expect(decisionRefusal(actor([[1, ["PARK_STAFF"]]]), pending)).toBe("只有本园区的园区领导可以审批月报更正申请");
    expect(decisionRefusal(actor([[1, ["REGION_LEADER"]]]), pending)).toBe("只有本园区的园区领导可以审批月报更正申请");
    expect(decisionRefusal(actor([[2, ["PARK_LEADER"]]]), pending)).toBe("not-found");
    expect(decisionRefusal(actor([[1, ["PARK_LEADER"]]]), { ...pending, requestedById: 7 })).toBe("不能审批自己提交的更正申请");
    expect(decisionRefusal(actor([[1, ["PARK_LEADER"]]]), { ...pending, status: "APPROVED" })).toBe("该更正申请已批准，不能再次审批");
    expect(decisionRefusal(actor([[1, ["PARK_LEADER"]]]), { ...pending, status: "REJECTED" })).toBe("该更正申请已驳回，不能再次审批");
  });
});

describe("scopeNameIn", () => {
  it("puts an administrator's 全部园区 into the reader's words and keeps a park's or region's own name", () => {
    expect(scopeNameIn(ALL_PARKS_SCOPE, "All parks")).toBe("All parks");
    expect(scopeNameIn("怀化高新区", "All parks")).toBe("怀化高新区");
  });
});
