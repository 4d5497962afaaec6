// Turns the OpenAPI document into what the reference page /api-docs shows: operations
// grouped by tag, schemas flattened to table rows, curl examples. Pure.

import type { JsonSchema } from "./openapi";
import type { Locale } from "@/lib/i18n/locales";

/** The words the view adds to the document's own (which come in the document's language). */
const WORDS = {
  "zh-CN": {
    values: (v: string) => `取值：${v}`,
    minLength: (n: number) => `至少 ${n} 个字符`,
    maxLength: (n: number) => `最多 ${n} 个字符`,
    minItems: (n: number) => `至少 ${n} 项`,
    maxItems: (n: number) => `最多 ${n} 项`,
    format: (f: string) => `格式 ${f}`,
    pattern: (p: string) => `匹配 ${p}`,
    default: (d: string) => `默认 ${d}`,
    separator: "；",
    stageChange: "阶段变更（toStage）",
    statusChange: "状态变更（action）",
    variant: (n: number) => `方案 ${n}`,
    untagged: "其他",
  },
  en: {
    values: (v: string) => `one of: ${v}`,
    minLength: (n: number) => `at least ${n} characters`,
    maxLength: (n: number) => `at most ${n} characters`,
    minItems: (n: number) => `at least ${n} items`,
    maxItems: (n: number) => `at most ${n} items`,
    format: (f: string) => `format ${f}`,
    pattern: (p: string) => `matches ${p}`,
    default: (d: string) => `default ${d}`,
    separator: "; ",
    stageChange: "Stage change (toStage)",
    statusChange: "Status change (action)",
    variant: (n: number) => `Option ${n}`,
    untagged: "Other",
  },
} satisfies Record<Locale, unknown>;

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

/** Limits and allowed values in words, in the reader's language. */
export function rulesOf(raw: JsonSchema | undefined, locale: Locale = "zh-CN"): string {
  if (!raw) return "";
  const w = WORDS[locale];
  const parts: string[] = [];
  const collect = (s: JsonSchema) => {
    if (Array.isArray(s.enum)) parts.push(w.values((s.enum as unknown[]).join(" / ")));
    if (typeof s.minLength === "number" && s.minLength > 0) parts.push(w.minLength(s.minLength));
    if (typeof s.maxLength === "number") parts.push(w.maxLength(s.maxLength));
    if (typeof s.minimum === "number" && s.minimum > -1e15) parts.push(`≥ ${s.minimum}`);
    if (typeof s.maximum === "number" && s.maximum < 1e15) parts.push(`≤ ${s.maximum}`);
    if (typeof s.minItems === "number" && s.minItems > 0) parts.push(w.minItems(s.minItems));
    if (typeof s.maxItems === "number") parts.push(w.maxItems(s.maxItems));
    if (typeof s.format === "string") parts.push(w.format(s.format));
    if (typeof s.pattern === "string") parts.push(w.pattern(s.pattern));
    if (s.default !== undefined) parts.push(w.default(JSON.stringify(s.default)));
  };
  collect(raw);
  for (const b of ((raw.anyOf ?? raw.oneOf) as JsonSchema[] | undefined) ?? []) collect(b);
  return [...new Set(parts)].join(w.separator);
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
export function schemaRows(doc: Doc, raw: JsonSchema, prefix = "", depth = 0, locale: Locale = "zh-CN"): SchemaRow[] {
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
      rules: rulesOf(resolved, locale),
    });
    if (depth >= 2) continue;
    const nested = objectBranch(doc, prop);
    if (nested) rows.push(...schemaRows(doc, nested, `${name}.`, depth + 1, locale));
    else if (resolved.type === "array") {
      const item = objectBranch(doc, resolved.items as JsonSchema);
      if (item) rows.push(...schemaRows(doc, item, `${name}[].`, depth + 1, locale));
    }
  }
  return rows;
}

/** A body schema as one table, or one table per variant of a union (titled by its `action`/const field). */
export function schemaVariants(doc: Doc, raw: JsonSchema, locale: Locale = "zh-CN"): SchemaVariant[] {
  const s = resolve(doc, raw);
  const w = WORDS[locale];
  const union = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (!union) return [{ title: "", rows: schemaRows(doc, s, "", 0, locale) }];
  return union.map((branch, i) => {
    const b = resolve(doc, branch);
    const props = (b.properties as Record<string, JsonSchema>) ?? {};
    const discriminator = Object.entries(props).find(([, p]) => p.const !== undefined);
    const title = discriminator
      ? `${discriminator[0]} = ${String(discriminator[1].const)}`
      : props.toStage
        ? w.stageChange
        : props.action
          ? w.statusChange
          : w.variant(i + 1);
    return { title, rows: schemaRows(doc, b, "", 0, locale) };
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

/** Operations grouped by tag, in the document's order; the words the view adds in `locale` (the document's language). */
export function viewOperations(doc: Doc, origin: string, locale: Locale = "zh-CN"): { tag: string; operations: ViewOperation[] }[] {
  const groups = new Map<string, ViewOperation[]>();
  for (const t of doc.tags ?? []) groups.set(t.name, []);
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[] | undefined) ?? [WORDS[locale].untagged])[0];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const params: ViewParam[] = ((op.parameters as JsonSchema[] | undefined) ?? []).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        type: typeOf(doc, p.schema as JsonSchema),
        required: Boolean(p.required),
        description: String(p.description ?? ""),
        rules: rulesOf(p.schema as JsonSchema, locale),
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
        body: bodyContent ? schemaVariants(doc, bodyContent.schema as JsonSchema, locale) : null,
        bodyExample: bodyContent?.example,
        success: {
          status,
          description: String(ok.description ?? ""),
          schemaName: typeof okSchema.$ref === "string" ? refName(okSchema.$ref) : null,
          rows: isObject(resolve(doc, okSchema)) ? schemaRows(doc, okSchema, "", 0, locale) : [],
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
