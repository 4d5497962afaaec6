// The route handlers under app/ answer in the reader's language (docs/i18n.md, "Server
// messages"): a refusal goes through the translating helpers of lib/server/excel/excel-response.ts
// (`signInFirst`, `errorText`, `errorJson`, `badFilters`), which put the server's Chinese into
// English for an English reader, or through the API's error shape (`errorResponse`,
// `toErrorResponse` in lib/api/errors.ts: zh and en side by side). app/api/v1 is the REST API,
// whose answers carry both languages by design, and is not read here.
//
// The test reads every other app/**/route.ts and fails on a Chinese string that is not an
// argument of one of the calls below (`new Response("请先登录")`, `Response.json({ message: "…" })`),
// on a thrown value turned into a response by hand (`toAppError(e, …)` in a route), and on an
// allowed Chinese argument that has no English.

import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { englishOf, termIn } from "./server-messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HAN = /\p{Script=Han}/u;

/** Calls whose Chinese argument becomes a translated answer, and the sentence it makes (to check it has an English). */
const ALLOWED: Record<string, (zh: string) => { message: string } | { term: string }> = {
  // The API's error shape: its `message.en` is the English of the Chinese.
  errorResponse: (zh) => ({ message: zh }),
  // AppErrors given to errorText / errorJson.
  notFound: (zh) => ({ message: `${zh}不存在或无权查看` }),
  forbidden: (zh) => ({ message: `您没有权限执行${zh}` }),
  // A URL id's parser, naming the thing (its refusal is a known shape with the term).
  urlId: (zh) => ({ term: zh }),
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return p === path.join(ROOT, "app/api/v1") ? [] : routeFiles(p);
    return /^route\.tsx?$/.test(name) ? [p] : [];
  });
}

const calleeName = (e: ts.Expression): string | null => (ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : null);

interface Finding {
  at: string;
  text: string;
}

function scan() {
  const bare: Finding[] = [];
  const allowed: (Finding & { check: { message: string } | { term: string } })[] = [];
  const byHand: Finding[] = [];
  const files = routeFiles(path.join(ROOT, "app"));
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && calleeName(node.expression) === "toAppError") byHand.push({ at: at(node), text: node.getText(sf) });
      const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isTemplateExpression(node) ? node.getText(sf) : null;
      if (text !== null && HAN.test(text)) {
        const call = node.parent;
        const name = ts.isCallExpression(call) && call.arguments.includes(node as ts.Expression) ? calleeName(call.expression) : null;
        if (name && name in ALLOWED && !ts.isTemplateExpression(node)) allowed.push({ at: at(node), text, check: ALLOWED[name](text) });
        else bare.push({ at: at(node), text });
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { files, bare, allowed, byHand };
}

const { files, bare, allowed, byHand } = scan();

describe("route handlers under app/ (outside the REST API) answer through the translating helpers", () => {
  it("reads the route handlers", () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.some((f) => f.includes(`${path.sep}v1${path.sep}`))).toBe(false);
  });

  it("builds no Chinese answer by hand (use signInFirst, errorText, errorJson, badFilters, or errorResponse)", () => {
    expect(bare.map((f) => `${f.at} ${f.text}`)).toEqual([]);
  });

  it("turns no thrown value into a response by hand (errorText / errorJson / toErrorResponse translate it)", () => {
    expect(byHand.map((f) => `${f.at} ${f.text}`)).toEqual([]);
  });

  it("has an English for each Chinese argument it allows", () => {
    const missing = allowed.filter((f) => ("term" in f.check ? termIn(f.check.term, "en") === f.check.term : englishOf(f.check.message) === null)).map((f) => `${f.at} ${f.text}`);
    expect(missing).toEqual([]);
  });
});
