// Turns the OpenAPI document into what the reference page /api-docs shows: operations
// grouped by tag, schemas flattened to table rows, curl examples. Pure.

import type { JsonSchema } from "./openapi";

export interface SchemaRow {
  /** Dotted path: "landed.date", "items[].id". */
  name: string;
  type: string;
  required: boolean;
  description: string;
  /** Limits and allowed values, in words. */
  rules: string;
}

export interface SchemaVariant {
  title: string;
  rows: SchemaRow[];
}

export interface ViewParam {
  name: string;
  in: string;
  type: string;
  required: boolean;
  description: string;
  rules: string;
}

export interface ViewOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  permission: string | null;
  isPublic: boolean;
  params: ViewParam[];
  body: SchemaVariant[] | null;
  bodyExample: unknown;
  success: { status: string; description: string; schemaName: string | null; rows: SchemaRow[] };
  errors: { status: string; code: string }[];
  curl: string;
}

type Doc = {
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
  tags?: { name: string }[];
};

const refName = (ref: string) => ref.split("/").pop() ?? ref;

function resolve(doc: Doc, s: JsonSchema | undefined): JsonSchema {
  if (!s) return {};
  if (typeof s.$ref === "string") return doc.components.schemas[refName(s.$ref)] ?? {};
  return s;
}

/** A short type for a schema: "string", "integer | null", "SIGNED | LANDED", "Park[]". */
export function typeOf(doc: Doc, raw: JsonSchema | undefined): string {
  if (!raw) return "any";
  if (typeof raw.$ref === "string") return refName(raw.$ref);
  const s = raw;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return "string";
  const union = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (union) return [...new Set(union.map((b) => typeOf(doc, b)))].join(" | ");
  if (Array.isArray(s.type)) return (s.type as string[]).join(" | ");
  if (s.type === "array") return `${typeOf(doc, s.items as JsonSchema)}[]`;
  if (typeof s.type === "string") return s.type;
  return "any";
}

/** Limits and allowed values in words (Chinese). */
export function rulesOf(raw: JsonSchema | undefined): string {
  if (!raw) return "";
  const parts: string[] = [];
  const collect = (s: JsonSchema) => {
    if (Array.isArray(s.enum)) parts.push(`取值：${(s.enum as unknown[]).join(" / ")}`);
    if (typeof s.minLength === "number" && s.minLength > 0) parts.push(`至少 ${s.minLength} 个字符`);
    if (typeof s.maxLength === "number") parts.push(`最多 ${s.maxLength} 个字符`);
    if (typeof s.minimum === "number" && s.minimum > -1e15) parts.push(`≥ ${s.minimum}`);
    if (typeof s.maximum === "number" && s.maximum < 1e15) parts.push(`≤ ${s.maximum}`);
    if (typeof s.minItems === "number" && s.minItems > 0) parts.push(`至少 ${s.minItems} 项`);
    if (typeof s.maxItems === "number") parts.push(`最多 ${s.maxItems} 项`);
    if (typeof s.format === "string") parts.push(`格式 ${s.format}`);
    if (typeof s.pattern === "string") parts.push(`匹配 ${s.pattern}`);
    if (s.default !== undefined) parts.push(`默认 ${JSON.stringify(s.default)}`);
  };
  collect(raw);
  for (const b of ((raw.anyOf ?? raw.oneOf) as JsonSchema[] | undefined) ?? []) collect(b);
  return [...new Set(parts)].join("；");
}

function isObject(s: JsonSchema): boolean {
  return s.type === "object" || typeof s.properties === "object";
}

/** The object branch of a nullable object ("anyOf: [object, null]"), if that is what it is. */
function objectBranch(doc: Doc, s: JsonSchema): JsonSchema | null {
  const r = resolve(doc, s);
  if (isObject(r)) return r;
  const union = (r.anyOf ?? r.oneOf) as JsonSchema[] | undefined;
  const objects = (union ?? []).map((b) => resolve(doc, b)).filter(isObject);
  return objects.length === 1 ? objects[0] : null;
}

/** Object properties as rows, nested objects and arrays of objects flattened with dotted names (depth-limited). */
export function schemaRows(doc: Doc, raw: JsonSchema, prefix = "", depth = 0): SchemaRow[] {
  const s = resolve(doc, raw);
  const rows: SchemaRow[] = [];
  const required = new Set((s.required as string[] | undefined) ?? []);
  for (const [key, prop] of Object.entries((s.properties as Record<string, JsonSchema>) ?? {})) {
    const name = `${prefix}${key}`;
    const resolved = resolve(doc, prop);
    rows.push({
      name,
      type: typeOf(doc, prop),
      required: required.has(key),
      description: String(resolved.description ?? prop.description ?? ""),
      rules: rulesOf(resolved),
    });
    if (depth >= 2) continue;
    const nested = objectBranch(doc, prop);
    if (nested) rows.push(...schemaRows(doc, nested, `${name}.`, depth + 1));
    else if (resolved.type === "array") {
      const item = objectBranch(doc, resolved.items as JsonSchema);
      if (item) rows.push(...schemaRows(doc, item, `${name}[].`, depth + 1));
    }
  }
  return rows;
}

/** A body schema as one table, or one table per variant of a union (titled by its `action`/const field). */
export function schemaVariants(doc: Doc, raw: JsonSchema): SchemaVariant[] {
  const s = resolve(doc, raw);
  const union = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (!union) return [{ title: "", rows: schemaRows(doc, s) }];
  return union.map((branch, i) => {
    const b = resolve(doc, branch);
    const props = (b.properties as Record<string, JsonSchema>) ?? {};
    const discriminator = Object.entries(props).find(([, p]) => p.const !== undefined);
    const title = discriminator
      ? `${discriminator[0]} = ${String(discriminator[1].const)}`
      : props.toStage
        ? "阶段变更（toStage）"
        : props.action
          ? "状态变更（action）"
          : `方案 ${i + 1}`;
    return { title, rows: schemaRows(doc, b) };
  });
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command for the operation, with the body example and path ids filled with 1. */
export function curlFor(origin: string, method: string, path: string, example: unknown, isPublic: boolean): string {
  const url = `${origin}/api/v1${path.replace(/\{\w+\}/g, "1")}`;
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} ${shellQuote(url)}`];
  if (!isPublic) lines.push(`  -H "Authorization: Bearer $PPT_TOKEN"`);
  if (example !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${shellQuote(JSON.stringify(example))}`);
  }
  return lines.join(" \\\n");
}

const ERROR_CODE_BY_REF = (ref: string) => refName(ref);

/** Operations grouped by tag, in the document's order. */
export function viewOperations(doc: Doc, origin: string): { tag: string; operations: ViewOperation[] }[] {
  const groups = new Map<string, ViewOperation[]>();
  for (const t of doc.tags ?? []) groups.set(t.name, []);
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[] | undefined) ?? ["其他"])[0];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const params: ViewParam[] = ((op.parameters as JsonSchema[] | undefined) ?? []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        type: typeOf(doc, p.schema as JsonSchema),
        required: Boolean(p.required),
        description: String(p.description ?? ""),
        rules: rulesOf(p.schema as JsonSchema),
      }));
      const bodyContent = ((op.requestBody as JsonSchema | undefined)?.content as Record<string, JsonSchema> | undefined)?.["application/json"];
      const responses = op.responses as Record<string, JsonSchema>;
      const [status, ok] = Object.entries(responses).find(([code]) => code.startsWith("2")) ?? ["200", {}];
      const okSchema = ((ok.content as Record<string, JsonSchema> | undefined)?.["application/json"]?.schema as JsonSchema | undefined) ?? {};
      const view: ViewOperation = {
        id: String(op.operationId),
        method,
        path,
        summary: String(op.summary ?? ""),
        description: String(op.description ?? ""),
        permission: typeof op["x-permission"] === "string" ? (op["x-permission"] as string) : null,
        isPublic,
        params,
        body: bodyContent ? schemaVariants(doc, bodyContent.schema as JsonSchema) : null,
        bodyExample: bodyContent?.example,
        success: {
          status,
          description: String(ok.description ?? ""),
          schemaName: typeof okSchema.$ref === "string" ? refName(okSchema.$ref) : null,
          rows: isObject(resolve(doc, okSchema)) ? schemaRows(doc, okSchema) : [],
        },
        errors: Object.entries(responses)
          .filter(([code]) => !code.startsWith("2"))
          .map(([code, r]) => ({ status: code, code: typeof r.$ref === "string" ? ERROR_CODE_BY_REF(r.$ref) : "" })),
        curl: curlFor(origin, method, path, bodyContent?.example, isPublic),
      };
      if (!groups.has(tag)) groups.set(tag, []);
      groups.get(tag)!.push(view);
    }
  }
  return [...groups].filter(([, ops]) => ops.length > 0).map(([tag, operations]) => ({ tag, operations }));
}
