import { z } from "zod";
import { type YearMonth, lastCompletedMonth, ymKey } from "@/lib/domain/filing";
import { INDICATOR_DEFS, type IndicatorKey } from "@/lib/domain/indicators";
import { todayInShanghai } from "@/lib/domain/dates";
import { type RawSearchParams, parseUrlFilters, urlId } from "./url-filters";

const RANK_KEYS = INDICATOR_DEFS.map((d) => d.key) as [IndicatorKey, ...IndicatorKey[]];

/** The bulletin's choices as they travel in the URL: the month, the scope and the ranking indicator. */
export const bulletinParamsSchema = z.object({
  // One message per bad value: the format first, then the range.
  month: z
    .string()
    .superRefine((m, ctx) => {
      const message = !/^\d{4}-(0[1-9]|1[0-2])$/.test(m)
        ? "通报月份须为 年-月，如 2026-10"
        : m < "2000-01"
          ? "通报月份不能早于 2000 年"
          : m > ymKey(lastCompletedMonth(todayInShanghai()))
            ? "通报月份须为已结束的月份"
            : null;
      if (message) ctx.addIssue({ code: "custom", message });
    })
    .optional(),
  park: urlId("园区").optional(),
  region: urlId("市州").optional(),
  rank: z.enum(RANK_KEYS, { message: "排名指标无效" }).optional(),
  points: z.enum(["0", "1"], { message: "附积分考核须为 0 或 1" }).optional(),
});

export interface BulletinParams {
  month: YearMonth;
  park?: number;
  region?: number;
  rank: IndicatorKey;
  /** 附积分考核: the month's points leaderboard (parks, and the top liaisons) as part of the bulletin. */
  points?: boolean;
}

/** Bad values are dropped (the bulletin still shows, for the last complete month) and reported by field and rule. */
export function parseBulletinParams(raw: RawSearchParams, today = todayInShanghai()): { params: BulletinParams; errors: string[] } {
  const { filters, errors } = parseUrlFilters(bulletinParamsSchema, raw);
  const [year, month] = filters.month ? filters.month.split("-").map(Number) : [0, 0];
  return {
    params: {
      month: filters.month ? { year, month } : lastCompletedMonth(today),
      park: filters.park,
      region: filters.park ? undefined : filters.region,
      rank: filters.rank ?? "investmentYear",
      points: filters.points === "1",
    },
    errors,
  };
}

/** The params as a query string (for the .xlsx link and the form). */
export function bulletinQuery(p: BulletinParams): string {
  const q = new URLSearchParams({ month: ymKey(p.month), rank: p.rank });
  if (p.park) q.set("park", String(p.park));
  if (p.region) q.set("region", String(p.region));
  if (p.points) q.set("points", "1");
  return q.toString();
}
