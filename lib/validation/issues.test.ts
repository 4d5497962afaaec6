import { describe, expect, it } from "vitest";
import { createIssueSchema, createVisitSchema, holidayUpsertSchema, issueActionSchema, issueFiltersSchema, parseIssueFilters, parseVisitFilters } from "./issues";
import { fieldErrors } from "@/lib/validation/field-errors";

const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? null : fieldErrors(r.error as never));

describe("problem input", () => {
  it("normalises a form post: ids from text, blanks to null, trimmed text", () => {
    const r = createIssueSchema.parse({ enterpriseId: "12", projectId: "", category: "LAND", title: " 用地指标 ", description: "缺 30 亩", raisedDate: "2026-11-02", raisedBy: "", responsibleUserId: "" });
    expect(r).toEqual({
      enterpriseId: 12,
      projectId: null,
      visitId: null,
      category: "LAND",
      title: "用地指标",
      description: "缺 30 亩",
      raisedDate: "2026-11-02",
      raisedBy: null,
      responsibleUnit: null,
      responsibleUserId: null,
    });
  });

  it("names each field and rule in Chinese", () => {
    expect(errorsOf(createIssueSchema.safeParse({ title: "x".repeat(101), raisedDate: "2026-02-30" }))).toEqual({
      enterpriseId: ["请选择企业"],
      category: ["请选择问题类别"],
      title: ["问题标题不能超过 100 个字符"],
      description: ["请填写问题描述"],
      raisedDate: ["提出日期不是有效日期（格式 YYYY-MM-DD）"],
    });
    expect(errorsOf(createIssueSchema.safeParse("nonsense"))).toEqual({ _form: ["请求格式不正确"] });
  });
});

describe("lifecycle actions", () => {
  it("are discriminated by action, each with its own fields", () => {
    expect(issueActionSchema.parse({ issueId: "3", version: "2", action: "close", satisfaction: "BASICALLY_SATISFIED", date: "" })).toEqual({
      issueId: 3,
      version: 2,
      action: "close",
      satisfaction: "BASICALLY_SATISFIED",
      date: null,
      note: null,
    });
    expect(issueActionSchema.parse({ issueId: 3, version: 2, action: "reassign", note: "x" })).toEqual({ issueId: 3, version: 2, action: "reassign", note: "x" });
    expect(errorsOf(issueActionSchema.safeParse({ issueId: 3, version: 2, action: "delete" }))).toEqual({ action: ["请选择要执行的操作"] });
    expect(errorsOf(issueActionSchema.safeParse({ issueId: 3, version: 0, action: "decideExtension", decision: "MAYBE" }))).toEqual({
      version: ["版本号无效，请刷新页面"],
      extensionId: ["请选择延期申请"],
      decision: ["请选择同意或不同意"],
    });
    expect(errorsOf(issueActionSchema.safeParse({ issueId: 3, version: 1, action: "requestExtension", requestedDeadline: "明天", reason: "r".repeat(501) }))).toEqual({
      requestedDeadline: ["申请延至日期不是有效日期（格式 YYYY-MM-DD）"],
      reason: ["延期理由不能超过 500 个字符"],
    });
  });
});

describe("visits and holidays", () => {
  it("visits carry their problems, errors keyed by index", () => {
    expect(errorsOf(createVisitSchema.safeParse({ enterpriseId: 1, visitDate: "2026-11-02", kind: "ON_SITE", summary: "s", problems: [{ category: "LAND", title: "t", description: "d" }, { category: "X" }] }))).toEqual({
      "problems.1.category": ["请选择问题类别"],
      "problems.1.title": ["请填写问题标题"],
      "problems.1.description": ["请填写问题描述"],
    });
  });

  it("a 调休 working day must be a weekend day", () => {
    expect(holidayUpsertSchema.safeParse({ date: "2026-10-10", kind: "WORKDAY", name: "国庆节调休上班" }).success).toBe(true);
    expect(errorsOf(holidayUpsertSchema.safeParse({ date: "2026-10-09", kind: "WORKDAY", name: "调休" }))).toEqual({ date: ["调休上班日须为周六或周日"] });
    expect(holidayUpsertSchema.safeParse({ date: "2026-10-09", kind: "HOLIDAY", name: "国庆节" }).success).toBe(true);
  });
});

describe("list filters in the URL", () => {
  it("keep good values and drop bad ones with a message", () => {
    const { filters, errors } = parseIssueFilters({ park: "3", level: "4", status: "CLOSED", overdue: "yes", raisedFrom: "2026-01-01", q: " 用电 ", page: "2" });
    expect(filters).toEqual({ park: 3, status: "CLOSED", raisedFrom: "2026-01-01", q: "用电", page: 2, pageSize: 20 });
    expect(errors).toEqual(["协调层级须为 1、2 或 3", "只看超期的取值须为 1"]);
    expect(issueFiltersSchema.parse({}).pageSize).toBe(20);
  });

  it("visits: a month as YYYY-MM, the enterprise searched by text, bad values dropped with a message", () => {
    const good = parseVisitFilters({ month: "2026-10", q: " 怀化 ", liaison: "7", kind: "PHONE", pageSize: "50" });
    expect(good).toEqual({ filters: { month: "2026-10", q: "怀化", liaison: 7, kind: "PHONE", page: 1, pageSize: 50 }, errors: [] });
    const bad = parseVisitFilters({ month: "2026-13", kind: "EMAIL", enterprise: "x", pageSize: "30" });
    expect(bad.filters).toEqual({ page: 1, pageSize: 20 });
    expect(bad.errors).toEqual(["企业须为数字", "走访方式无效", "走访月份格式须为 YYYY-MM（如 2026-05）", "每页条数须为 20、50 或 100"]);
  });
});
