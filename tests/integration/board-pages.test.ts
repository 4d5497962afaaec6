// The 推进看板 and the project pages render on the server in both interface languages (the
// session, the request's language and Next's navigation mocked): the Chinese as before, the
// English with none of the pages' own Chinese left (user data such as names stays as typed).
import { describe, expect, it, vi } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { createProject } from "@/lib/server/projects/create-project";
import { moveProjectStage } from "@/lib/server/projects/move-project-stage";
import { makePipelineWorld, projectForm } from "../helpers/pipeline-factories";
import { pageSession, renderPage, type PageModule } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/board";

const render = (mod: PageModule, sp: Record<string, string> = {}, params: Record<string, string> = {}) => renderPage(mod, pageSession.locale, sp, params);

// Pages take `searchParams` or `params` (typed per page); each gets both.
type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));
}
/** The Chinese of this part's own messages (board, projects) as the runs of Chinese they contain. */
const OWN_CHINESE = new Set(
  [...leaves(MESSAGES["zh-CN"].board as unknown as Tree), ...leaves(MESSAGES["zh-CN"].projects as unknown as Tree)].flatMap((m) => m.match(/[\p{Script=Han}（）“”：；、，。…]+/gu) ?? []).filter((run) => /\p{Script=Han}/u.test(run)),
);
/** Runs of these pages' messages that shared parts not translated yet also show: the enum
 *  labels (StageBadge, the lights), 包保领导 (the assignment panel), 取消 (the form footer), 年
 *  (the filters' years, 2026年). */
const SHARED_CHINESE = new Set([...leaves(MESSAGES["zh-CN"].common as unknown as Tree), "包保领导", "取消", "年"]);
/** The runs of Chinese in a page's HTML, the user data named taken out first. */
function chineseRuns(html: string, userData: string[]): string[] {
  // The factories' unique names: 园区-ab1-xyz-3, 区域-…, 用户-….
  let text = html.replace(/\p{Script=Han}+-[a-z0-9]+-[a-z0-9]+-\d+/gu, " ");
  for (const d of userData) text = text.replaceAll(d, " ");
  return [...new Set(text.match(/[\p{Script=Han}（）“”：；、，。…]+/gu) ?? [])].filter((run) => /\p{Script=Han}/u.test(run));
}

describe("board and project pages in both languages", () => {
  it("render in Chinese as before and in English with no Chinese of their own left", async () => {
    const w = await makePipelineWorld();
    const form = projectForm(w.park.id, { name: "页面测试新材料项目", enterpriseName: "页面测试科技有限公司" });
    const { id } = await createProject(w.staff, form);
    await moveProjectStage(w.staff, { projectId: id, version: 1, toStage: "LANDED", landed: { date: "2025-04-01", registrationDate: "2025-03-20" }, note: "页面测试说明" });
    pageSession.actor = w.staff;

    pageSession.locale = "zh-CN";
    const boardZh = await render(import("@/app/(app)/board/page"), { park: String(w.park.id) });
    expect(boardZh).toContain("项目看板");
    expect(boardZh).toContain("页面测试新材料项目");
    expect(boardZh).toContain("在本阶段");
    expect(boardZh).toContain("总投资 5.00 亿元");
    expect(boardZh).toContain("移动 ▾");
    const projectZh = await render(import("@/app/(app)/projects/[id]/page"), {}, { id: String(id) });
    expect(projectZh).toContain("推进记录与修改历史");
    expect(projectZh).toContain("编辑台账");
    expect(projectZh).toContain("推进到 开工");
    expect(projectZh).toContain("50,000 万元（5.00 亿元）");
    expect(projectZh).toContain("推进：签约 → 落地");
    const listZh = await render(import("@/app/(app)/projects/page"), { park: String(w.park.id) });
    expect(listZh).toContain("项目台账");
    expect(listZh).toContain("导出 Excel（1 条）");

    pageSession.locale = "en";
    // User data, and the texts the server builds (the signing's note, the evidence's labels).
    const userData = [form.name, form.enterpriseName, form.industry, form.contactName!, "页面测试说明", "签约入库", "注册日期: 2025-03-20"];
    const boardEn = await render(import("@/app/(app)/board/page"), { park: String(w.park.id) });
    expect(boardEn).toContain("Project board");
    expect(boardEn).toContain("Signed → Landed → Started → Producing.");
    expect(boardEn).toContain("Total investment CNY 500.00 m");
    expect(boardEn).toContain("Move ▾");
    expect(boardEn).toMatch(/\d+ days? in stage/);
    expect(boardEn).toContain("Stalled projects only");
    expect(boardEn).toContain("Suspended projects");
    expect(boardEn).toContain("页面测试新材料项目");
    const projectEn = await render(import("@/app/(app)/projects/[id]/page"), {}, { id: String(id) });
    expect(projectEn).toContain("Progress record and edit history");
    expect(projectEn).toContain("Edit ledger entry");
    expect(projectEn).toContain("Advance to Started");
    expect(projectEn).toContain("CNY 500.00 m");
    expect(projectEn).toContain("Advanced: Signed → Landed");
    expect(projectEn).toContain("1 Apr 2025");
    expect(projectEn).toContain("Investment completed to date");
    expect(projectEn).toContain("Not in this year’s plan");
    const listEn = await render(import("@/app/(app)/projects/page"), { park: String(w.park.id) });
    expect(listEn).toContain("Project ledger");
    expect(listEn).toContain("Export to Excel (1 row)");
    expect(listEn).toContain("Total investment");
    const editEn = await render(import("@/app/(app)/projects/[id]/edit/page"), {}, { id: String(id) });
    expect(editEn).toContain("Save changes");
    expect(editEn).toContain("Total investment (CNY 10,000)");
    const newEn = await render(import("@/app/(app)/projects/new/page"), { park: String(w.park.id) });
    expect(newEn).toContain("Save project");

    // Whatever Chinese is left comes from parts other than these pages (shared components not
    // yet translated, server-built texts): none of it is these pages' own.
    for (const [page, html] of Object.entries({ boardEn, projectEn, listEn, editEn, newEn })) {
      const runs = chineseRuns(html, userData);
      if (process.env.SHOW_CHINESE) console.log(page, runs);
      const own = runs.filter((run) => OWN_CHINESE.has(run) && !SHARED_CHINESE.has(run));
      expect(own, page).toEqual([]);
    }
  });
});
