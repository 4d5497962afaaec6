import { z } from "zod";

const days = (label: string, max: number) =>
  z.coerce
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(1, `${label}不能小于 1 天`)
    .max(max, `${label}不能大于 ${max} 天`);

/** A park's own thresholds (DOMAIN.md: a per-stage "stale after N days" on the board). */
export const parkSettingsSchema = z.object({
  staleDaysSigned: days("签约阶段滞留天数", 3650),
  staleDaysLanded: days("落地阶段滞留天数", 3650),
  staleDaysStarted: days("开工阶段滞留天数", 3650),
  visitIntervalDays: days("走访间隔天数", 365),
});
export type ParkSettings = z.infer<typeof parkSettingsSchema>;
