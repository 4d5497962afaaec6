import { describe, expect, it } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { buildOpenApiDocument } from "./openapi";
import { hasChinese, isTagPlace, mapOpenApiTexts } from "./openapi-en";
import { OPENAPI_EN_TAGS, OPENAPI_EN_TEXTS } from "./openapi-en-texts";

/** Every text of a document with where it is written. */
function texts(doc: unknown): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  mapOpenApiTexts(doc, (text, where) => {
    out.push({ text, where });
    return text;
  });
  return out;
}

/** The document with every text blanked: its shape (paths, operations, schemas, examples). */
const shape = (doc: unknown) => mapOpenApiTexts(doc, () => "");

/** What must read the same in both languages: `code` spans, codes (SIGNED, ON_SITE), permissions (project.write), paths, numbers. */
function verbatim(s: string): string[] {
  return [...s.matchAll(/`[^`]+`|\b[A-Z][A-Z0-9_]{2,}\b|\b[a-z]+\.[a-z][A-Za-z]+\b|\/[a-z][\w/{}-]*|\d+/g)].map((m) => m[0]);
}

describe("the OpenAPI document in English", () => {
  const zh = buildOpenApiDocument("zh-CN");
  const en = buildOpenApiDocument("en");

  it("has English for every Chinese text: no summary, description, title or tag name is left in Chinese", () => {
    const left = texts(en).filter((t) => hasChinese(t.text));
    expect(left, "add these texts to lib/api/openapi-en-texts.ts").toEqual([]);
  });

  it("no English text holds Chinese, none is empty, and every entry is still used", () => {
    for (const [map, name] of [
      [OPENAPI_EN_TEXTS, "OPENAPI_EN_TEXTS"],
      [OPENAPI_EN_TAGS, "OPENAPI_EN_TAGS"],
    ] as const) {
      for (const [source, english] of Object.entries(map)) {
        expect(hasChinese(source), `${name} key ${source}`).toBe(true);
        expect(english.trim(), `${name}[${source}]`).not.toBe("");
        expect(hasChinese(english), `${name}[${source}] = ${english}`).toBe(false);
      }
    }
    const all = texts(zh);
    const used = new Set(all.filter((t) => !isTagPlace(t.where)).map((t) => t.text));
    const usedTags = new Set(all.filter((t) => isTagPlace(t.where)).map((t) => t.text));
    expect(Object.keys(OPENAPI_EN_TEXTS).filter((k) => !used.has(k)), "entries no text of the document uses").toEqual([]);
    expect(Object.keys(OPENAPI_EN_TAGS).filter((k) => !usedTags.has(k)), "tags no operation uses").toEqual([]);
  });

  it("keeps the codes, permissions, paths, numbers and `code` spans of each Chinese text", () => {
    const zhTexts = texts(zh);
    const enTexts = texts(en);
    expect(enTexts.map((t) => t.where)).toEqual(zhTexts.map((t) => t.where));
    const info = "/info/description"; // written in each language in lib/api/openapi.ts
    const lost: string[] = [];
    for (const [i, t] of zhTexts.entries()) {
      if (!hasChinese(t.text) || t.where === info || t.where.startsWith("/components/responses/")) continue;
      const kept = new Set(verbatim(enTexts[i].text));
      const missing = [...new Set(verbatim(t.text))].filter((v) => !kept.has(v));
      if (missing.length) lost.push(`${t.text} → ${enTexts[i].text}: lost ${missing.join(" ")}`);
    }
    expect(lost).toEqual([]);
  });

  it("differs from the Chinese one only in its texts, and is a valid OpenAPI 3.1 document", async () => {
    expect(shape(en)).toEqual(shape(zh));
    const result = await new Validator().validate(structuredClone(en) as never);
    expect(result.errors ?? []).toEqual([]);
    expect((en as { tags: { name: string }[] }).tags.map((t) => t.name)).toContain("Monthly meetings");
  });

  it("uses the product's words", () => {
    const op = (path: string, method: string) => (en as { paths: Record<string, Record<string, { summary: string; description?: string }>> }).paths[path][method];
    expect(op("/supervisions", "post").summary).toBe("Issue a supervision letter");
    expect(op("/projects/{id}/transitions", "post").description).toContain("park leader");
    const stage = JSON.stringify((en as { components: { schemas: Record<string, unknown> } }).components.schemas.ProjectListItem);
    expect(stage).toContain("SIGNED Signed / LANDED Landed / STARTED Started / PRODUCING Producing");
  });
});
