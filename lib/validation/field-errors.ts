import { z } from "zod";

/**
 * A zod error as the per-field messages forms show and the API returns: the key is the
 * input's own dotted path ("landed.date"), "_form" for the input as a whole. An unknown
 * key a strict schema refuses gets its own entry ("不支持的字段：x").
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string) => {
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out[[...issue.path.map(String), key].join(".")] = [`不支持的字段：${key}`];
      continue;
    }
    add(issue.path.length > 0 ? issue.path.map(String).join(".") : "_form", issue.message);
  }
  return out;
}
