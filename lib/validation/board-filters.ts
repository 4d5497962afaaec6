import { z } from "zod";
import { KEY_LEVELS } from "./project-filters";
import { type RawSearchParams, parseUrlFilters, urlId } from "./url-filters";
import { searchText } from "./fields";


/** The board's filters, as they travel in the URL (so a view can be shared and bookmarked). */
export const boardFiltersSchema = z.object({
  park: urlId("园区").optional(),
  industry: searchText("产业链", 50).optional(),
  keyLevel: z.enum(KEY_LEVELS, { message: "项目级别无效" }).optional(),
  liaison: urlId("包保责任人").optional(),
  year: z.coerce.number({ message: "签约年份须为数字" }).int("签约年份须为整数").min(2000, "签约年份不能小于 2000").max(2100, "签约年份不能大于 2100").optional(),
  stale: z.enum(["1"], { message: "只看滞留项目的取值须为 1" }).optional(),
  q: searchText().optional(),
});
export type BoardFilters = z.infer<typeof boardFiltersSchema>;

/** Parses URL search params; a bad value is dropped and reported by field and rule. */
export const parseBoardFilters = (raw: RawSearchParams) => parseUrlFilters(boardFiltersSchema, raw);

export const BOARD_COLUMNS = ["SIGNED", "LANDED", "STARTED", "PRODUCING", "SUSPENDED", "TERMINATED"] as const;
export type BoardColumnKey = (typeof BOARD_COLUMNS)[number];

/** Cursor for "load more" in a column: the last card's (stageDate, id). */
export const boardCursorSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}_\d{1,10}$/, "分页游标无效");
