import { describe, expect, it } from "vitest";
import { SUPERVISION_STATUSES, SUPERVISION_STATUS_LABELS, isSupervisionOverdue, stepProblem, supervisionCode } from "./supervision";
import { formatHandlingHours, handoffPending } from "./first-contact";

describe("督办 rules", () => {
  it("allows a reply while awaiting one, a review only of a reply, nothing after 销号", () => {
    expect(stepProblem("reply", "ISSUED")).toBeNull();
    expect(stepProblem("reply", "RETURNED")).toBeNull();
    expect(stepProblem("reply", "REPLIED")).toContain("等待督办领导审核");
    expect(stepProblem("accept", "REPLIED")).toBeNull();
    expect(stepProblem("return", "REPLIED")).toBeNull();
    expect(stepProblem("accept", "ISSUED")).toContain("尚未回复");
    expect(stepProblem("return", "RETURNED")).toContain("尚未回复");
    for (const step of ["reply", "accept", "return"] as const) expect(stepProblem(step, "CLOSED")).toContain("已销号");
  });

  it("is overdue only while awaiting a reply after the deadline day", () => {
    expect(isSupervisionOverdue({ status: "ISSUED", deadline: "2026-11-05" }, "2026-11-05")).toBe(false);
    expect(isSupervisionOverdue({ status: "ISSUED", deadline: "2026-11-05" }, "2026-11-06")).toBe(true);
    expect(isSupervisionOverdue({ status: "RETURNED", deadline: "2026-11-05" }, "2026-11-06")).toBe(true);
    expect(isSupervisionOverdue({ status: "REPLIED", deadline: "2026-11-05" }, "2026-11-06")).toBe(false);
    expect(isSupervisionOverdue({ status: "CLOSED", deadline: "2026-11-05" }, "2026-11-06")).toBe(false);
  });

  it("numbers letters DB-<year>-<4 digits> and labels every status in Chinese", () => {
    expect(supervisionCode("2026", 7)).toBe("DB-2026-0007");
    expect(supervisionCode("2026", 12345)).toBe("DB-2026-12345");
    for (const s of SUPERVISION_STATUSES) expect(SUPERVISION_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
  });
});

describe("首问 rules", () => {
  it("a hand-off is pending for a received problem not yet accepted", () => {
    expect(handoffPending({ firstContactUserId: 3, handoffAcceptedAt: null })).toBe(true);
    expect(handoffPending({ firstContactUserId: 3, handoffAcceptedAt: "2026-11-05T02:00:00Z" })).toBe(false);
    expect(handoffPending({ firstContactUserId: null, handoffAcceptedAt: null })).toBe(false);
  });

  it("shows handling time in hours, in days past two days", () => {
    expect(formatHandlingHours(null)).toBe("—");
    expect(formatHandlingHours(3.46)).toBe("3.5 小时");
    expect(formatHandlingHours(47.9)).toBe("47.9 小时");
    expect(formatHandlingHours(60)).toBe("2.5 天");
  });
});
