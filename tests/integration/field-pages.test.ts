// A liaison's field pages (我的包保, 每周清单, 今日待办, 走访记录 and the visit form, 企业诉求
// and a problem page with its workflow actions) render on the server in Chinese and in
// English (the session, Next's navigation and the request's language mocked): the Chinese
// is today's text, and the English page keeps no Chinese of these pages' own messages; only
// user data (names, titles, notes) stays as entered.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { todayInShanghai, addDays } from "@/lib/domain/dates";
import { createIssue } from "@/lib/server/issues/create-issue";
import { actOnIssue } from "@/lib/server/issues/act-on-issue";
import { type IssueWorld, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { makeVisit } from "../helpers/assignment-factories";
import { pageSession, renderPage } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/liaison";

const render = renderPage;


// Pages take `searchParams` or `params` (typed per page); each gets both.
/**
 * Chinese an English page may still show that is not these pages' own: shared components and
 * other parts of the app not translated yet (each named by where it comes from), and texts
 * built by the server (the digest's item details are built in SQL). A string leaves this list
 * when its owner translates it; the check below only fails on Chinese not listed here.
 */
const NOT_OURS: (string | RegExp)[] = [
  "开工", // components/ui/stage-badge.tsx (the stage's label)
  "输入企业名称或统一社会信用代码", // components/ui/enterprise-combobox.tsx
  "匹配结果", // components/ui/enterprise-combobox.tsx
  "督办", // components/supervision/supervision-links.tsx
  "下发督办函", // components/supervision/supervision-links.tsx
  "应走访日期", // lib/server/notifications/daily-digest.ts: a digest item's detail, built in SQL
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx (FilterSelect's default "all")
  "筛选", // components/ui/filter-select.tsx (FilterBar's submit)
  "重置", // components/ui/filter-select.tsx (FilterBar's reset)
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
];

/** The Chinese runs of an English page's text and attributes, user data taken out, that nobody else answers for. */
function chineseLeft(html: string, userData: string[]): string[] {
  let s = html;
  for (const d of [...userData].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))];
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

let w: IssueWorld;
let issueId: number;
let userData: string[];

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const today = todayInShanghai();
  // An overdue problem the liaison answers for (我的包保, 今日待办), and one with a history (the problem page).
  await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.liaison.userId, responsibleUserId: w.liaison.userId, raisedDate: "2026-01-05", resolveDeadline: addDays(today, -3), title: "页面测试的超期问题" });
  const created = await createIssue(w.staff, issueInput(w, { raisedDate: "2026-09-22" }));
  issueId = created.id;
  const assigned = await actOnIssue(w.leader, { issueId, version: created.version, action: "assign", responsibleUnit: "供电公司", note: "请尽快办理" }, "2026-09-23");
  await actOnIssue(w.leader, { issueId, version: assigned.version, action: "comment", note: "已电话催办" }, "2026-09-24");
  await makeVisit({ parkId: w.park.id, enterpriseId: w.enterprise.id, liaisonId: w.liaison.userId, visitDate: addDays(today, -40), projectId: w.project.id });
  const db = getDb();
  const [parks, users, enterprises, projects, issues, assignments] = await Promise.all([
    db.park.findMany({ where: { regionId: w.regionId }, select: { name: true } }),
    db.user.findMany({ where: { memberships: { some: { OR: [{ parkId: w.park.id }, { regionId: w.regionId }] } } }, select: { name: true, unit: true } }),
    db.enterprise.findMany({ where: { parkId: w.park.id }, select: { name: true, contactName: true } }),
    db.project.findMany({ where: { parkId: w.park.id }, select: { name: true, industry: true } }),
    db.enterpriseIssue.findMany({ where: { parkId: w.park.id }, select: { title: true, description: true, raisedBy: true, responsibleUnit: true, events: { select: { note: true } } } }),
    db.assignment.findMany({ where: { parkId: w.park.id }, select: { department: true } }),
  ]);
  userData = [
    ...parks.map((p) => p.name),
    ...users.flatMap((u) => [u.name, u.unit]),
    ...enterprises.flatMap((e) => [e.name, e.contactName]),
    ...projects.flatMap((p) => [p.name, p.industry]),
    ...issues.flatMap((i) => [i.title, i.description, i.raisedBy, i.responsibleUnit, ...i.events.map((e) => e.note)]),
    ...assignments.map((a) => a.department),
    "走访企业，了解生产经营情况",
  ].filter((d): d is string => !!d);
});

describe("a liaison's field pages in both languages", () => {
  it("我的包保, 每周清单 and 今日待办", async () => {
    pageSession.actor = w.liaison;
    const zh = await render(import("@/app/(app)/liaison/page"), "zh-CN");
    for (const s of ["我的包保", "每周清单", "登记走访", "包保项目", "未办结问题（逾期在前）", "应走访企业（每", "页面测试的超期问题", "逾期 3 天", "今日待办"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/liaison/page"), "en");
    for (const s of ["My liaison work", "Weekly list", "Log a visit", "Open problems (overdue first)", "Enterprises to visit", "3 days overdue", "Today&#x27;s to-do", "In progress", "Level 1 (liaison)", "页面测试的超期问题"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    expect(await render(import("@/app/(app)/liaison/weekly/page"), "zh-CN")).toContain("本周到期的问题");
    const weekly = await render(import("@/app/(app)/liaison/weekly/page"), "en");
    for (const s of ["Weekly list", "Problems due this week", "Print"]) expect(weekly).toContain(s);
    expect(chineseLeft(weekly, userData)).toEqual([]);

    expect(await render(import("@/app/(app)/digest/page"), "zh-CN")).toContain("企业问题（我负责）");
    const digest = await render(import("@/app/(app)/digest/page"), "en");
    expect(digest).toContain("Enterprise problems (mine)");
    expect(chineseLeft(digest, userData)).toEqual([]);
  });

  it("走访记录 and the visit form", async () => {
    pageSession.actor = w.liaison;
    const zh = await render(import("@/app/(app)/visits/new/page"), "zh-CN", { enterprise: String(w.enterprise.id) });
    for (const s of ["登记走访", "走访情况", "相关项目", "接待人员", "＋ 添加现场反映的问题", "保存走访记录", "座谈"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/visits/new/page"), "en", { enterprise: String(w.enterprise.id) });
    for (const s of ["Log a visit", "Visit date", "People met", "+ Add a problem raised on the spot", "Save visit", "Phone call"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    pageSession.actor = w.leader;
    expect(await render(import("@/app/(app)/visits/page"), "zh-CN")).toContain("走访记录");
    const list = await render(import("@/app/(app)/visits/page"), "en");
    for (const s of ["Visits", "Visited by", "On-site visit", "People met"]) expect(list).toContain(s);
    expect(chineseLeft(list, userData)).toEqual([]);
  });

  it("企业诉求 and a problem page with its actions", async () => {
    pageSession.actor = w.leader;
    const zh = await render(import("@/app/(app)/issues/[id]/page"), "zh-CN", {}, { id: String(issueId) });
    for (const s of ["← 企业诉求", "办理记录", "包保责任人", "交办", "备注", "请尽快办理", "调整时限"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/issues/[id]/page"), "en", {}, { id: String(issueId) });
    for (const s of ["← Enterprise problems", "History", "Liaisons", "Liaison leaders", "Assigned", "Water, power, gas", "Change deadline", "请尽快办理"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    expect(await render(import("@/app/(app)/issues/page"), "zh-CN")).toContain("问题总数");
    const list = await render(import("@/app/(app)/issues/page"), "en");
    for (const s of ["Enterprise problems", "Resolution rate", "Overdue only", "Export to Excel"]) expect(list).toContain(s);
    expect(chineseLeft(list, userData)).toEqual([]);
  });
});
