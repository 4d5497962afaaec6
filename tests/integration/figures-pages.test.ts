// The leaders' figures (领导驾驶舱 and its print view, 月度通报 live and published, the
// published list and the projects behind a published figure) render on the server in Chinese
// and in English for a region leader (the session, Next's navigation and the request's
// language mocked): the Chinese is today's text, and the English pages keep no Chinese of
// their own; only user data (names) and texts other parts answer for stay as they are.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createElement } from "react";
import { getDb } from "@/lib/db/client";
import { isoToDate, todayInShanghai } from "@/lib/domain/dates";
import { INDICATOR_DEFS, METRICS, METRIC_LABELS } from "@/lib/domain/indicators";
import type { Actor } from "@/lib/domain/permissions";
import { MESSAGES } from "@/lib/i18n/messages";
import { parseIndicatorScope } from "@/lib/validation/indicator-scope";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { LiveDiffNotice } from "@/components/bulletin/live-diff-notice";
import { recentCompletedMonths } from "@/lib/domain/filing";
import { COUNT_LABELS } from "@/lib/domain/published-bulletins";
import { publishBulletin } from "@/lib/server/bulletin/publish-bulletin";
import { getPublishedBulletin } from "@/lib/server/bulletin/published-bulletin";
import { compareWithLive } from "@/lib/server/bulletin/compare-published";
import { loadDashboard } from "@/app/(app)/dashboard/load-dashboard";
import { makeActor, makePark, makeProject, makeRegion } from "../helpers/factories";
import { pageSession, renderPage, html } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/headers", async () => (await import("../helpers/page-render")).headersMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/dashboard";

const render = renderPage;


// Pages take `searchParams` or `params` (typed per page); each gets both.
/**
 * Chinese an English page may still show that is not these pages' own: shared components not
 * translated yet (named by where they come from) and texts the server builds. A string leaves
 * this list when its owner translates it; the check only fails on Chinese not listed here.
 */
const NOT_OURS: (string | RegExp)[] = [
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx (FilterSelect's default "all")
  "筛选", // components/ui/filter-select.tsx (FilterBar's submit)
  "重置", // components/ui/filter-select.tsx (FilterBar's reset)
  "打印", // components/ui/print-button.tsx
  "横向打印", // components/ui/print-button.tsx (PrintLandscape)
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
  /^共 \d+ 条$/, // components/ui/pagination.tsx
  /^(开工|投资进度|月报)：/, // lib/domain/warnings: a red light's reasons, built by the server
];

/** The Chinese runs of an English page's text and attributes, user data taken out, that nobody else answers for. */
function chineseLeft(page: string, userData: string[]): string[] {
  let s = page;
  for (const d of [...userData].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))];
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

/** The texts a page lacks. */
const missing = (page: string, texts: string[]) => texts.filter((s) => !page.includes(s));

let regionLeader: Actor;
let regionId: number;
let firstPark: number;
let stamp: string;
let userData: string[];

beforeAll(async () => {
  stamp = Date.now().toString(36);
  const region = await makeRegion(`页面市${stamp}`);
  regionId = region.id;
  const parks = await Promise.all(["甲", "乙", "丙"].map((n) => makePark(region.id, `${n}园区${stamp}`)));
  firstPark = parks[0].id;
  regionLeader = await makeActor([{ role: "REGION_LEADER", regionId }]);
  const year = todayInShanghai().slice(0, 4);
  const signed = `${year}-01-05`;
  for (const [i, p] of parks.entries()) {
    await makeProject({ parkId: p.id, signedDate: signed, name: `页面项目${i}${stamp}`, enterpriseName: `页面企业${i}${stamp}`, industry: "新材料" });
    const s = await makeProject({ parkId: p.id, stage: "STARTED", signedDate: signed, name: `页面开工项目${i}${stamp}`, enterpriseName: `页面开工企业${i}${stamp}`, industry: "新材料" });
    await getDb().project.update({ where: { id: s.id }, data: { actualStartDate: isoToDate(signed), plannedStartDate: isoToDate(signed) } });
    // Due but not started: planned to start on the signing day.
    const late = await makeProject({ parkId: p.id, signedDate: signed, name: `页面未开工项目${i}${stamp}`, enterpriseName: `页面未开工企业${i}${stamp}`, industry: "新材料" });
    await getDb().project.update({ where: { id: late.id }, data: { plannedStartDate: isoToDate(signed) } });
  }
  const users = await getDb().user.findMany({ where: { id: regionLeader.userId }, select: { name: true } });
  userData = [region.name, ...parks.map((p) => p.name), ...users.map((u) => u.name), "新材料"];
  for (let i = 0; i < 3; i++) userData.push(`页面项目${i}${stamp}`, `页面企业${i}${stamp}`, `页面开工项目${i}${stamp}`, `页面开工企业${i}${stamp}`, `页面未开工项目${i}${stamp}`, `页面未开工企业${i}${stamp}`);
});

describe("the dashboard's and bulletin's messages", () => {
  it("hold the domain's Chinese indicator and metric texts", () => {
    const zh = MESSAGES["zh-CN"].dashboard;
    for (const d of INDICATOR_DEFS) expect(zh.indicator[d.key], d.key).toEqual({ label: d.label, convention: d.convention, formula: d.formula });
    expect(Object.keys(zh.indicator).sort()).toEqual(INDICATOR_DEFS.map((d) => d.key).sort());
    for (const m of METRICS) {
      const [group, key] = m.split(".") as [keyof typeof zh.metric, string];
      expect((zh.metric[group] as Record<string, string>)[key], m).toBe(METRIC_LABELS[m]);
    }
    // The notice of what moved since publishing names the counts as the server does.
    expect(MESSAGES["zh-CN"].bulletin.count).toEqual(COUNT_LABELS);
  });
});

describe("领导驾驶舱", () => {
  it("renders in Chinese", async () => {
    pageSession.actor = regionLeader;
    const page = await render(import("@/app/(app)/dashboard/page"), "zh-CN", { region: String(regionId) });
    expect(page).toContain("领导驾驶舱");
    expect(page).toContain("打印视图");
    expect(page).toContain("正在计算指标……");
    const { scope } = parseIndicatorScope({ region: String(regionId) });
    pageSession.locale = "zh-CN";
    const figures = html(createElement(DashboardView, { data: await loadDashboard(regionLeader, scope), scope }), "zh-CN");
    expect(missing(figures, ["签约批次口径", "年度计划口径", "履约率", "阶段漏斗", "园区排名", "应开工未开工项目", "原因 / 存在问题", "红榜、黑榜为当前排序指标"])).toEqual([]);
    const print = await render(import("@/app/(app)/dashboard/print/page"), "zh-CN", { region: String(regionId) });
    expect(print).toContain("园区项目推进情况 · 领导驾驶舱");
    expect(print).toContain("返回驾驶舱");
  });

  it("renders in English with no Chinese of its own", async () => {
    pageSession.actor = regionLeader;
    const page = await render(import("@/app/(app)/dashboard/page"), "en", { region: String(regionId) });
    expect(page).toContain("Leadership dashboard");
    expect(page).toContain("Print view");
    expect(page).toContain("Calculating indicators");
    expect(chineseLeft(page, userData)).toEqual([]);
    const { scope } = parseIndicatorScope({ region: String(regionId) });
    pageSession.locale = "en";
    const figures = html(createElement(DashboardView, { data: await loadDashboard(regionLeader, scope), scope }), "en");
    expect(missing(figures, ["Signing-cohort basis", "Annual-plan basis", "Contract fulfilment rate", "Stage funnel", "Park ranking", "Due but not started", "Reason / problems", "time elapsed"])).toEqual([]);
    expect(chineseLeft(figures, userData)).toEqual([]);
    const print = await render(import("@/app/(app)/dashboard/print/page"), "en", { region: String(regionId) });
    expect(print).toContain("Back to dashboard");
    expect(chineseLeft(print, userData)).toEqual([]);
  });
});

describe("月度通报", () => {
  const month = () => recentCompletedMonths(todayInShanghai(), 1)[0][0];
  const live = () => ({ region: String(regionId), month: month(), rank: "startCohort", points: "1" });

  it("renders the live bulletin in Chinese and English", async () => {
    pageSession.actor = regionLeader;
    const zh = await render(import("@/app/(app)/bulletin/page"), "zh-CN", live());
    expect(missing(zh, ["月度通报", "项目推进情况通报", "一、总体情况", "二、园区排名（按开工率）", "三、红灯项目（督办）", "四、超期未办结的企业诉求", "五、积分考核", "六、更正说明", "尚未定稿", "定稿发布", "签约批次口径"])).toEqual([]);
    const en = await render(import("@/app/(app)/bulletin/page"), "en", live());
    expect(missing(en, ["Monthly bulletin", "Project progress bulletin — ", "1. Overview", "2. Park ranking (by Start rate)", "3. Red-light projects", "4. Overdue enterprise problems", "5. Points assessment", "6. Corrections", "is not final yet", "Publish (final)", "Signing-cohort basis"])).toEqual([]);
    expect(chineseLeft(en, userData)).toEqual([]);
  });

  it("renders the published list, a published bulletin and its projects in Chinese and English", async () => {
    pageSession.actor = regionLeader;
    const published = await publishBulletin(regionLeader, { region: regionId, month: month(), rank: "startCohort", points: true });
    const zhList = await render(import("@/app/(app)/bulletin/published/page"), "zh-CN", { region: String(regionId) });
    expect(zhList).toContain("已发布通报");
    expect(zhList).toContain("项目推进情况通报");
    expect(zhList).toContain("第 1 版");
    const enList = await render(import("@/app/(app)/bulletin/published/page"), "en", { region: String(regionId) });
    expect(enList).toContain("Published bulletins");
    expect(enList).toContain("Version 1");
    expect(chineseLeft(enList, userData)).toEqual([]);

    const params = { id: String(published.id) };
    const zhOne = await render(import("@/app/(app)/bulletin/published/[id]/page"), "zh-CN", {}, params);
    expect(missing(zhOne, ["通报（定稿）", "已定稿", "定稿发布 · 排名依据 开工率", "定稿时各数字背后的项目清单"])).toEqual([]);
    const enOne = await render(import("@/app/(app)/bulletin/published/[id]/page"), "en", {}, params);
    expect(missing(enOne, ["(final)", "Final", "ranked by Start rate", "Projects behind each figure when published"])).toEqual([]);
    expect(chineseLeft(enOne, userData)).toEqual([]);

    const zhProjects = await render(import("@/app/(app)/bulletin/published/[id]/projects/page"), "zh-CN", { metric: "cohort.started" }, params);
    expect(zhProjects).toContain("数字背后的项目");
    expect(zhProjects).toContain("已开工项目（含投产）：定稿时共 <strong>3</strong> 个");
    const enProjects = await render(import("@/app/(app)/bulletin/published/[id]/projects/page"), "en", { metric: "cohort.started" }, params);
    expect(enProjects).toContain("Started projects (incl. producing): <strong>3</strong> when published");
    expect(chineseLeft(enProjects, userData)).toEqual([]);

    // The live bulletin of a published month, and the notice of what moved since.
    const zhLive = await render(import("@/app/(app)/bulletin/page"), "zh-CN", live());
    expect(zhLive).toContain("定稿发布。");
    expect(zhLive).toContain("正在与定稿通报核对……");
    expect(chineseLeft(await render(import("@/app/(app)/bulletin/page"), "en", live()), userData)).toEqual([]);
    const [year] = month().split("-");
    await makeProject({ parkId: firstPark, signedDate: `${year}-01-06`, name: `页面新项目${stamp}`, enterpriseName: `页面新企业${stamp}` });
    const diff = await compareWithLive(regionLeader, await getPublishedBulletin(regionLeader, published.id));
    expect(diff).not.toBeNull();
    const zhDiff = html(createElement(LiveDiffNotice, { diff: diff!, what: "live" }), "zh-CN");
    expect(zhDiff).toContain("签约项目数：定稿 9 → 今天 10");
    expect(zhDiff).toContain("计入：签约项目");
    const enDiff = html(createElement(LiveDiffNotice, { diff: diff!, what: "live" }), "en");
    expect(enDiff).toContain("Signed projects: published 9 → today 10");
    expect(enDiff).toContain("now counted in: Signed projects");
    expect(chineseLeft(enDiff, [...userData, `页面新项目${stamp}`])).toEqual([]);
  });
});
