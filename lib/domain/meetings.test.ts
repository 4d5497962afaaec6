import { describe, expect, it } from "vitest";
import { defaultMeetingTitle, doneLate, issueAgendaReason, isTaskOverdue, mayCloseTask, monthEnd, monthStart, notStartedAgendaReason, parseScopeKey, scopeKey, staleAgendaReason, taskStateLabel } from "./meetings";

describe("scopes and months", () => {
  it("reads park and region scope keys and refuses anything else", () => {
    expect(parseScopeKey("park:3")).toEqual({ kind: "park", id: 3 });
    expect(parseScopeKey("region:12")).toEqual({ kind: "region", id: 12 });
    expect(scopeKey({ kind: "region", id: 12 })).toBe("region:12");
    for (const bad of ["park:0", "park:-1", "city:1", "park:1x", "park:9999999999", "", null, undefined]) expect(parseScopeKey(bad)).toBeNull();
  });
  it("takes YYYY-MM months", () => {
    expect(monthStart("2026-09")).toBe("2026-09-01");
    expect(monthStart("2026-13")).toBeNull();
    expect(monthStart("2026-9")).toBeNull();
    expect(monthEnd("2026-02-01")).toBe("2026-02-28");
    expect(monthEnd("2028-02-01")).toBe("2028-02-29");
    expect(defaultMeetingTitle("怀化高新区", "2026-09-01")).toBe("怀化高新区2026 年 9 月项目推进会商");
  });
});

describe("follow-up tasks", () => {
  const open = { status: "OPEN" as const, deadline: "2026-09-30", doneDate: null };
  it("is overdue while open after its deadline, never once done", () => {
    expect(isTaskOverdue(open, "2026-09-30")).toBe(false);
    expect(isTaskOverdue(open, "2026-10-01")).toBe(true);
    expect(isTaskOverdue({ ...open, status: "DONE", doneDate: "2026-10-09" }, "2026-10-20")).toBe(false);
    expect(taskStateLabel(open, "2026-10-01")).toBe("已超期");
    expect(taskStateLabel(open, "2026-09-01")).toBe("办理中");
    expect(doneLate({ ...open, status: "DONE", doneDate: "2026-10-09" })).toBe(true);
    expect(taskStateLabel({ ...open, status: "DONE", doneDate: "2026-09-29" }, "2026-10-20")).toBe("已完成");
  });
  it("is closed by its owner or a leader of the scope, once", () => {
    expect(mayCloseTask({ ownerId: 5, status: "OPEN" }, { userId: 5 }, false)).toBe(true);
    expect(mayCloseTask({ ownerId: 5, status: "OPEN" }, { userId: 6 }, false)).toBe(false);
    expect(mayCloseTask({ ownerId: 5, status: "OPEN" }, { userId: 6 }, true)).toBe(true);
    expect(mayCloseTask({ ownerId: 5, status: "DONE" }, { userId: 5 }, true)).toBe(false);
  });
});

describe("agenda reasons", () => {
  it("say why a problem, a project due to start and a stale project are on the agenda", () => {
    expect(issueAgendaReason({ level: 3, deadline: "2026-09-01" }, "2026-09-22")).toBe("三级诉求（提请工委/管委会商）；超过办结时限 21 天（时限 2026-09-01）");
    expect(issueAgendaReason({ level: 1, deadline: "2026-09-30" }, "2026-09-22")).toBe("");
    expect(notStartedAgendaReason({ plannedStartDate: "2026-10-30", stage: "LANDED" }, "2026-11-17")).toBe("计划开工 2026-10-30，已过 18 天仍在落地阶段");
    expect(staleAgendaReason({ stage: "LANDED", stageDate: "2026-01-01", threshold: 180 }, "2026-10-23")).toBe("在落地阶段已 295 天（园区规定 180 天）");
  });
});
