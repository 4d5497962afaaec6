// The 每月会商 pages render on the server (the session and Next's navigation mocked): a leader's
// agenda builder, meeting, minutes and list, an owner's tasks, the problem page's history.
import { describe, expect, it, vi } from "vitest";
import { todayInShanghai } from "@/lib/domain/dates";
import { defaultMeetingTitle } from "@/lib/domain/meetings";
import { buildAgenda } from "@/lib/server/meetings/build-agenda";
import { recordDecision } from "@/lib/server/meetings/edit-meeting";
import { prepareMeeting } from "@/lib/server/meetings/prepare-meeting";
import { makeIssueRow, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { pageSession, renderPage, type PageModule } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/meetings";

const render = (mod: PageModule, sp: Record<string, string> = {}, params: Record<string, string> = {}) => renderPage(mod, pageSession.locale, sp, params);

// Pages take `searchParams` or `params` (typed per page); each gets both.
/** Chinese an English page may still show that is not the meetings pages' own (each named by where it comes from). */
const NOT_OURS: (string | RegExp)[] = [
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx
  "筛选", // components/ui/filter-select.tsx
  "重置", // components/ui/filter-select.tsx
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
];

/** The Chinese runs of an English page, user data and server-built texts taken out, that the meetings pages answer for. */
function chineseLeft(html: string, userData: string[]): string[] {
  let s = html;
  for (const d of [...userData].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))].filter((r) => r !== "");
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

describe("meetings pages render", () => {
  it("for a park leader, staff and a task's owner", async () => {
    await seedHolidays2026();
    const w = await makeIssueWorld();
    const today = todayInShanghai();
    const issue = await makeIssueRow({ parkId: w.park.id, enterpriseId: w.enterprise.id, projectId: w.project.id, reporterId: w.liaison.userId, level: 3, raisedDate: "2026-01-05", resolveDeadline: "2026-02-02", title: "页面测试的三级诉求" });
    const scope = `park:${w.park.id}`;
    const month = today.slice(0, 7);
    pageSession.actor = w.leader;
    const builder = await render(import("@/app/(app)/meetings/new/page"), { scope, month });
    expect(builder).toContain("页面测试的三级诉求");
    expect(builder).toContain("定稿议程");

    const { candidates } = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, `${month}-01`);
    const { id } = await prepareMeeting(w.leader, { scope, month, include: candidates.map((c) => c.key), freeItems: ["页面测试的其他议题"] });
    const m = await import("@/lib/server/meetings/get-meeting").then((x) => x.getMeeting(w.leader, id));
    const item = m.items.find((i) => i.issueId === issue.id)!;
    // Deadlines count working days from today: only where this year's calendar is known.
    const withTask = today.startsWith("2026");
    await recordDecision(w.leader, { itemId: item.id, text: "页面测试的议定事项", tasks: withTask ? [{ title: "页面测试的跟踪事项", ownerId: w.staff.userId, workdays: 3 }] : [] });

    const page = await render(import("@/app/(app)/meetings/[id]/page"), {}, { id: String(id) });
    expect(page).toContain("页面测试的议定事项");
    expect(page).toContain("页面测试的其他议题");
    expect(page).toContain("保存参会人员");
    const minutes = await render(import("@/app/(app)/meetings/[id]/minutes/page"), {}, { id: String(id) });
    expect(minutes).toContain("会 议 纪 要");
    expect(minutes).toContain("页面测试的议定事项");
    expect(await render(import("@/app/(app)/meetings/page"), { scope })).toContain(m.title);
    const issuePage = await render(import("@/app/(app)/issues/[id]/page"), {}, { id: String(issue.id) });
    expect(issuePage).toContain("页面测试的议定事项");
    // The problem's project: the decision is on its timeline too.
    const projectPage = await render(import("@/app/(app)/projects/[id]/page"), {}, { id: String(w.project.id) });
    expect(projectPage).toContain("会商议定");
    expect(projectPage).toContain("页面测试的议定事项");

    pageSession.actor = w.staff;
    const staffView = await render(import("@/app/(app)/meetings/[id]/page"), {}, { id: String(id) });
    expect(staffView).toContain("页面测试的议定事项");
    expect(staffView).not.toContain("保存参会人员");
    if (withTask) expect(await render(import("@/app/(app)/meetings/tasks/page"))).toContain("页面测试的跟踪事项");
    pageSession.actor = w.otherStaff;
    await expect(render(import("@/app/(app)/meetings/[id]/page"), {}, { id: String(id) })).rejects.toThrow("NOT_FOUND");

    // In English: the same pages with none of their own Chinese; user data (names, titles, the
    // agenda's reasons built by the server) stays as entered.
    pageSession.locale = "en";
    try {
      const people = [w.leader, w.staff, w.otherStaff, w.liaison].map((a) => (a as { name?: string }).name ?? "");
      const userData = [m.title, m.scopeName, issue.title, ...m.items.flatMap((i) => [i.title, i.reason ?? ""]), "页面测试的议定事项", "页面测试的跟踪事项", ...people, ...m.people.flatMap((p) => [p.name, p.unit ?? ""]), m.preparedByName].filter((x) => x !== "");
      pageSession.actor = w.leader;
      const enList = await render(import("@/app/(app)/meetings/page"), { scope });
      expect(enList).toContain("Monthly coordination meetings");
      expect(chineseLeft(enList, userData)).toEqual([]);
      const enBuilder = await render(import("@/app/(app)/meetings/new/page"), { scope, month: "2026-01" });
      expect(enBuilder).toContain("Finalise agenda");
      const agenda2 = await buildAgenda(w.leader, { kind: "park", id: w.park.id }, "2026-01-01");
      // The meeting's default name is the record's (stored as the meeting's title), in Chinese.
      const defaultTitle = defaultMeetingTitle(agenda2.scope.name, "2026-01-01");
      expect(chineseLeft(enBuilder, [...userData, defaultTitle, ...agenda2.candidates.flatMap((c) => [c.title, c.reason, c.parkName])])).toEqual([]);
      const enPage = await render(import("@/app/(app)/meetings/[id]/page"), {}, { id: String(id) });
      expect(enPage).toContain("Save attendees");
      expect(enPage).toContain("Decision: ");
      expect(chineseLeft(enPage, userData)).toEqual([]);
      const enMinutes = await render(import("@/app/(app)/meetings/[id]/minutes/page"), {}, { id: String(id) });
      expect(enMinutes).toContain("MINUTES");
      expect(chineseLeft(enMinutes, userData)).toEqual([]);
      const enProject = await render(import("@/app/(app)/projects/[id]/page"), {}, { id: String(w.project.id) });
      expect(enProject).toContain("Meeting decision");
      expect(enProject).not.toContain("会商议定");
      if (withTask) {
        pageSession.actor = w.staff;
        const enTasks = await render(import("@/app/(app)/meetings/tasks/page"));
        expect(enTasks).toContain("My follow-up tasks");
        expect(chineseLeft(enTasks, userData)).toEqual([]);
      }
    } finally {
      pageSession.locale = "zh-CN";
    }
  });
});
