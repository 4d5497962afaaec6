import type { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Parses a page's URL search params with `schema`. A bad value is dropped (the page still
 * shows) and reported with its message, which names the field and the rule. Unknown keys,
 * empty values and repeats beyond the first are ignored.
 */
export function parseUrlFilters<S extends z.ZodObject>(schema: S, raw: RawSearchParams): { filters: z.infer<S>; errors: string[] } {
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "" && key in schema.shape) input[key] = v;
  }
  const errors: string[] = [];
  for (;;) {
    const result = schema.safeParse(input);
    if (result.success) return { filters: result.data, errors };
    for (const issue of result.error.issues) {
      errors.push(issue.message);
      delete input[String(issue.path[0])];
    }
  }
}
