import { z } from "zod";
import { CORRECTION_STATUSES } from "@/lib/domain/published-bulletins";
import { INDICATOR_DEFS, type IndicatorKey } from "@/lib/domain/indicators";
import { bulletinParamsSchema } from "./bulletin";
import { idField, optionalText, requiredText } from "./fields";
import { pagingSchema, progressReportSchema, yearSchema } from "./progress";
import { urlId } from "./url-filters";

const RANK_KEYS = INDICATOR_DEFS.map((d) => d.key) as [IndicatorKey, ...IndicatorKey[]];

/** The bulletin's month, required: YYYY-MM, a month that is over (the page's own rule). */
const bulletinMonth = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === null ? "请选择通报月份" : "通报月份须为文本，如 2026-10") })
  .pipe(bulletinParamsSchema.shape.month.unwrap());

/**
 * Publishing (定稿发布) a month's bulletin for one park or one region, or publishing a
 * corrected version that supersedes an earlier one (`supersedes`, with the reason).
 */
export const publishBulletinSchema = z
  .object(
    {
      park: idField("园区").optional(),
      region: idField("市州").optional(),
      month: bulletinMonth,
      rank: z.enum(RANK_KEYS, { message: "排名指标无效" }).default("investmentYear"),
      points: z.boolean({ error: "附积分考核须为 true 或 false" }).optional(),
      supersedes: idField("被更正的通报").optional(),
      reason: optionalText("更正原因", 500),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if ((v.park === undefined) === (v.region === undefined)) {
      const message = "请选择一个园区或一个市州（二者选一）作为通报范围";
      ctx.addIssue({ code: "custom", path: [v.park === undefined ? "park" : "region"], message });
    }
    if (v.supersedes !== undefined && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "请填写更正原因" });
    if (v.supersedes === undefined && v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "更正原因只在发布更正版时填写" });
  });
export type PublishBulletinInput = z.input<typeof publishBulletinSchema>;
export type PublishBulletinData = z.output<typeof publishBulletinSchema>;

/** The list of published bulletins: one park or region (or every scope the reader sees), a year, a page. */
export const publishedBulletinListSchema = z
  .object({
    park: urlId("园区").optional(),
    region: urlId("市州").optional(),
    year: yearSchema.optional(),
  })
  .extend(pagingSchema.shape);
export type PublishedBulletinListQuery = z.output<typeof publishedBulletinListSchema>;

/**
 * A request to file or correct a month closed by a published bulletin: the month's figures
 * as the filing form takes them, the version of the report as loaded (none when the month
 * was never filed), and why.
 */
export const correctionRequestSchema = progressReportSchema.extend({ reason: requiredText("更正原因", 500) });
export type CorrectionRequestInput = z.input<typeof correctionRequestSchema>;

/** A park leader's decision on a correction request: a rejection says why. */
export const correctionDecisionSchema = z
  .object(
    {
      id: idField("更正申请"),
      decision: z.enum(["APPROVE", "REJECT"], { message: "审批结果须为批准（APPROVE）或驳回（REJECT）" }),
      note: optionalText("审批意见", 500),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (v.decision === "REJECT" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "驳回时请填写审批意见（驳回理由）" });
  });
export type CorrectionDecisionInput = z.input<typeof correctionDecisionSchema>;

/** The correction requests list: a park, a status, a page. */
export const correctionListSchema = z
  .object({
    park: urlId("园区").optional(),
    status: z.enum(CORRECTION_STATUSES, { message: "审批状态无效" }).optional(),
  })
  .extend(pagingSchema.shape);
export type CorrectionListQuery = z.output<typeof correctionListSchema>;
