import { z } from "zod";
import { type RawSearchParams, parseUrlFilters } from "./url-filters";

const id = (label: string) => z.coerce.number({ message: `${label}须为数字` }).int(`${label}须为整数`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`);

/** Filters of the monthly progress export (月度填报): a park or a project, a year or all years. */
export const progressExportFiltersSchema = z.object({
  park: id("园区").optional(),
  project: id("项目").optional(),
  year: z.coerce.number({ message: "年份须为数字" }).int("年份须为整数").min(2000, "年份不能小于 2000").max(2100, "年份不能大于 2100").optional(),
});
export type ProgressExportFilters = z.infer<typeof progressExportFiltersSchema>;
export const parseProgressExportFilters = (raw: RawSearchParams) => parseUrlFilters(progressExportFiltersSchema, raw);
