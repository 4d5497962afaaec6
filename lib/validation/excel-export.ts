import { z } from "zod";
import { type RawSearchParams, parseUrlFilters, urlId } from "./url-filters";


/** Filters of the monthly progress export (月度填报): a park or a project, a year or all years. */
export const progressExportFiltersSchema = z.object({
  park: urlId("园区").optional(),
  project: urlId("项目").optional(),
  year: z.coerce.number({ message: "年份须为数字" }).int("年份须为整数").min(2000, "年份不能小于 2000").max(2100, "年份不能大于 2100").optional(),
});
export type ProgressExportFilters = z.infer<typeof progressExportFiltersSchema>;
export const parseProgressExportFilters = (raw: RawSearchParams) => parseUrlFilters(progressExportFiltersSchema, raw);
