// The 督办 and 首问受理 pages render on the server in Chinese and in English (the session, Next's
// navigation and the request's language mocked): the Chinese is today's text, and the English
// page keeps none of these pages' own Chinese; user data (names, titles, requirements, notes)
// and texts the server builds (the letter's grounds) stay as entered.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { issueSupervision } from "@/lib/server/supervision/issue-supervision";
import { replySupervision } from "@/lib/server/supervision/reply-supervision";
import { getSupervisionTarget } from "@/lib/server/supervision/supervision-target";
import { receiveIssue } from "@/lib/server/first-contact/receive-issue";
import { type IssueWorld, issueInput, makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { pageSession, renderPage } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/supervision";

const render = renderPage;


// Pages take `searchParams` or `params` (typed per page); each gets both.
/** Chinese an English page may still show that is not these pages' own (each named by where it comes from). */
const NOT_OURS: (string | RegExp)[] = [
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx
  "筛选", // components/ui/filter-select.tsx
  "重置", // components/ui/filter-select.tsx
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
  "输入企业名称或统一社会信用代码", // components/ui/enterprise-combobox.tsx
  "匹配结果", // components/ui/enterprise-combobox.tsx
];

function chineseLeft(html: string, userData: string[]): string[] {
  let s = html;
  for (const d of [...userData].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))].filter((r) => r !== "");
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

let w: IssueWorld;
let letterId: number;
let issueId: number;
let newIssueId: number;
let userData: string[];

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const issue = await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.liaison.userId, responsibleUserId: w.staff.userId, raisedDate: "2026-08-03", resolveDeadline: "2026-09-01", title: "页面测试的超期问题" });
  issueId = issue.id;
  const letter = await issueSupervision(w.leader, { issueId, recipientUserId: w.staff.userId, recipientUnit: "页面测试规划建设局", subject: "页面测试的督办事项", requirement: "页面测试的整改要求", workdays: "5" }, "2026-09-22");
  letterId = letter.id;
  await replySupervision(w.staff, { supervisionId: letterId, version: 1, note: "页面测试的整改情况" });
  const { visitId: _visit, ...input } = issueInput(w, { title: "页面测试的来电问题" });
  newIssueId = (await receiveIssue(w.staff, { ...input, intakeChannel: "PHONE" })).id;
  const db = getDb();
  const [users, parks, enterprises, projects, issues] = await Promise.all([
    db.user.findMany({ select: { name: true, unit: true, title: true } }),
    db.park.findMany({ select: { name: true } }),
    db.enterprise.findMany({ select: { name: true } }),
    db.project.findMany({ select: { name: true } }),
    db.enterpriseIssue.findMany({ select: { title: true, description: true, responsibleUnit: true, raisedBy: true } }),
  ]);
  const target = await getSupervisionTarget(w.leader, { issueId });
  userData = [
    "页面测试规划建设局",
    "页面测试的督办事项",
    "页面测试的整改要求",
    "页面测试的整改情况",
    ...users.flatMap((u) => [u.name, u.unit ?? "", u.title ?? ""]),
    ...parks.map((p) => p.name),
    ...enterprises.map((e) => e.name),
    ...projects.map((p) => p.name),
    ...issues.flatMap((i) => [i.title, i.description ?? "", i.responsibleUnit ?? "", i.raisedBy ?? ""]),
    ...target.reasons,
    target.refusal ?? "",
  ].filter((x) => x !== "");
});

describe("督办 and 首问 pages render", () => {
  it("in Chinese as before", async () => {
    pageSession.actor = w.leader;
    const list = await render(import("@/app/(app)/supervision/page"), "zh-CN");
    expect(list).toContain("督办事项");
    expect(list).toContain("页面测试的督办事项");
    const letter = await render(import("@/app/(app)/supervision/[id]/page"), "zh-CN", {}, { id: String(letterId) });
    expect(letter).toContain("督 办 函");
    expect(letter).toContain("审核回复");
    expect(letter).toContain("回复整改情况");
    expect(await render(import("@/app/(app)/supervision/new/page"), "zh-CN", { issueId: String(issueId) })).toContain("督办原因");
    const issuePage = await render(import("@/app/(app)/issues/[id]/page"), "zh-CN", {}, { id: String(issueId) });
    expect(issuePage).toContain("待审核");
    pageSession.actor = w.staff;
    const fc = await render(import("@/app/(app)/first-contact/page"), "zh-CN");
    expect(fc).toContain("我受理、待对方接收（");
    expect(fc).toContain("页面测试的来电问题");
    expect(await render(import("@/app/(app)/issues/[id]/page"), "zh-CN", {}, { id: String(newIssueId) })).toContain("首问责任人：");
    pageSession.actor = w.liaison;
    const toAccept = await render(import("@/app/(app)/first-contact/page"), "zh-CN");
    expect(toAccept).toContain("接收");
    expect(await render(import("@/app/(app)/issues/[id]/page"), "zh-CN", {}, { id: String(newIssueId) })).toContain("接收前由首问责任人负责跟进");
  });

  it("in English with none of their own Chinese", async () => {
    pageSession.actor = w.leader;
    const list = await render(import("@/app/(app)/supervision/page"), "en");
    expect(list).toContain("Awaiting review");
    expect(chineseLeft(list, userData)).toEqual([]);
    const letter = await render(import("@/app/(app)/supervision/[id]/page"), "en", {}, { id: String(letterId) });
    expect(letter).toContain("SUPERVISION LETTER");
    expect(letter).toContain("Review the reply");
    expect(chineseLeft(letter, userData)).toEqual([]);
    const issueNew = await render(import("@/app/(app)/supervision/new/page"), "en", { issueId: String(issueId) });
    expect(issueNew).toContain("Grounds for supervision");
    expect(chineseLeft(issueNew, userData)).toEqual([]);
    const issuePage = await render(import("@/app/(app)/issues/[id]/page"), "en", {}, { id: String(issueId) });
    expect(issuePage).toContain("Awaiting review");
    expect(issuePage).not.toContain("待审核");
    pageSession.actor = w.staff;
    const fc = await render(import("@/app/(app)/first-contact/page"), "en");
    expect(fc).toContain("Received by me, awaiting acceptance (");
    expect(chineseLeft(fc, userData)).toEqual([]);
    pageSession.actor = w.liaison;
    const toAccept = await render(import("@/app/(app)/first-contact/page"), "en");
    expect(toAccept).toContain("For me to accept (");
    expect(toAccept).toContain(">Accept<");
    expect(chineseLeft(toAccept, userData)).toEqual([]);
    const facts = await render(import("@/app/(app)/issues/[id]/page"), "en", {}, { id: String(newIssueId) });
    expect(facts).toContain("First-contact officer: ");
    expect(facts).not.toContain("首问责任人");
  });
});
