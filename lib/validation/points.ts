import { z } from "zod";
import { PERIOD_TYPES, POINT_EARNERS, POINT_KINDS, POINT_LIMIT } from "@/lib/domain/points";
import { requiredDate, requiredText, idField, optionalText } from "./fields";
import { urlId, urlInt, urlPage } from "./url-filters";

export const BOARD_TABS = ["liaison", "leader", "unit", "park"] as const;
export type BoardTab = (typeof BOARD_TABS)[number];
export const BOARD_TAB_LABELS: Record<BoardTab, string> = { liaison: "包保责任人", leader: "包保领导", unit: "责任单位", park: "园区" };

const periodType = z.enum(PERIOD_TYPES, { error: "统计周期须为 month（月）、quarter（季度）或 year（年）" });

/** The leaderboard's and the events list's URL: scope (one park, one region or all visible), period and filters. */
export const pointsQuerySchema = z
  .object({
    park: urlId("园区").optional(),
    region: urlId("市州").optional(),
    period: periodType.default("month"),
    year: urlInt("年份", 2000, 2100).optional(),
    /** Month 1-12; for a quarter 1-4 (a month number given with a quarter means the quarter it falls in). */
    n: urlInt("月份或季度", 1, 12).optional(),
    tab: z.enum(BOARD_TABS, { error: "排行类别须为 liaison、leader、unit 或 park" }).default("liaison"),
    earner: z.enum(POINT_EARNERS, { error: "得分对象须为 LIAISON、LEADER 或 UNIT" }).optional(),
    user: urlId("人员").optional(),
    unit: requiredText("责任单位", 100).optional(),
    kind: z.enum([...POINT_KINDS, "MANUAL"], { error: "积分事项无效" }).optional(),
    page: urlPage(),
  });
export type PointsQuery = z.infer<typeof pointsQuerySchema>;

const pointsValue = z.coerce
  .number({ error: "分值须为整数" })
  .int("分值须为整数")
  .min(-POINT_LIMIT, `分值不能小于 -${POINT_LIMIT}`)
  .max(POINT_LIMIT, `分值不能大于 ${POINT_LIMIT}`);

/** A new version of one rule for a park or a region's default. */
export const pointRuleSchema = z
  .object({
    parkId: idField("园区").optional(),
    regionId: idField("市州").optional(),
    kind: z.enum(POINT_KINDS, { error: "积分事项无效" }),
    earner: z.enum(POINT_EARNERS, { error: "得分对象须为包保责任人、包保领导或责任单位" }),
    points: pointsValue,
    effectiveFrom: requiredDate("生效日期"),
    note: optionalText("说明", 200),
  })
  .superRefine((v, ctx) => {
    if ((v.parkId === undefined) === (v.regionId === undefined)) ctx.addIssue({ code: "custom", path: ["parkId"], message: "请选择园区或市州（二选一）" });
  });
export type PointRuleInput = z.input<typeof pointRuleSchema>;

/** 人工加分/减分: to a person (LIAISON/LEADER + userId) or a 责任单位 (UNIT + unit). */
export const pointAdjustmentSchema = z
  .object({
    parkId: idField("园区"),
    earner: z.enum(POINT_EARNERS, { error: "得分对象须为包保责任人、包保领导或责任单位" }),
    userId: idField("人员").optional().nullable(),
    unit: optionalText("责任单位", 100),
    date: requiredDate("日期", { notFuture: true }),
    points: pointsValue.refine((v) => v !== 0, "分值不能为 0"),
    reason: requiredText("理由", 500),
  })
  .superRefine((v, ctx) => {
    if (v.earner === "UNIT" && !v.unit) ctx.addIssue({ code: "custom", path: ["unit"], message: "请填写责任单位" });
    if (v.earner !== "UNIT" && !v.userId) ctx.addIssue({ code: "custom", path: ["userId"], message: "请选择加减分的人员" });
  });
export type PointAdjustmentInput = z.input<typeof pointAdjustmentSchema>;
