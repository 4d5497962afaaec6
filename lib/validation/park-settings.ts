import { z } from "zod";
import { warningRulesFormSchema } from "./warning-rules";

const days = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(1, `${label}不能小于 1 天`)
    .max(max, `${label}不能大于 ${max} 天`);

/** A park's own thresholds (a per-stage "stale after N days" on the board: docs/domain.md#stale-projects). */
export const parkSettingsSchema = z.object(
  {
    staleDaysSigned: days("签约阶段滞留天数", 3650),
    staleDaysLanded: days("落地阶段滞留天数", 3650),
    staleDaysStarted: days("开工阶段滞留天数", 3650),
    visitIntervalDays: days("走访间隔天数", 365),
  },
  { error: "请求格式不正确" },
);
export type ParkSettings = z.infer<typeof parkSettingsSchema>;

/** Thresholds plus the park's warning rules (亮灯), as the settings form sends them (flat). */
export const parkSettingsWithRulesSchema = z.intersection(parkSettingsSchema, warningRulesFormSchema);
export type ParkSettingsWithRules = z.infer<typeof parkSettingsWithRulesSchema>;

/** Whether an input carries the warning-rule fields (older clients send only the thresholds). */
export function hasWarningRuleFields(input: unknown): boolean {
  return typeof input === "object" && input !== null && "startRedMonthsLate" in input;
}
