import { z } from "zod";
import { STAGES, PROJECT_STATUSES } from "@/lib/domain/stages";
import { METRICS } from "@/lib/domain/indicators";
import { type RawSearchParams, parseUrlFilters, urlInt } from "./url-filters";
import { searchText } from "./fields";

export const KEY_LEVELS = ["PROVINCIAL", "CITY", "COUNTY", "NONE"] as const;
export const PAGE_SIZES = [20, 50, 100] as const;

/** The project list's filters, as they travel in the URL (so a view can be bookmarked). */
export const projectFiltersSchema = z.object({
  park: urlInt("园区", 1, 2_147_483_647).optional(),
  region: urlInt("市州", 1, 2_147_483_647).optional(),
  stage: z.enum(STAGES, { message: "阶段须为 签约/落地/开工/投产 之一" }).optional(),
  status: z.enum(PROJECT_STATUSES, { message: "状态须为 正常推进/暂缓/终止 之一" }).optional(),
  keyLevel: z.enum(KEY_LEVELS, { message: "项目级别无效" }).optional(),
  industry: searchText("产业链", 50).optional(),
  year: urlInt("签约年份", 2000, 2100).optional(),
  q: searchText().optional(),
  /** Drill-down from a dashboard figure: the figure's projects (lib/server/metrics/drill-down.ts). */
  metric: z.enum(METRICS, { message: "指标无效" }).optional(),
  /** The figure's period, January..month of the year: YYYY-MM. */
  period: z
    .string()
    .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, "统计期须为 YYYY-MM（2000—2100 年，1—12 月）")
    .optional(),
  /** The figure's signing cohort (year). */
  cohort: urlInt("签约批次年份", 2000, 2100).optional(),
  page: urlInt("页码", 1, 100_000).default(1),
  pageSize: z.coerce
    .number({ message: "每页条数须为 20、50 或 100" })
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), "每页条数须为 20、50 或 100")
    .default(20),
});
export type ProjectFilters = z.infer<typeof projectFiltersSchema>;

/**
 * Parses URL search params. A bad value is dropped (the list still shows) and reported
 * with a message naming the field and the rule.
 */
export const parseProjectFilters = (raw: RawSearchParams) => parseUrlFilters(projectFiltersSchema, raw);
