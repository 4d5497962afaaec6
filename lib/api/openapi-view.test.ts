import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { curlFor, schemaRows, viewOperations } from "./openapi-view";

type Doc = Parameters<typeof viewOperations>[0];
const doc = buildOpenApiDocument() as unknown as Doc;

describe("the reference page's view of the document", () => {
  const groups = viewOperations(doc, "http://localhost:3000");
  const all = groups.flatMap((g) => g.operations);
  const op = (method: string, path: string) => all.find((o) => o.method === method && o.path === path)!;

  it("groups every operation once, by tag, in the document's order", () => {
    expect(groups.map((g) => g.tag)).toEqual(["园区", "项目", "月度进度", "企业诉求", "走访记录", "企业档案", "指标", "月度通报", "年度计划", "督办", "首问责任", "每月会商", "文档", "组织机构", "用户与角色"]);
    const count = Object.values(doc.paths).reduce((n, m) => n + Object.keys(m).length, 0);
    expect(all).toHaveLength(count);
  });

  it("shows query parameters with their types, rules and labels", () => {
    const limit = op("get", "/projects").params.find((p) => p.name === "limit")!;
    expect(limit).toMatchObject({ in: "query", type: "integer", required: false });
    expect(limit.rules).toContain("≤ 100");
    expect(limit.rules).toContain("默认 50");
    const stage = op("get", "/projects").params.find((p) => p.name === "stage")!;
    expect(stage.rules).toContain("SIGNED / LANDED / STARTED / PRODUCING");
  });

  it("flattens nested body objects, and splits unions into titled variants", () => {
    const transitions = op("post", "/projects/{id}/transitions").body!;
    expect(transitions.map((v) => v.title)).toEqual(["阶段变更（toStage）", "状态变更（action）"]);
    expect(transitions[0].rows.map((r) => r.name)).toEqual(expect.arrayContaining(["version", "toStage", "landed.date", "producing.capacity"]));
    const actions = op("post", "/problems/{id}/actions").body!;
    expect(actions.map((v) => v.title)).toContain("action = close");
    expect(actions.every((v) => !v.rows.some((r) => r.name === "issueId"))).toBe(true);
    const name = op("post", "/projects").body![0].rows.find((r) => r.name === "name")!;
    expect(name).toMatchObject({ type: "string", required: true, description: "项目名称" });
    expect(name.rules).toContain("最多 100 个字符");
  });

  it("resolves response schemas from components", () => {
    const list = op("get", "/projects").success;
    expect(list.schemaName).toBe("ProjectList");
    expect(list.rows.map((r) => r.name)).toEqual(expect.arrayContaining(["items", "items[].id", "items[].totalInvestment", "nextCursor"]));
    expect(list.rows.find((r) => r.name === "nextCursor")!.type).toBe("string | null");
    expect(op("get", "/parks").errors).toContainEqual({ status: "401", code: "UNAUTHENTICATED" });
  });

  it("writes curl commands with the token header, method and body", () => {
    expect(op("get", "/parks").curl).toBe(`curl 'http://localhost:3000/api/v1/parks' \\\n  -H "Authorization: Bearer $PPT_TOKEN"`);
    expect(curlFor("http://h", "patch", "/projects/{id}", { remark: "it's" }, false)).toBe(
      `curl -X PATCH 'http://h/api/v1/projects/1' \\\n  -H "Authorization: Bearer $PPT_TOKEN" \\\n  -H 'Content-Type: application/json' \\\n  -d '{"remark":"it'\\''s"}'`,
    );
    expect(op("get", "/openapi.json").curl).not.toContain("Authorization");
  });

  it("in English, the document's texts and the view's own words are English", () => {
    const en = viewOperations(buildOpenApiDocument("en") as unknown as Doc, "http://localhost:3000", "en");
    expect(en.map((g) => g.tag)).toEqual(["Parks", "Projects", "Monthly progress", "Problems", "Visits", "Enterprises", "Indicators", "Monthly bulletins", "Annual plans", "Supervision", "First contact", "Monthly meetings", "Documentation", "Organisation", "Users and roles"]);
    const enOp = (method: string, path: string) => en.flatMap((g) => g.operations).find((o) => o.method === method && o.path === path)!;
    const limit = enOp("get", "/projects").params.find((p) => p.name === "limit")!;
    expect(limit.description).toBe("Page size, 1-100, default 50");
    expect(limit.rules).toBe("≥ 1; ≤ 100; default 50");
    expect(enOp("post", "/projects/{id}/transitions").body!.map((v) => v.title)).toEqual(["Stage change (toStage)", "Status change (action)"]);
    const name = enOp("post", "/projects").body![0].rows.find((r) => r.name === "name")!;
    expect(name).toMatchObject({ description: "Project name" });
    expect(name.rules).toContain("at most 100 characters");
  });

  it("schemaRows stops at a depth limit on deeply nested shapes", () => {
    const deep = { type: "object", properties: { a: { type: "object", properties: { b: { type: "object", properties: { c: { type: "object", properties: { d: { type: "string" } } } } } } } } };
    expect(schemaRows(doc, deep).map((r) => r.name)).toEqual(["a", "a.b", "a.b.c"]);
  });
});
