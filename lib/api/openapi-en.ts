// The English of the OpenAPI document (docs/api.md, docs/i18n.md). The document's texts are
// written in Chinese next to the code they describe (lib/api/openapi*.ts, the zod schemas'
// descriptions, the field labels): that text is the source, as a gettext msgid is, and
// OPENAPI_EN maps each one to its English. buildOpenApiDocument("en") puts every text of the
// document (summary, description, title, tag names…) through it; paths, field names,
// codes, permissions and examples stay as they are. lib/api/openapi-en.test.ts fails when a
// Chinese text has no English here (a new operation, a reworded description), when an
// English text holds Chinese, or when an entry is no longer used.

import { OPENAPI_EN_TAGS, OPENAPI_EN_TEXTS } from "./openapi-en-texts";

type Json = Record<string, unknown>;

/** The keys whose string value is prose to translate. */
const TEXT_KEYS = new Set(["summary", "description", "title", "bearerFormat"]);
/** The keys whose value is data a caller sends or receives, kept as it is (examples, allowed values). */
const DATA_KEYS = new Set(["example", "examples", "default", "const", "enum"]);

const HAN = /\p{Script=Han}/u;

export function hasChinese(s: string): boolean {
  return HAN.test(s);
}

/**
 * Every text of the document, at each place it is written: `fn` gets the text and a
 * JSON-pointer-like location and returns what to put there. A new copy; the input is not changed.
 */
export function mapOpenApiTexts(node: unknown, fn: (text: string, where: string) => string, where = ""): unknown {
  if (Array.isArray(node)) return node.map((v, i) => mapOpenApiTexts(v, fn, `${where}/${i}`));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    const at = `${where}/${key}`;
    if (DATA_KEYS.has(key)) out[key] = value;
    else if (TEXT_KEYS.has(key) && typeof value === "string") out[key] = fn(value, at);
    else if (key === "tags" && Array.isArray(value))
      // An operation's tags (names), and the document's list of tags ({ name }).
      out[key] = value.map((t, i) =>
        typeof t === "string" ? fn(t, `${at}/${i}`) : t && typeof t === "object" ? { ...(mapOpenApiTexts(t, fn, `${at}/${i}`) as Json), name: fn(String((t as Json).name), `${at}/${i}/name`) } : t,
      );
    else out[key] = mapOpenApiTexts(value, fn, at);
  }
  return out;
}

/** Where a tag's name is written: an operation's `tags/0`, the document's `tags/3/name`. */
export function isTagPlace(where: string): boolean {
  return /\/tags\/\d+(\/name)?$/.test(where);
}

/** The English of one of the document's texts; a text without Chinese is kept, and so (never half and half) is one with no entry. */
export function englishOfApiText(text: string, where: string): string {
  if (!hasChinese(text)) return text;
  const map = isTagPlace(where) ? OPENAPI_EN_TAGS : OPENAPI_EN_TEXTS;
  return Object.hasOwn(map, text) ? map[text] : text;
}

/** The document with its texts in English. */
export function translateOpenApi<T>(doc: T): T {
  return mapOpenApiTexts(doc, englishOfApiText) as T;
}
