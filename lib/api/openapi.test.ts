import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "./openapi";

const V1 = path.resolve(import.meta.dirname, "../../app/api/v1");

/** Every route.ts under app/api/v1 as an OpenAPI path ("/projects/{id}") with the methods it exports. */
function routeFiles(dir = V1): { path: string; methods: string[] }[] {
  const out: { path: string; methods: string[] }[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full));
    else if (name === "route.ts") {
      const rel = path.relative(V1, dir).split(path.sep).filter(Boolean).map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
      const src = readFileSync(full, "utf8");
      const methods = [...src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
      out.push({ path: `/${rel.join("/")}`, methods });
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };

  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("a broken document is rejected by the same validator", async () => {
    const broken = structuredClone(doc) as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken as never)).valid).toBe(false);
  });

  it("lists every route folder under app/api/v1 with exactly the methods it exports", () => {
    const routes = routeFiles();
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const r of routes) {
      expect(doc.paths, `path ${r.path}`).toHaveProperty([r.path]);
      expect(Object.keys(doc.paths[r.path]).sort(), `methods of ${r.path}`).toEqual([...r.methods].sort());
    }
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.path).sort());
  });

  it("resolves every $ref", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const target = ref.slice(8, -1).replace(/^#\//, "").split("/");
      let node: unknown = doc;
      for (const key of target) node = (node as Record<string, unknown>)?.[key];
      expect(node, ref).toBeTruthy();
    }
  });

  it("documents request bodies from the shared zod schemas, with Chinese field labels", () => {
    const post = doc.paths["/projects"].post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, { description?: string; maxLength?: number }>; required: string[] } } } } };
    const schema = post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["name", "enterpriseName", "parkId", "totalInvestment", "signedDate"]));
    expect(schema.required).not.toContain("specialLists"); // defaults to [] when left out
    expect(schema.properties.name).toMatchObject({ maxLength: 100, description: "项目名称" });
    expect(schema.properties.totalInvestment.description).toContain("万元");
    expect(schema.properties.signedDate.description).toBe("签约日期（YYYY-MM-DD）");
    const action = doc.paths["/problems/{id}/actions"].post as { requestBody: { content: { "application/json": { schema: { oneOf: { properties: Record<string, unknown> }[] } } } } };
    for (const branch of action.requestBody.content["application/json"].schema.oneOf) expect(branch.properties).not.toHaveProperty("issueId");
  });

  it("every operation but the document itself needs a token and answers errors in the one shape", () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops as Record<string, { security?: unknown[]; responses: Record<string, unknown> }>)) {
        if (p === "/openapi.json") expect(op.security).toEqual([]);
        else {
          expect(op.security, `${method} ${p}`).toBeUndefined();
          expect(op.responses["401"]).toEqual({ $ref: "#/components/responses/UNAUTHENTICATED" });
          expect(op.responses["429"]).toEqual({ $ref: "#/components/responses/RATE_LIMITED" });
        }
      }
    }
    expect(doc.components.schemas).toHaveProperty("Error");
  });
});
