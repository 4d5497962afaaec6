import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

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

// The fields URL filters share, each with messages that name the field and the rule.

/** A whole number in [min, max]. */
export const urlInt = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);

/** A record id (a positive PostgreSQL integer). */
export const urlId = (label: string) => z.coerce.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`);

/** A YYYY-MM-DD date. */
export const urlDate = (label: string) => z.string().trim().refine(isIsoDate, `${label}不是有效日期（格式 YYYY-MM-DD）`);

/** The page number of a paged list (1 when absent). */
export const urlPage = () => z.coerce.number({ message: "页码须为数字" }).int("页码须为整数").min(1, "页码不能小于 1").max(100_000, "页码不能大于 100000").default(1);
