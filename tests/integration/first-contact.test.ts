import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { acceptHandoff } from "@/lib/server/first-contact/accept-handoff";
import { firstContactStats, myFirstContactWork } from "@/lib/server/first-contact/list-first-contact";
import { receiveIssue } from "@/lib/server/first-contact/receive-issue";
import { type IssueWorld, caught, issueInput, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";

const db = () => getDb();
let w: IssueWorld;
beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
});

const received = (over: Record<string, unknown> = {}) => {
  const { visitId: _visit, ...input } = issueInput(w, { title: "来电反映厂区道路破损" });
  return { ...input, intakeChannel: "PHONE", ...over };
};

describe("首问责任: a problem received directly and its hand-off", () => {
  it("records the receiver as 首问责任人 until the responsible person accepts the hand-off", async () => {
    // Staff take a phone call; the enterprise's 包保责任人 (the default responsible person) must accept it.
    const t0 = new Date("2026-09-22T02:00:00Z");
    const r = await receiveIssue(w.staff, received(), t0);
    expect(r).toMatchObject({ code: expect.stringMatching(/^WT-/), handoffPending: true });
    const row = await db().enterpriseIssue.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ intakeChannel: "PHONE", firstContactUserId: w.staff.userId, responsibleUserId: w.liaison.userId, handoffAcceptedAt: null, visitId: null, reporterId: w.staff.userId });
    const asked = await db().notification.findMany({ where: { issueId: r.id, kind: "HANDOFF_PENDING" } });
    expect(asked.map((n) => n.userId)).toEqual([w.liaison.userId]);

    // Both see it in their 首问 to-do.
    expect((await myFirstContactWork(w.staff)).received.map((i) => i.id)).toContain(r.id);
    expect((await myFirstContactWork(w.liaison)).toAccept.map((i) => i.id)).toContain(r.id);

    // Only the responsible person accepts, once.
    expect((await caught(acceptHandoff(w.staff, { issueId: r.id }))).code).toBe("FORBIDDEN");
    expect((await caught(acceptHandoff(w.leader, { issueId: r.id }))).code).toBe("FORBIDDEN");
    const t1 = new Date("2026-09-22T08:00:00Z");
    expect(await acceptHandoff(w.liaison, { issueId: r.id }, t1)).toEqual({ acceptedAt: t1.toISOString() });
    expect((await caught(acceptHandoff(w.liaison, { issueId: r.id }))).code).toBe("CONFLICT");

    expect((await myFirstContactWork(w.staff)).received.map((i) => i.id)).not.toContain(r.id);
    expect((await myFirstContactWork(w.liaison)).toAccept.map((i) => i.id)).not.toContain(r.id);
    const events = await db().issueEvent.findMany({ where: { issueId: r.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([
      ["CREATED", w.staff.userId],
      ["HANDOFF_ACCEPTED", w.liaison.userId],
    ]);
    const told = await db().notification.findMany({ where: { issueId: r.id, kind: "HANDOFF_ACCEPTED" } });
    expect(told.map((n) => n.userId)).toEqual([w.staff.userId]);
    const audit = await db().auditLog.findMany({ where: { entityType: "EnterpriseIssue", entityId: String(r.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["issue.create", "issue.receive", "issue.acceptHandoff"]);
  });

  it("received by the responsible person themself, the hand-off is accepted at once", async () => {
    const r = await receiveIssue(w.liaison, received({ intakeChannel: "WINDOW", title: "窗口咨询用工补贴" }));
    expect(r.handoffPending).toBe(false);
    expect((await db().enterpriseIssue.findUniqueOrThrow({ where: { id: r.id } })).handoffAcceptedAt).not.toBeNull();
  });

  it("refuses a missing or unknown 来源 and a problem that was not received directly, naming the field", async () => {
    const noChannel = await caught(receiveIssue(w.staff, received({ intakeChannel: undefined })));
    expect(noChannel.fieldErrors?.intakeChannel?.[0]).toBe("请选择来源（电话、窗口、来信或网上）");
    expect((await caught(receiveIssue(w.staff, received({ intakeChannel: "VISIT" })))).fieldErrors?.intakeChannel).toBeDefined();
    expect((await caught(receiveIssue(w.otherStaff, received()))).code).toBe("NOT_FOUND");
    const plain = await db().enterpriseIssue.findFirstOrThrow({ where: { parkId: w.park.id, firstContactUserId: null }, select: { id: true } }).catch(() => null);
    if (plain) expect((await caught(acceptHandoff(w.liaison, { issueId: plain.id }))).fieldErrors?.issueId?.[0]).toContain("无需接收");
  });

  it("reports handling time (receipt to accepted hand-off) as median and average in SQL", async () => {
    const park = w.park.id;
    // Two more accepted after 2 h and 10 h: with the first one's 6 h, the median is 6 h and the average 6 h.
    for (const [hours, title] of [[2, "来信反映排污许可"], [10, "网上留言反映物流通道"]] as const) {
      const at = new Date("2026-09-23T01:00:00Z");
      const r = await receiveIssue(w.staff, received({ intakeChannel: "LETTER", title }), at);
      await acceptHandoff(w.liaison, { issueId: r.id }, new Date(at.getTime() + hours * 3_600_000));
    }
    // One still pending.
    await receiveIssue(w.staff, received({ intakeChannel: "ONLINE", title: "网上反映用电" }));
    const stats = await firstContactStats(w.leader, park);
    // The self-accepted one took ~0 h: medians over 0, 2, 6, 10 = 4, average 4.5.
    expect(stats).toMatchObject({ received: 5, accepted: 4, pending: 1 });
    expect(stats.medianHours).toBeCloseTo(4, 1);
    expect(stats.averageHours).toBeCloseTo(4.5, 1);
    // Another park's staff sees none of them.
    expect((await firstContactStats(w.otherStaff)).received).toBe(0);
  });
});
