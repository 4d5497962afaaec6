// The annual-plan operations of /api/v1 (年度计划 of any year): a project's plans, setting
// or removing one year's plan, and a park's plan for a year, paged.

import { apiYearPlanBodySchema, parkPlansQuerySchema, projectPlansQuerySchema } from "@/lib/validation/year-plans";
import { todayInShanghai } from "@/lib/domain/dates";
import * as P from "./plan-schemas";
import type { Operation } from "./openapi";

const nextYear = Number(todayInShanghai().slice(0, 4)) + 1;
const LABELS = {
  year: "计划年度，默认今年",
  plannedInvestment: "本年计划投资（万元，数字或字符串，最多两位小数；可以为 0）",
  planStart: "计划本年开工（true / false）",
  planProduction: "计划本年投产（true / false）",
  note: "备注（最多 200 字；不传则保留原备注，传 null 或空串清空）",
  q: "搜索词（项目名称、编号、企业）",
  only: "planned 只看已列入计划 / unplanned 只看未列入计划",
  page: "页码，默认 1",
  pageSize: "每页条数，1-100，默认 50",
};
const projectAndYear = [
  { name: "id", description: "项目 id" },
  { name: "year", description: `计划年度，如 ${nextYear}` },
];

export const PLAN_OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/projects/{id}/plans",
    tag: "年度计划",
    summary: "项目的年度计划",
    description: "项目各年度的计划（本年计划投资、计划开工、计划投产、备注），新的年度在前；每年附该年完成投资（各月填报之和）以及年底前是否已开工、已投产。带 `year` 只返回该年。",
    permission: "project.read",
    pathParams: [{ name: "id", description: "项目 id" }],
    query: projectPlansQuerySchema,
    labels: { year: "只看该年度（可选）" },
    success: { status: 200, description: "年度计划", schema: P.projectPlansSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "put",
    path: "/projects/{id}/plans/{year}",
    tag: "年度计划",
    summary: "设置项目某年的年度计划",
    description:
      "新建或替换该年的计划，任何年度均可：不早于项目签约年份，不晚于今年后第五年；已终止的项目不能列入终止之后年份的计划。修改今年的计划会使项目版本号加一（台账编辑表单编辑的是今年的计划）。需要 project.write（读写令牌具备），写入操作日志。",
    permission: "project.write",
    pathParams: projectAndYear,
    body: { schema: apiYearPlanBodySchema, example: { plannedInvestment: "3000", planStart: true, planProduction: false, note: "二期厂房" } },
    labels: LABELS,
    success: { status: 200, description: "已保存", schema: P.yearPlanSavedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "delete",
    path: "/projects/{id}/plans/{year}",
    tag: "年度计划",
    summary: "把项目移出某年的年度计划",
    description: "删除该年的计划（项目不再计入该年的计划口径）；该年本来没有计划时返回 removed: false。需要 project.write，写入操作日志。",
    permission: "project.write",
    pathParams: projectAndYear,
    success: { status: 200, description: "已移出", schema: P.yearPlanRemovedSchema },
    errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/parks/{id}/plans",
    tag: "年度计划",
    summary: "园区某年的年度计划（分页）",
    description:
      "园区内可列入该年计划的项目（该年年底前已签约、未终止）以及该年已有计划的项目，每项附该年的计划（未列入为 null）与该年完成投资；已列入计划的在前，按项目编号排序，页码分页，可按名称搜索、按是否列入筛选。`totals` 为该年计划的合计。只有包保责任人角色的用户只看到所包保的项目。",
    permission: "project.read",
    pathParams: [{ name: "id", description: "园区 id" }],
    query: parkPlansQuerySchema,
    labels: LABELS,
    success: { status: 200, description: "一页计划", schema: P.parkPlansSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
];
