// The 积分 pages render on the server for each role (the session and Next's navigation mocked):
// catches a page that throws on its data before the browser tests would.
import { describe, expect, it, vi } from "vitest";
import type { ReactElement } from "react";
import { getDb } from "@/lib/db/client";
import { loadActor } from "@/lib/server/actor";
import { makeAssignment, makeEnterprise, makeLiaisonWorld, makeVisit } from "../helpers/assignment-factories";
import { createPointAdjustment } from "@/lib/server/points/create-point-adjustment";
import { todayInShanghai } from "@/lib/domain/dates";
import { pageSession, renderPage, type PageModule } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/points";

const render = (mod: PageModule, sp: Record<string, string> = {}, params: Record<string, string> = {}) => renderPage(mod, pageSession.locale, sp, params);

/** Chinese an English page may still show that is not the points pages' own (each named by where it comes from). */
const NOT_OURS: (string | RegExp)[] = [
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx
  "筛选", // components/ui/filter-select.tsx
  "重置", // components/ui/filter-select.tsx
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
  /^\d{4}年$/, // components/ui/filter-select.tsx (recentYears)
];

/** The Chinese runs of an English page, user data and server-built texts taken out, that the points pages answer for. */
function chineseLeft(html: string, userData: string[]): string[] {
  let s = html;
  for (const d of [...userData].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))].filter((r) => r !== "");
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

describe("points pages render", () => {
  it("for a leader and a liaison", async () => {
    const w = await makeLiaisonWorld();
    const today = todayInShanghai();
    const e = await makeEnterprise(w.park.id, "页面测试企业");
    await makeAssignment({ parkId: w.park.id, userId: w.liaisonA.userId, enterpriseId: e.id, startDate: `${today.slice(0, 4)}-01-01` });
    await makeVisit({ parkId: w.park.id, enterpriseId: e.id, liaisonId: w.liaisonA.userId, visitDate: `${today.slice(0, 4)}-01-01` });
    await createPointAdjustment(w.leader, { parkId: w.park.id, earner: "LIAISON", userId: w.liaisonA.userId, date: today, points: 3, reason: "获企业书面表扬" });
    pageSession.actor = w.leader;
    const events = await render(import("@/app/(app)/points/events/page"), { park: String(w.park.id), period: "year", earner: "LIAISON", user: String(w.liaisonA.userId) });
    expect(events).toContain("人工加分");
    expect(events).toContain("获企业书面表扬");
    expect(events).toContain(`/enterprises/${e.id}`);
    const board = await render(import("@/app/(app)/points/page"), { park: String(w.park.id), period: "year", year: "2026" });
    expect(board).toContain("积分考核");
    for (const tab of ["leader", "unit", "park"]) expect(await render(import("@/app/(app)/points/page"), { park: String(w.park.id), tab })).toContain("排行");
    expect(await render(import("@/app/(app)/points/events/page"), { park: String(w.park.id), period: "quarter" })).toContain("积分明细");
    expect(await render(import("@/app/(app)/points/rules/page"), { park: String(w.park.id) })).toContain("调整规则");
    expect(await render(import("@/app/(app)/points/adjustments/page"), { park: String(w.park.id) })).toContain("新增加减分");
    pageSession.actor = w.regionLeader;
    expect(await render(import("@/app/(app)/points/page"), { region: String(w.regionId), tab: "park" })).toContain("园区排行");
    expect(await render(import("@/app/(app)/points/rules/page"), { region: String(w.regionId) })).toContain("市州默认");
    pageSession.actor = (await loadActor(getDb(), w.liaisonA.userId))!;
    expect(await render(import("@/app/(app)/points/events/page"), {})).toContain("我的积分");
    expect(await render(import("@/app/(app)/points/page"), {})).toContain("查看我的积分明细");

    // In English: none of the pages' own Chinese; names, parks and the server's event details stay as stored.
    pageSession.locale = "en";
    try {
      const db = getDb();
      const [users, parks, regions] = await Promise.all([db.user.findMany({ select: { name: true, unit: true } }), db.park.findMany({ select: { name: true } }), db.region.findMany({ select: { name: true } })]);
      const details = (await import("@/lib/server/points/list-point-events").then((x) => x.listPointEvents(w.leader, { park: w.park.id, period: "year" }))).rows.map((r) => r.detail);
      const userData = ["获企业书面表扬", "页面测试企业", ...users.flatMap((u) => [u.name, u.unit ?? ""]), ...parks.map((p) => p.name), ...regions.map((r) => r.name), ...details].filter((x) => x !== "");
      pageSession.actor = w.leader;
      const pages: [Promise<{ default: (p: { searchParams: Promise<Record<string, string>> }) => Promise<ReactElement> }>, Record<string, string>, string][] = [
        [import("@/app/(app)/points/events/page"), { park: String(w.park.id), period: "year", earner: "LIAISON", user: String(w.liaisonA.userId) }, "Manual bonus"],
        [import("@/app/(app)/points/page"), { park: String(w.park.id), period: "year", year: "2026" }, "Points assessment"],
        [import("@/app/(app)/points/page"), { park: String(w.park.id), tab: "park" }, "Park ranking"],
        [import("@/app/(app)/points/events/page"), { park: String(w.park.id), period: "quarter" }, "Points in detail"],
        [import("@/app/(app)/points/rules/page"), { park: String(w.park.id) }, "Change a rule"],
        [import("@/app/(app)/points/adjustments/page"), { park: String(w.park.id) }, "New bonus/deduction"],
      ];
      for (const [mod, sp, text] of pages) {
        const html = await render(mod, sp);
        expect(html).toContain(text);
        expect(chineseLeft(html, userData)).toEqual([]);
      }
      pageSession.actor = w.regionLeader;
      expect(await render(import("@/app/(app)/points/rules/page"), { region: String(w.regionId) })).toContain("Region default");
      pageSession.actor = (await loadActor(getDb(), w.liaisonA.userId))!;
      const mine = await render(import("@/app/(app)/points/events/page"), {});
      expect(mine).toContain("My points");
      expect(chineseLeft(mine, userData)).toEqual([]);
    } finally {
      pageSession.locale = "zh-CN";
    }
  });
});
