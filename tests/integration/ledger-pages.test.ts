// The ledger-side pages (月度填报 and its lists, 年度计划, 台账导入, 亮灯督办, 企业档案, 园区概览
// and 园区设置, 挂牌公示 and 包保移交) render on the server in Chinese and in English (the
// session, Next's navigation and the request's language mocked): the Chinese is today's text,
// and the English page keeps no Chinese of these pages' own messages; only user data (names,
// codes, notes) and texts other parts answer for stay as they are.
import { createElement } from "react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { COMMON_INDUSTRIES } from "@/lib/domain/industries";
import { type IssueWorld, makeIssueWorld, seedHolidays2026 } from "../helpers/issue-factories";
import { MESSAGES } from "@/lib/i18n/messages";
import { ledgerPreviewIn } from "@/lib/server/excel/import-language";
import type { ImportPreview } from "@/lib/server/excel/preview-import";
import { UpdateTable } from "@/components/import/update-table";
import { html, pageSession, renderPage } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/progress";

const render = renderPage;


// Pages take `searchParams` or `params` (typed per page); each gets both.
/**
 * Chinese an English page may still show that is not these pages' own: shared components and
 * other parts of the app not translated yet (each named by where it comes from). A string
 * leaves this list when its owner translates it; the check below only fails on Chinese not
 * listed here.
 */
const NOT_OURS: (string | RegExp)[] = [
  /^(签约|落地|开工|投产)$/, // components/ui/stage-badge.tsx (the stage's label)
  "输入企业名称或统一社会信用代码", // components/ui/enterprise-combobox.tsx
  "匹配结果", // components/ui/enterprise-combobox.tsx
  "筛选条件", // components/ui/filter-select.tsx (FilterBar)
  "展开 ▾", // components/ui/phone-disclosure.tsx
  "全部", // components/ui/filter-select.tsx (FilterSelect's default "all")
  "筛选", // components/ui/filter-select.tsx (FilterBar's submit)
  "重置", // components/ui/filter-select.tsx (FilterBar's reset)
  "分页", // components/ui/pagination.tsx
  /^共 \d+ 条，第 \d+\/\d+ 页$/, // components/ui/pagination.tsx
  /^(开工|投资进度|月报)：/, // lib/domain/warnings: a light's reasons (domain text)
];

/**
 * Texts that stay Chinese on purpose: the Excel files' own sheet and column names (the annual
 * plan's sheet is Chinese only), quoted in the import instructions. The ledger import page
 * (台账导入) is checked without them: its templates download in the reader's language.
 */
const EXCEL_NAMES = ["本年计划投资（万元）", "计划本年开工", "计划本年投产", "填写说明", "项目编号", "所属园区", "项目名称", "投资主体", "“是”", "“否”"];

/** The Chinese runs of an English page's text and attributes, user data taken out, that nobody else answers for. */
function chineseLeft(html: string, userData: string[], excelNames = EXCEL_NAMES): string[] {
  let s = html;
  for (const d of [...userData, ...excelNames].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  s = s.replace(/\p{Script=Han}+-[a-z0-9]+-[a-z0-9]+-\d+/gu, " "); // the factories' unique names: 园区-ab1-xyz-3
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))];
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}

let w: IssueWorld;
let userData: string[];

beforeAll(async () => {
  await seedHolidays2026();
  w = await makeIssueWorld();
  const db = getDb();
  // Started in September 2025: the project owes monthly reports (the filing grid has a row).
  await db.project.update({ where: { id: w.project.id }, data: { actualStartDate: new Date("2025-09-01T00:00:00Z") } });
  const [region, parks, users, enterprises, projects, assignments] = await Promise.all([
    db.region.findUnique({ where: { id: w.regionId }, select: { name: true } }),
    db.park.findMany({ where: { regionId: w.regionId }, select: { name: true } }),
    db.user.findMany({ where: { memberships: { some: { OR: [{ parkId: w.park.id }, { regionId: w.regionId }] } } }, select: { name: true, unit: true } }),
    db.enterprise.findMany({ where: { parkId: w.park.id }, select: { name: true, contactName: true } }),
    db.project.findMany({ where: { parkId: w.park.id }, select: { name: true, industry: true } }),
    db.assignment.findMany({ where: { parkId: w.park.id }, select: { department: true } }),
  ]);
  userData = [
    region?.name,
    ...parks.map((p) => p.name),
    ...users.flatMap((u) => [u.name, u.unit]),
    ...enterprises.flatMap((e) => [e.name, e.contactName]),
    ...projects.flatMap((p) => [p.name, p.industry]),
    ...assignments.map((a) => a.department),
    // The enterprise form's industry suggestions: values saved as typed (lib/domain/industries).
    ...COMMON_INDUSTRIES,
  ].filter((d): d is string => !!d);
});

describe("the ledger-side pages in both languages", () => {
  it("月度填报, 未填报清单 and 月报更正审批", async () => {
    pageSession.actor = w.leader;
    const park = String(w.park.id);
    const zh = await render(import("@/app/(app)/progress/page"), "zh-CN", { park });
    for (const s of ["· 月度填报", "月报更正审批", "未填报清单", "只看未填报", "月报截止", "本月完成投资", "2025-09-01 开工"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/progress/page"), "en", { park });
    for (const s of ["· Monthly filing", "Correction approvals", "Not filed only", "report due", "Investment this month", "started 2025-09-01", "Not filed"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    const missingZh = await render(import("@/app/(app)/progress/missing/page"), "zh-CN", { park });
    for (const s of ["未填报清单", "按园区", "按包保责任人", "报送率"]) expect(missingZh).toContain(s);
    const missingEn = await render(import("@/app/(app)/progress/missing/page"), "en", { park });
    for (const s of ["← Monthly filing", "By park", "By liaison", "Filing rate"]) expect(missingEn).toContain(s);
    expect(chineseLeft(missingEn, userData)).toEqual([]);

    const corrZh = await render(import("@/app/(app)/progress/corrections/page"), "zh-CN", { park });
    for (const s of ["月报更正审批", "返回月度填报", "待审批", "没有符合条件的更正申请"]) expect(corrZh).toContain(s);
    const corrEn = await render(import("@/app/(app)/progress/corrections/page"), "en", { park });
    for (const s of ["Correction approvals", "Back to monthly filing", "Pending", "No matching correction requests"]) expect(corrEn).toContain(s);
    expect(chineseLeft(corrEn, userData)).toEqual([]);
  });

  it("年度计划, 结转 and 导入年度计划", async () => {
    pageSession.actor = w.staff;
    const park = String(w.park.id);
    const zh = await render(import("@/app/(app)/plans/page"), "zh-CN", { park, year: "2026" });
    for (const s of ["2026年度计划", "导出 Excel", "2026年（今年）", "本年计划投资（万元）", "保存修改"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/plans/page"), "en", { park, year: "2026" });
    for (const s of ["2026 annual plan", "Export to Excel", "2026 (this year)", "Planned investment this year", "Save changes"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    const carryZh = await render(import("@/app/(app)/plans/carry-over/page"), "zh-CN", { park, year: "2025" });
    for (const s of ["结转 2025 年未完成计划到 2026 年", "计划投资的结转方式", "结转未完成部分"]) expect(carryZh).toContain(s);
    const carryEn = await render(import("@/app/(app)/plans/carry-over/page"), "en", { park, year: "2025" });
    for (const s of ["Carry over 2025&#x27;s unfinished plans to 2026", "How to carry over planned investment", "The unfinished part"]) expect(carryEn).toContain(s);
    expect(chineseLeft(carryEn, userData)).toEqual([]);

    const importZh = await render(import("@/app/(app)/plans/import/page"), "zh-CN", { park, year: "2026" });
    for (const s of ["导入2026年度计划", "第一步：导出计划表，在 Excel 中填写", "上传并检查"]) expect(importZh).toContain(s);
    const importEn = await render(import("@/app/(app)/plans/import/page"), "en", { park, year: "2026" });
    for (const s of ["Import the 2026 annual plan", "Step 1: export the plan sheet", "Upload and check"]) expect(importEn).toContain(s);
    // The plan sheet downloads in the reader's language: the page names its English headers and answers.
    for (const s of ["Planned investment this year (10k CNY)", "Planned to start this year", "“Yes” or “No”"]) expect(importEn).toContain(s);
    expect(importZh).toContain("“是”或“否”");
    expect(chineseLeft(importEn, userData, [])).toEqual([]);
  });

  it("台账导入", async () => {
    pageSession.actor = w.staff;
    const zh = await render(import("@/app/(app)/import/page"), "zh-CN");
    for (const s of ["台账导入", "第一步：下载模板，按模板填写", "「填写说明」工作表", "月度进度导入（月报）", "检查月报"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/import/page"), "en");
    for (const s of ["Ledger import", "Step 1: download the template", "Monthly progress import", "Check reports", "Choose file…"]) expect(en).toContain(s);
    // The ledger template downloads in the reader's language: its English sheet and column names are quoted.
    for (const s of ["the “Instructions” sheet", "by “Project code”", "“Park + Project name + Enterprise name”"]) expect(en).toContain(s);
    // Both templates download in English here: no Chinese file name is quoted on the English page.
    expect(chineseLeft(en, userData, [])).toEqual([]);

    // The preview's before → after (a Chinese file read by an English reader): the values in
    // English, the file's own headers and the records' text as written, nothing else Chinese.
    const headers = ["项目级别", "总投资（万元）", "本年计划开工", "当前阶段", "建设内容"];
    const updates: ImportPreview["updates"] = [
      {
        row: 4,
        projectId: w.project.id,
        code: "P-1",
        parkName: "园区甲",
        name: "项目甲",
        changes: [
          { field: "keyLevel", column: headers[0], before: "一般", after: "省重点" },
          { field: "totalInvestment", column: headers[1], before: "10,000 万元", after: "12,000.5 万元" },
          { field: "planStartThisYear", column: headers[2], before: "否", after: "是" },
          { field: "stage", column: headers[3], before: "签约", after: "落地" },
          { field: "content", column: headers[4], before: null, after: "厂房建设" },
        ],
      },
    ];
    const preview = ledgerPreviewIn({ updates, errors: [], sample: [] } as unknown as ImportPreview, "en");
    const table = html(createElement(UpdateTable, { updates: preview.updates, total: 1 }), "en");
    const E = MESSAGES.en;
    for (const s of ["项目级别: ", `>${E.common.enum.keyLevel.NONE}<`, E.common.enum.keyLevel.PROVINCIAL, "10,000 (10k CNY)", "12,000.5 (10k CNY)", E.projects.ledgerExport.yes, E.common.enum.stage.LANDED, "(blank)"]) {
      expect(table).toContain(s);
    }
    expect(chineseLeft(table, [...userData, ...headers, "园区甲", "项目甲", "厂房建设"], [])).toEqual([]);
  });

  it("亮灯督办", async () => {
    pageSession.actor = w.leader;
    const zh = await render(import("@/app/(app)/warnings/page"), "zh-CN", { park: String(w.park.id) });
    for (const s of ["红灯项目督办清单", "月报未填报清单", "任一红灯", "红灯项目"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/warnings/page"), "en", { park: String(w.park.id) });
    for (const s of ["Red-light projects to supervise", "Monthly reports not filed", "Any red light", "Red-light projects:"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);
  });

  it("企业档案: the list, an enterprise, new and edit", async () => {
    pageSession.actor = w.staff;
    const zh = await render(import("@/app/(app)/enterprises/page"), "zh-CN", { park: String(w.park.id) });
    for (const s of ["企业档案", "新建企业", "统一社会信用代码", "包保领导"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/enterprises/page"), "en", { park: String(w.park.id) });
    for (const s of ["Enterprise registry", "New enterprise", "Unified social credit code", "Liaison leader"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    pageSession.actor = w.leader;
    const id = String(w.enterprise.id);
    const oneZh = await render(import("@/app/(app)/enterprises/[id]/page"), "zh-CN", {}, { id });
    for (const s of ["企业信息", "包保责任", "包保责任人", "走访记录（0）", "合并重复档案"]) expect(oneZh).toContain(s);
    const oneEn = await render(import("@/app/(app)/enterprises/[id]/page"), "en", {}, { id });
    for (const s of ["Enterprise details", "Liaison coverage", "Visits (0)", "Merge duplicate records", "End coverage"]) expect(oneEn).toContain(s);
    expect(chineseLeft(oneEn, userData)).toEqual([]);

    pageSession.actor = w.staff;
    const newEn = await render(import("@/app/(app)/enterprises/new/page"), "en", { park: String(w.park.id) });
    for (const s of ["New enterprise", "Save enterprise", "Legal representative"]) expect(newEn).toContain(s);
    expect(chineseLeft(newEn, userData)).toEqual([]);
    expect(await render(import("@/app/(app)/enterprises/[id]/edit/page"), "zh-CN", {}, { id })).toContain("所属园区不能修改");
    const editEn = await render(import("@/app/(app)/enterprises/[id]/edit/page"), "en", {}, { id });
    expect(editEn).toContain("the park cannot be changed");
    expect(chineseLeft(editEn, userData)).toEqual([]);
  });

  it("园区概览, 园区设置, 挂牌公示 and 包保移交", async () => {
    pageSession.actor = w.leader;
    const zh = await render(import("@/app/(app)/parks/page"), "zh-CN");
    for (const s of ["园区概览", "合计", "总投资（亿元）"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/parks/page"), "en");
    for (const s of ["Parks overview", "Total", "Total investment (CNY 100 m)", "Started"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    const settingsZh = await render(import("@/app/(app)/parks/[parkId]/settings/page"), "zh-CN", {}, { parkId: String(w.park.id) });
    for (const s of ["园区设置", "亮灯规则", "默认 90 天", "启用开工亮灯"]) expect(settingsZh).toContain(s);
    const settingsEn = await render(import("@/app/(app)/parks/[parkId]/settings/page"), "en", {}, { parkId: String(w.park.id) });
    for (const s of ["Park settings", "Light rules", "Default 90 days", "Use the start light"]) expect(settingsEn).toContain(s);
    expect(chineseLeft(settingsEn, userData)).toEqual([]);

    const covZh = await render(import("@/app/(app)/coverage/page"), "zh-CN", { park: String(w.park.id) });
    for (const s of ["包保挂牌公示", "已落实包保", "只看未落实包保", "未落实"]) expect(covZh).toContain(s);
    const covEn = await render(import("@/app/(app)/coverage/page"), "en", { park: String(w.park.id) });
    for (const s of ["Liaison public roster", "Not covered only", "Not covered"]) expect(covEn).toContain(s);
    expect(chineseLeft(covEn, userData)).toEqual([]);

    const reZh = await render(import("@/app/(app)/coverage/reassign/page"), "zh-CN", { park: String(w.park.id) });
    for (const s of ["包保移交", "返回挂牌公示", "交接日期"]) expect(reZh).toContain(s);
    const reEn = await render(import("@/app/(app)/coverage/reassign/page"), "en", { park: String(w.park.id) });
    for (const s of ["Hand over coverage", "Back to the public roster", "Handover date"]) expect(reEn).toContain(s);
    expect(chineseLeft(reEn, userData)).toEqual([]);
  });
});
