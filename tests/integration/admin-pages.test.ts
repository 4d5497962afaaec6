// The administration pages (人员与角色 with a person's page and the new-user form, 园区与市州
// with a park's and a region's page, 节假日, 接口令牌), the audit log and the API reference
// render on the server in Chinese and in English for an administrator (the session, Next's
// navigation and headers and the request's language mocked): the Chinese is today's text, and
// the English pages keep no Chinese of their own; only user data (names, holiday names) and
// domain texts other parts answer for (the audit log's action/entity labels and changes) stay
// as they are; the API reference is English throughout but for the examples and allowed values.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/permissions";
import { AUDIT_ENTITY_LABELS, auditActionGroups } from "@/lib/domain/audit-labels";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { createUser } from "@/lib/server/users/create-user";
import { createApiToken } from "@/lib/server/api-tokens/create-api-token";
import { listAudit } from "@/lib/server/audit/list-audit";
import { parseAuditFilters } from "@/lib/validation/audit";
import { seedHolidays2026 } from "../helpers/issue-factories";
import { makeActor, makePark, makeRegion, unique } from "../helpers/factories";
import { pageSession, renderPage } from "../helpers/page-render";

vi.mock("@/lib/auth/session", async () => (await import("../helpers/page-render")).sessionMock());
vi.mock("@/lib/i18n/request-locale", async () => (await import("../helpers/page-render")).requestLocaleMock());
vi.mock("next/headers", async () => (await import("../helpers/page-render")).headersMock());
vi.mock("next/navigation", async () => (await import("../helpers/page-render")).navigationMock());
pageSession.pathname = "/admin/users";

const render = renderPage;


// Pages take `searchParams` or `params` (typed per page); each gets both.
/** As renderToString escapes text and attributes. */
function escapeHtml(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
}

/**
 * Chinese an English page may still show that is not these pages' own: shared components not
 * translated yet (named by where they come from). A string leaves this list when its owner
 * translates it; the check below only fails on Chinese not listed here.
 */
const NOT_OURS: (string | RegExp)[] = [];

/** The Chinese runs of an English page's text and attributes, user data taken out, that nobody else answers for. */
function chineseLeft(html: string, userData: string[]): string[] {
  let s = html;
  for (const d of [...new Set(userData.flatMap((d) => [d, escapeHtml(d)]))].sort((a, b) => b.length - a.length)) s = s.replaceAll(d, "");
  const runs = [...new Set((s.match(/[^<>"]*\p{Script=Han}[^<>"]*/gu) ?? []).map((r) => r.trim()))];
  return runs.filter((r) => !NOT_OURS.some((n) => (typeof n === "string" ? n === r : n.test(r))));
}


let admin: Actor;
let regionId: number;
let parkId: number;
let staffId: number;
let userData: string[];

/** Names anyone entered: regions, parks, people, holidays, tokens (the whole database: the lists show other test files' rows too). */
async function enteredNames(): Promise<string[]> {
  const db = getDb();
  const [regions, parks, users, holidays, tokens] = await Promise.all([
    db.region.findMany({ select: { name: true } }),
    db.park.findMany({ select: { name: true } }),
    db.user.findMany({ select: { name: true, unit: true, title: true } }),
    db.holiday.findMany({ select: { name: true } }),
    db.apiToken.findMany({ select: { name: true } }),
  ]);
  return [...regions.map((r) => r.name), ...parks.map((p) => p.name), ...users.flatMap((u) => [u.name, u.unit, u.title]), ...holidays.map((h) => h.name), ...tokens.map((t) => t.name)].filter(
    (d): d is string => !!d,
  );
}

beforeAll(async () => {
  await seedHolidays2026();
  const region = await makeRegion();
  regionId = region.id;
  parkId = (await makePark(region.id)).id;
  admin = await makeActor([{ role: "ADMIN" }]);
  const staff = await createUser(admin, { username: unique("staff").replaceAll("-", "_").slice(0, 30), name: "页面测试工作人员", unit: "管委会经发局", title: "科员", phone: "13800000000", memberships: [{ role: "PARK_STAFF", parkId }] });
  staffId = staff.id;
  await createApiToken(admin, { name: "页面测试同步", scope: "READ", parkIds: [parkId], expiresOn: "" });
  userData = await enteredNames();
});

describe("the administration pages in both languages", () => {
  it("人员与角色, a person's page and the new-user form", async () => {
    pageSession.actor = admin;
    const zh = await render(import("@/app/(app)/admin/users/page"), "zh-CN", { park: String(parkId) });
    for (const s of ["人员与角色", "全部账号及其在各园区、市州的角色", "新建用户", "单位 / 职务", "园区工作人员", "页面测试工作人员", "待改临时密码", "启用"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/admin/users/page"), "en", { park: String(parkId) });
    for (const s of ["Users and roles", "New user", "Unit / position", "Park staff", "Temporary password not yet changed", "Enabled", "页面测试工作人员"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    const person = await render(import("@/app/(app)/admin/users/[id]/page"), "zh-CN", {}, { id: String(staffId) });
    for (const s of ["基本信息", "上次登录", "从未登录", "临时密码，待本人修改", "角色与范围", "密码与状态", "重置密码", "停用账号", "添加角色", "移除"]) expect(person).toContain(s);
    const personEn = await render(import("@/app/(app)/admin/users/[id]/page"), "en", {}, { id: String(staffId) });
    for (const s of ["Details", "Last sign-in", "Never signed in", "Temporary password, to be changed by the user", "Roles and scope", "Reset password", "Disable account", "Add role", "Remove park staff"]) expect(personEn).toContain(s);
    expect(chineseLeft(personEn, userData)).toEqual([]);

    const create = await render(import("@/app/(app)/admin/users/new/page"), "zh-CN");
    for (const s of ["新建用户", "创建账号并分配角色", "返回人员列表", "登录用，字母开头", "创建用户", "包保责任人"]) expect(create).toContain(s);
    const createEn = await render(import("@/app/(app)/admin/users/new/page"), "en");
    for (const s of ["New user", "Back to users", "Create user", "Liaison", "Position"]) expect(createEn).toContain(s);
    expect(chineseLeft(createEn, userData)).toEqual([]);
  });

  it("园区与市州 with a park's and a region's page", async () => {
    pageSession.actor = admin;
    const zh = await render(import("@/app/(app)/admin/org/page"), "zh-CN");
    for (const s of ["园区与市州", "新增市州", "新增园区", "级别 / 类型", "省级 · 高新区", "使用中", "所属市州"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/admin/org/page"), "en");
    for (const s of ["Parks and regions", "Add region", "Add park", "Level / type", "In use"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);

    const park = await render(import("@/app/(app)/admin/org/parks/[id]/page"), "zh-CN", {}, { id: String(parkId) });
    for (const s of ["园区：", "预警与滞留设置", "归档园区", "归档后该园区不再出现在选择列表中"]) expect(park).toContain(s);
    const parkEn = await render(import("@/app/(app)/admin/org/parks/[id]/page"), "en", {}, { id: String(parkId) });
    for (const s of ["Park: ", "Archive park", "Back to parks and regions"]) expect(parkEn).toContain(s);
    expect(chineseLeft(parkEn, userData)).toEqual([]);

    const region = await render(import("@/app/(app)/admin/org/regions/[id]/page"), "zh-CN", {}, { id: String(regionId) });
    for (const s of ["市州：", "1 个园区", "归档市州", "市州代码"]) expect(region).toContain(s);
    const regionEn = await render(import("@/app/(app)/admin/org/regions/[id]/page"), "en", {}, { id: String(regionId) });
    for (const s of ["Region: ", "1 park", "Archive region", "Region code"]) expect(regionEn).toContain(s);
    expect(chineseLeft(regionEn, userData)).toEqual([]);
  });

  it("节假日", async () => {
    pageSession.actor = admin;
    const zh = await render(import("@/app/(app)/admin/holidays/page"), "zh-CN", { year: "2026" });
    for (const s of ["2026年节假日安排", "法定节假日", "调休上班", "星期四", "添加或修改", "已录入节假日安排的年份：", "2025年"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/admin/holidays/page"), "en", { year: "2026" });
    for (const s of ["Holiday calendar 2026", "Public holiday", "Make-up working day", "Thursday", "Add or change", "Years with a holiday calendar"]) expect(en).toContain(s);
    expect(en).not.toContain("2,026");
    expect(chineseLeft(en, userData)).toEqual([]);
  });

  it("接口令牌", async () => {
    pageSession.actor = admin;
    const zh = await render(import("@/app/(app)/admin/api-tokens/page"), "zh-CN");
    for (const s of ["接口令牌", "创建令牌", "已创建的令牌", "令牌前缀", "只读", "读写", "从未使用", "长期", "有效", "可访问的园区"]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/admin/api-tokens/page"), "en");
    for (const s of ["API tokens", "Create a token", "Tokens created", "Token prefix", "Read-only", "Never used", "No expiry", "Active", "Parks it may access"]) expect(en).toContain(s);
    expect(chineseLeft(en, userData)).toEqual([]);
  });
});

describe("the audit log and the API reference in both languages", () => {
  it("操作日志 (an administrator's own actions)", async () => {
    pageSession.actor = admin;
    const sp = { actor: String(admin.userId) };
    const zh = await render(import("@/app/(app)/audit/page"), "zh-CN", sp);
    for (const s of ["操作日志", "谁在何时对哪条记录做了什么", "记录类型", "开始日期", "内容（修改前 → 修改后）", "只看 "]) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/audit/page"), "en", sp);
    for (const s of ["Audit log", "Record type", "From", "Content (before → after)", "Only actions by"]) expect(en).toContain(s);
    // The action and entity labels and the changes are the domain's Chinese (lib/domain/audit-labels.ts, audit-changes.ts).
    const { rows } = await listAudit(admin, parseAuditFilters(sp).filters);
    expect(rows.length).toBeGreaterThan(0);
    const domain = [
      ...Object.values(AUDIT_ENTITY_LABELS),
      ...auditActionGroups().flatMap((g) => [g.label, ...g.actions.map(([, label]) => label)]),
      ...rows.flatMap((r) => [r.actionLabel, r.entityLabel, r.entityName, r.parkName, ...r.changes.flatMap((c) => [c.label, c.before, c.after])]),
    ].filter((d): d is string => typeof d === "string" && d !== "");
    expect(chineseLeft(en, [...userData, ...domain])).toEqual([]);
  });

  it("接口文档", async () => {
    pageSession.actor = admin;
    const zh = await render(import("@/app/(app)/api-docs/page"), "zh-CN");
    for (const s of ["接口文档", "认证与令牌", "错误格式", "限流与分页", "每个请求带请求头 <code", "&lt;令牌&gt;</code>。令牌由系统管理员", "429，<code", "参数", "成功响应", "必填", "示例"]) expect(zh).toContain(s);
    // The OpenAPI document's own texts and the view's words, in Chinese.
    for (const s of ["下发督办函", "每月会商", "项目名称", "取值：", "阶段变更（toStage）", 'href="/api/v1/openapi.json"']) expect(zh).toContain(s);
    const en = await render(import("@/app/(app)/api-docs/page"), "en");
    for (const s of ["API reference", "Authentication and tokens", "Error format", "Rate limits and paging", "Parameters", "Success response", "Required", "Example", "Read-only"]) expect(en).toContain(s);
    // …and in English: the operations' summaries, descriptions, parameters, fields, tags and rules.
    for (const s of ["Issue a supervision letter", "Monthly meetings", "Project name", "Page size, 1-100, default 50", "one of: SIGNED / LANDED / STARTED / PRODUCING", "Stage change (toStage)", 'href="/api/v1/openapi.json?lang=en"'])
      expect(en).toContain(s);
    // Only what a caller sends or receives stays as written: the examples, the allowed values
    // (the indicators' conventions are Chinese values), and the example error's Chinese message.
    const data: string[] = [];
    const collect = (v: unknown, isData = false): void => {
      if (typeof v === "string") {
        if (isData) data.push(v);
      } else if (Array.isArray(v)) v.forEach((x) => collect(x, isData));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) collect(x, isData || ["example", "examples", "enum", "default", "const"].includes(k));
    };
    collect(buildOpenApiDocument("en"));
    expect(data).toContain("年产 5 万吨新型建材项目");
    expect(chineseLeft(en, [...userData, ...data, "请检查标红的字段", "请填写落地日期"])).toEqual([]);
  });
});
