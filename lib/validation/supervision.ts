// Shapes of 督办 letters and their steps, from a form, a server action or a test. Rules that
// depend on the stored letter (status, who may act) are lib/domain/supervision.ts and lib/server.

import { z } from "zod";
import { REPLY_MAX, REQUIREMENT_MAX, RETURN_REASON_MAX, SUBJECT_MAX, SUPERVISION_STATUSES, UNIT_MAX, WORKDAYS_MAX, WORKDAYS_MIN } from "@/lib/domain/supervision";
import { idField, optionalText, requiredText } from "./fields";

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const optionalId = (label: string) => z.preprocess((v) => (isBlank(v) ? null : v), idField(label).nullable()).optional().transform((v) => v ?? null);
const version = z.coerce.number({ error: "版本号无效，请刷新页面" }).int("版本号无效，请刷新页面").min(1, "版本号无效，请刷新页面").max(2_147_483_647, "版本号无效，请刷新页面");

/** A letter issued on a red project or an overdue problem (exactly one of them). */
export const issueSupervisionSchema = z
  .object(
    {
      projectId: optionalId("项目"),
      issueId: optionalId("问题"),
      recipientUserId: z.preprocess((v) => (isBlank(v) ? undefined : v), idField("责任人").optional()).refine((v) => v !== undefined, "请选择责任人"),
      recipientUnit: optionalText("责任单位", UNIT_MAX),
      subject: requiredText("督办事项", SUBJECT_MAX),
      requirement: requiredText("整改要求", REQUIREMENT_MAX),
      workdays: z.coerce
        .number({ error: "办理时限须为数字" })
        .int("办理时限须为整数（工作日）")
        .min(WORKDAYS_MIN, `办理时限至少 ${WORKDAYS_MIN} 个工作日`)
        .max(WORKDAYS_MAX, `办理时限不能超过 ${WORKDAYS_MAX} 个工作日`),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (!v.projectId && !v.issueId) ctx.addIssue({ code: "custom", path: ["projectId"], message: "督办须针对一个亮红灯的项目或一个超期的问题" });
    if (v.projectId && v.issueId) ctx.addIssue({ code: "custom", path: ["issueId"], message: "一份督办函只能针对一个项目或一个问题" });
  });
export type IssueSupervisionInput = z.input<typeof issueSupervisionSchema>;

const target = { supervisionId: idField("督办事项"), version };

export const replySupervisionSchema = z.object({ ...target, note: requiredText("整改情况", REPLY_MAX) }, { error: "请求格式不正确" });

export const reviewSupervisionSchema = z.discriminatedUnion(
  "decision",
  [
    z.object({ ...target, decision: z.literal("accept"), note: optionalText("审核意见", RETURN_REASON_MAX) }),
    z.object({ ...target, decision: z.literal("return"), note: requiredText("退回理由", RETURN_REASON_MAX) }),
  ],
  { error: "请选择销号或退回" },
);

const urlId = (label: string) => z.preprocess((v) => (isBlank(v) ? undefined : v), z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`).optional());

/** The 督办 list's filters and page (from the URL). */
export const supervisionFiltersSchema = z.object({
  parkId: urlId("园区"),
  status: z.preprocess((v) => (isBlank(v) ? undefined : v), z.enum(SUPERVISION_STATUSES, { error: "状态无效" }).optional()),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
  /** Only letters addressed to me. */
  mine: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
  page: z.preprocess((v) => (isBlank(v) ? 1 : v), z.coerce.number({ error: "页码须为数字" }).int("页码须为整数").min(1, "页码无效").max(100_000, "页码无效")),
  pageSize: z.preprocess((v) => (isBlank(v) ? 20 : v), z.coerce.number({ error: "每页条数须为数字" }).int("每页条数须为整数").min(1, "每页条数无效").max(100, "每页条数不能超过 100")),
});
export type SupervisionFilters = z.output<typeof supervisionFiltersSchema>;

/** The list's filters from a URL: a bad value is dropped (listed in `errors`) instead of failing the page. */
export function parseSupervisionFilters(sp: Record<string, string | string[] | undefined>): { filters: SupervisionFilters; errors: string[] } {
  const raw: Record<string, string | undefined> = {};
  for (const key of ["parkId", "status", "overdue", "mine", "page", "pageSize"]) {
    const v = sp[key];
    raw[key] = Array.isArray(v) ? v[0] : v;
  }
  const errors: string[] = [];
  for (;;) {
    const parsed = supervisionFiltersSchema.safeParse(raw);
    if (parsed.success) return { filters: parsed.data, errors };
    for (const issue of parsed.error.issues) {
      errors.push(issue.message);
      delete raw[String(issue.path[0])];
    }
  }
}
