// Field builders every schema shares, so a text field says the same thing everywhere:
// "请填写X", "X须为文本", "X不能超过 N 个字符".

import { z } from "zod";

/** A mainland or landline number with optional +, spaces and dashes. */
export const PHONE = /^\+?[0-9][0-9\- ]{5,18}[0-9]$/;

export function requiredText(label: string, max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}须为文本`) })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`);
}

/** Blank becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}须为文本` })
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
