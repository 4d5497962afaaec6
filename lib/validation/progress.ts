import { z } from "zod";
import { urlId } from "./url-filters";
import { parseWan } from "@/lib/domain/money";
import { amountProblem } from "./project";
import { userString } from "./fields";


/** A required amount in 万元 as typed ("1,234.5" or a JSON number) -> "1234.50". */
function amount(label: string) {
  return z
    .union([z.string(), z.number()], { error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}须为数字`) })
    .transform((v) => (typeof v === "number" ? String(v) : v).trim())
    .superRefine((v, ctx) => {
      if (v === "") ctx.addIssue({ code: "custom", message: `请填写${label}` });
      else {
        const problem = amountProblem(label, v, "万元");
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }
    })
    .transform((v) => parseWan(v) as string);
}

function text(label: string, max: number, required: boolean) {
  return userString(label, `${label}须为文字`)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null))
    .superRefine((v, ctx) => {
      if (required && v === null) ctx.addIssue({ code: "custom", message: `请填写${label}` });
    });
}

export const yearSchema = z.coerce.number({ message: "年份须为数字" }).int("年份须为整数").min(2000, "年份不能早于 2000 年").max(2100, "年份不能晚于 2100 年");
export const monthSchema = z.coerce.number({ message: "月份须为数字" }).int("月份须为整数").min(1, "月份须在 1–12 之间").max(12, "月份须在 1–12 之间");

/**
 * One month's filing (月度填报) or its correction. `version` is the report version the
 * person loaded when correcting; leave it out to file a month for the first time.
 */
export const progressReportSchema = z.object(
  {
    projectId: urlId("项目"),
    year: yearSchema,
    month: monthSchema,
    investmentCompleted: amount("本月完成投资"),
    fundsArrived: amount("本月到位资金"),
    imageProgress: text("形象进度", 500, true),
    problems: text("存在问题", 1000, false),
    version: z.coerce.number({ message: "版本号须为数字" }).int("版本号须为整数").min(1, "版本号无效").optional(),
  },
  { error: "请求格式不正确" },
);
export type ProgressReportInput = z.input<typeof progressReportSchema>;
export type ProgressReportData = z.output<typeof progressReportSchema>;

const flag = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

/** A project's annual plan (计划口径) for one year. */
export const yearPlanSchema = z.object(
  {
    projectId: urlId("项目"),
    year: yearSchema,
    plannedInvestment: amount("本年计划投资"),
    planStart: flag,
    planProduction: flag,
    note: text("备注", 200, false),
  },
  { error: "请求格式不正确" },
);
export type YearPlanInput = z.input<typeof yearPlanSchema>;
export type YearPlanData = z.output<typeof yearPlanSchema>;

/** The monthly filing page and the missing-filings list, as URL params. */
export const filingPageSchema = z.object({
  park: urlId("园区").optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/, "月份格式须为 YYYY-MM").optional(),
  liaison: urlId("包保责任人").optional(),
  only: z.enum(["missing"], { message: "只看未填报的取值须为 missing" }).optional(),
});
export type FilingPageFilters = z.infer<typeof filingPageSchema>;

export const pagingSchema = z.object({
  page: z.coerce.number({ error: "页码须为 1 到 100000 的整数" }).int({ error: "页码须为 1 到 100000 的整数" }).min(1, { error: "页码须为 1 到 100000 的整数" }).max(100_000, { error: "页码须为 1 到 100000 的整数" }).default(1),
  pageSize: z.coerce.number({ error: "每页条数须为 1 到 200 的整数" }).int({ error: "每页条数须为 1 到 200 的整数" }).min(1, { error: "每页条数须为 1 到 200 的整数" }).max(200, { error: "每页条数须为 1 到 200 的整数" }).default(50),
});
export type Paging = z.infer<typeof pagingSchema>;

/** listMissingFilings' filter: one completed month, optionally one park or one person. */
export const missingFilingsQuerySchema = z.object({
  parkId: urlId("园区").optional(),
  year: yearSchema,
  month: monthSchema,
  liaisonId: urlId("包保责任人").optional(),
});
export type MissingFilingsQuery = z.infer<typeof missingFilingsQuerySchema>;
