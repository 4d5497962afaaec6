// Field builders every schema shares, so a text field says the same thing everywhere:
// "请填写X", "X须为文本", "X不能超过 N 个字符", "X含有无法保存的字符…", and a date field
// "X不是有效日期…", "X不能早于 1990 年".

import { z } from "zod";
import { EARLIEST_DATE, isIsoDate, todayInShanghai } from "@/lib/domain/dates";

/** A mainland or landline number with optional +, spaces and dashes. */
export const PHONE = /^\+?[0-9][0-9\- ]{5,18}[0-9]$/;

// NUL, which PostgreSQL refuses in text ("invalid byte sequence"), and a UTF-16 surrogate
// without its partner (half an emoji), which jsonb refuses, so the audit row of the change
// would fail. Both reached the database as 500s before every text field refused them.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a character the database cannot store (NUL or a lone surrogate). */
export function hasUnstorableChars(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** The text without those characters, for names the system only records (an uploaded file's name in the audit log). */
export function withoutUnstorableChars(value: string): string {
  return value.replace(new RegExp(UNSTORABLE.source, "g"), "");
}

export const unstorableMessage = (label: string) => `${label}含有无法保存的字符（空字符或残缺的表情符号），请删除后重新输入`;

type StringError = string | ((iss: { input?: unknown }) => string);

/**
 * The one text builder: a string a person or a client sent, refusing what the database
 * cannot store with a message naming the field. Every schema that takes text starts here
 * (form fields, JSON bodies, search terms, URL filters); `error` is the message for a value
 * that is not a string at all.
 */
export function userString(label: string, error: StringError = `${label}须为文本`) {
  return z.string({ error }).refine((v) => !hasUnstorableChars(v), unstorableMessage(label));
}

/** A search term or free-text filter from a URL or query string: trimmed, at most `max` characters. */
export function searchText(label = "搜索词", max = 100) {
  return userString(label).trim().max(max, `${label}不能超过 ${max} 个字符`);
}

export function requiredText(label: string, max: number) {
  return userString(label, (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}须为文本`))
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);
}

/** Blank becomes null. */
export function optionalText(label: string, max: number) {
  return userString(label)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A database id from a form or JSON: a positive 32-bit integer. */
export function idField(label: string) {
  return z.coerce
    .number({ error: `${label}无效` })
    .int(`${label}无效`)
    .min(1, `${label}无效`)
    .max(2_147_483_647, `${label}无效`);
}

/**
 * Why a typed date is not acceptable, or null: the format (a real YYYY-MM-DD), not before
 * EARLIEST_DATE (no project in this system is older; earlier values were typing slips such
 * as 0202 for 2022), and with `notFuture` not after today in Asia/Shanghai.
 */
export function dateProblem(label: string, value: string, opts: { notFuture?: boolean } = {}): string | null {
  if (!isIsoDate(value)) return `${label}不是有效日期（格式 YYYY-MM-DD）`;
  if (value < EARLIEST_DATE) return `${label}不能早于 ${EARLIEST_DATE.slice(0, 4)} 年`;
  if (opts.notFuture && value > todayInShanghai()) return `${label}不能晚于今天`;
  return null;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A required date typed as YYYY-MM-DD (trimmed). */
export function requiredDate(label: string, opts: { notFuture?: boolean } = {}) {
  return userString(label, (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}须为日期`))
    .trim()
    .superRefine((v, ctx) => {
      const problem = v === "" ? `请填写${label}` : dateProblem(label, v, opts);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
}

/** An optional date typed as YYYY-MM-DD; blank -> null. */
export function optionalDate(label: string, opts: { notFuture?: boolean } = {}) {
  return userString(label, `${label}须为日期`)
    .nullish()
    .superRefine((v, ctx) => {
      const problem = blank(v) ? null : dateProblem(label, v!.trim(), opts);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((v) => (blank(v) ? null : v!.trim()));
}
