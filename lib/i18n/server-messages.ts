// The server's messages in English (docs/i18n.md, "Server messages"). lib/server and
// lib/validation write their messages in Chinese, naming the field and the rule ("请填写企业名称",
// "签约日期不能晚于今天"); they are the source text, as in gettext. At the edge (a server action's
// error, the API's error body, a page's note on ignored filters) a message is put into English
// when it is one of the known shapes (messages server.pattern, `{label}` and the like standing
// for a field's name) and every field name in it is a known term (server.term). Anything else
// stays Chinese as a whole: never half a sentence in each language.

import { createTranslator } from "use-intl/core";
import { MESSAGES } from "./messages";
import type { Locale } from "./locales";

interface Shape {
  key: string;
  regex: RegExp;
  names: string[];
  /** Literal characters: more specific shapes are tried first. */
  weight: number;
}

const escape = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

function compile() {
  const zh = MESSAGES["zh-CN"].server;
  const en = MESSAGES.en.server;
  const exact = new Map<string, string>();
  const shapes: Shape[] = [];
  for (const [key, template] of Object.entries(zh.pattern) as [keyof typeof zh.pattern, string][]) {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    if (names.length === 0) {
      exact.set(template, en.pattern[key]);
      continue;
    }
    const source = template
      .split(/(\{\w+\})/)
      // A year, month or day is digits (so "{data}{year}年" splits a name from the year after it).
      .map((part) => (/^\{(year|month|day)\d*\}$/.test(part) ? "(\\d+)" : /^\{\w+\}$/.test(part) ? "(.+?)" : escape(part)))
      .join("");
    shapes.push({ key, regex: new RegExp(`^${source}$`, "u"), names, weight: template.replace(/\{\w+\}/g, "").length });
  }
  shapes.sort((a, b) => b.weight - a.weight);
  const terms = new Map<string, string>();
  for (const [key, term] of Object.entries(zh.term) as [keyof typeof zh.term, string][]) terms.set(term, en.term[key]);
  // The English templates are ICU messages ({n, plural, …}), formatted by next-intl.
  const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "server.pattern" });
  return { exact, shapes, terms, t };
}

let compiled: ReturnType<typeof compile> | null = null;

/** A message inside another one ("…ignored: {errors}"): its first letter small, unless an acronym's. */
const inner = (en: string) => (/^[A-Z][a-z]/.test(en) ? en.charAt(0).toLowerCase() + en.slice(1) : en);

/** Field names listed with "、" (总投资、签约日期), each a term: joined with commas; else null. */
function termList(value: string): string | null {
  if (!value.includes("、")) return null;
  const parts = value.split("、").map((p) => compiled!.terms.get(p.trim()) ?? null);
  return parts.every((p) => p !== null) ? parts.join(", ") : null;
}

/**
 * One sentence in English, or null when its shape or one of its field names is unknown.
 * `{data…}` arguments are the record's own text (a project's or enterprise's name, a
 * subject) and travel as they are; numbers and dates too; `{who…}` is a person's name (as
 * written) or a term; any other Chinese must be a term, or a list of terms joined by "、".
 */
function sentence(zh: string, depth: number): string | null {
  compiled ??= compile();
  const text = zh.trim();
  const exact = compiled.exact.get(text);
  if (exact) return exact;
  if (depth > 2) return null;
  for (const shape of compiled.shapes) {
    const m = shape.regex.exec(text);
    if (!m) continue;
    const args: Record<string, string | number> = {};
    let ok = true;
    shape.names.forEach((name, i) => {
      const value = m[i + 1].trim();
      if (name.startsWith("data")) {
        args[name] = value;
        return;
      }
      // `{who}`: a person's name as written, or a term (其他用户).
      if (name.startsWith("who")) {
        args[name] = compiled!.terms.get(value) ?? value;
        return;
      }
      const english = /^[\x20-\x7e]+$/.test(value) ? value : (compiled!.terms.get(value) ?? (name === "errors" ? inner(translateMessage(value, "en", depth + 1)) : termList(value)));
      if (english === null || /\p{Script=Han}/u.test(english)) ok = false;
      else args[name] = /^-?\d+$/.test(english) ? Number(english) : english;
    });
    if (!ok) continue;
    return compiled.t(shape.key as "required", args as never);
  }
  // A list run together with commas (a digest's counts): each part on its own.
  if (text.includes("，")) {
    const parts = text.split("，").map((p) => sentence(p, depth + 1));
    if (parts.every((p) => p !== null)) return parts.join(", ");
  }
  return null;
}

/** The English of a whole message (sentences joined by "；"), or null unless every sentence is known. */
export function englishOf(zh: string, depth = 0): string | null {
  compiled ??= compile();
  // A message known whole, though it holds a "；" (the generic INTERNAL one).
  const whole = compiled.exact.get(zh.trim());
  if (whole) return whole;
  const parts = zh.split("；");
  const out: string[] = [];
  for (const part of parts) {
    const en = sentence(part, depth);
    if (en === null) return null;
    // The first sentence starts with a capital; the ones after a semicolon with a small letter (not an acronym's).
    const first = out.length === 0 ? en.charAt(0).toUpperCase() : /^[A-Z][a-z]/.test(en) ? en.charAt(0).toLowerCase() : en.charAt(0);
    out.push(first + en.slice(1));
  }
  return out.join("; ");
}

/** A server message in `locale`: the English when it is known, else the Chinese as written. */
export function translateMessage(zh: string, locale: Locale, depth = 0): string {
  if (locale === "zh-CN") return zh;
  return englishOf(zh, depth) ?? zh;
}

/** A field's or thing's name (a term) in `locale`, else as written. */
export function termIn(zh: string, locale: Locale): string {
  if (locale === "zh-CN") return zh;
  compiled ??= compile();
  return compiled.terms.get(zh) ?? zh;
}

/** A light with its reasons (lib/domain/warnings) in `locale`, for display: translated on the server, so client components get words, not the translator. */
export function lightIn<L extends { reasons: string[] }>(light: L, locale: Locale): L {
  return locale === "zh-CN" ? light : { ...light, reasons: light.reasons.map((r) => translateMessage(r, locale)) };
}

/** Every message of a field-errors map in `locale`. */
export function translateFieldErrors(errors: Record<string, string[]> | undefined, locale: Locale): Record<string, string[]> | undefined {
  if (!errors || locale === "zh-CN") return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, list]) => [k, list.map((m) => translateMessage(m, locale))]));
}
