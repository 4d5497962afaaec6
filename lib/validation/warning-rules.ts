import { z } from "zod";
import { DEFAULT_WARNING_RULES, type WarningRules, type WarningRulesOverride, mergeWarningRules } from "@/lib/domain/warnings";

const int = (label: string, min: number, max: number, unit: string) =>
  z.coerce
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于 ${min} ${unit}`)
    .max(max, `${label}不能大于 ${max} ${unit}`);

// Form checkboxes arrive as "on"/"true"/"1" or are missing; JSON gives booleans.
const flag = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A park's warning-rule fields as the settings form and API send them (flat). */
export const warningRulesFormSchema = z
  .object(
    {
      startEnabled: flag,
      startRedMonthsLate: int("开工红灯月数", 1, 24, "个月"),
      progressEnabled: flag,
      progressYellowPoints: int("投资进度黄灯百分点", 1, 100, "个百分点"),
      progressRedPoints: int("投资进度红灯百分点", 1, 100, "个百分点"),
      filingEnabled: flag,
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (v.progressRedPoints <= v.progressYellowPoints) {
      ctx.addIssue({ code: "custom", path: ["progressRedPoints"], message: "投资进度红灯百分点须大于黄灯百分点" });
    }
  });
export type WarningRulesForm = z.infer<typeof warningRulesFormSchema>;

export function rulesToForm(r: WarningRules): WarningRulesForm {
  return {
    startEnabled: r.start.enabled,
    startRedMonthsLate: r.start.redMonthsLate,
    progressEnabled: r.progress.enabled,
    progressYellowPoints: r.progress.yellowPoints,
    progressRedPoints: r.progress.redPoints,
    filingEnabled: r.filing.enabled,
  };
}

export function formToRules(f: WarningRulesForm): WarningRules {
  return {
    start: { enabled: f.startEnabled, redMonthsLate: f.startRedMonthsLate },
    progress: { enabled: f.progressEnabled, yellowPoints: f.progressYellowPoints, redPoints: f.progressRedPoints },
    filing: { enabled: f.filingEnabled },
  };
}

/** The stored override (Park.warningRules): any subset of the rule fields. */
export const warningRulesOverrideSchema = z
  .object({
    start: z.object({ enabled: z.boolean(), redMonthsLate: z.number().int().min(1).max(24) }).partial().optional(),
    progress: z.object({ enabled: z.boolean(), yellowPoints: z.number().int().min(1).max(100), redPoints: z.number().int().min(1).max(100) }).partial().optional(),
    filing: z.object({ enabled: z.boolean() }).partial().optional(),
  })
  .strict();

/**
 * A park's effective rules from its stored JSON. A stored value that does not parse (or
 * leaves yellow ≥ red) falls back to the defaults rather than breaking every page that
 * shows a light; the settings form never writes such a value.
 */
export function parkWarningRules(stored: unknown): WarningRules {
  if (stored === null || stored === undefined) return DEFAULT_WARNING_RULES;
  const parsed = warningRulesOverrideSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_WARNING_RULES;
  const merged = mergeWarningRules(parsed.data as WarningRulesOverride);
  if (merged.progress.redPoints <= merged.progress.yellowPoints) return DEFAULT_WARNING_RULES;
  return merged;
}
