// Annual plans (年度计划) of any year: one project's plan (project page, API, the plan sheet
// and the ledger import call lib/server/plans/write-year-plan.ts with it), the park's plan
// grid saved in one go, its URL filters, and the year-end carry-over.

import { z } from "zod";
import { parseWan } from "@/lib/domain/money";
import { CARRY_MODES, type PlanCells } from "@/lib/domain/year-plans";
import { amountProblem } from "./project";
import { idField, userString } from "./fields";
import { urlId, urlInt } from "./url-filters";

export const PLAN_LABELS = {
  plannedInvestment: "本年计划投资",
  planStart: "计划本年开工",
  planProduction: "计划本年投产",
  note: "备注",
} as const;

export const PLAN_NOTE_MAX = 200;
/** Rows one grid save takes (a page of the grid is at most 100). */
export const PLAN_GRID_MAX_ROWS = 200;

/** A plan year: 2000-2100 (the project's own limits are checked by the server). */
export const planYearSchema = z.coerce
  .number({ error: "计划年份须为数字" })
  .int("计划年份须为整数")
  .min(2000, "计划年份不能早于 2000 年")
  .max(2100, "计划年份不能晚于 2100 年");

const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** 本年计划投资 as typed ("1,200" or a JSON number): blank -> null, otherwise two decimals. */
export function planAmount(required: boolean) {
  const label = PLAN_LABELS.plannedInvestment;
  const typed = z.union([z.string(), z.number()], { error: (iss) => (iss.input === undefined || iss.input === null ? `请填写${label}` : `${label}须为数字`) });
  return (required ? typed : typed.nullish())
    .superRefine((v, ctx) => {
      if (blank(v)) {
        if (required) ctx.addIssue({ code: "custom", message: `请填写${label}` });
        return;
      }
      const problem = amountProblem(label, typeof v === "number" ? String(v) : v!, "万元");
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((v) => (blank(v) ? null : (parseWan(typeof v === "number" ? String(v) : v!) as string)));
}

const YES = new Set(["true", "on", "1", "是", "yes"]);
const NO = new Set(["false", "0", "否", "no", ""]);

/** A yes/no flag from a checkbox ("on" or absent) or JSON (true/false); anything else is refused, naming the field. */
export function planFlag(label: string) {
  return z
    .preprocess(
      (v) => {
        if (v === undefined || v === null) return false;
        if (typeof v === "string") {
          const t = v.trim().toLowerCase();
          if (YES.has(t)) return true;
          if (NO.has(t)) return false;
        }
        return v;
      },
      z.boolean({ error: `${label}须为是或否（true / false）` }),
    )
    .meta({ type: "boolean", description: label });
}

/** 备注: blank -> null; left out -> undefined (an edit keeps the note it had). */
export const planNote = userString(PLAN_LABELS.note, `${PLAN_LABELS.note}须为文字`)
  .trim()
  .max(PLAN_NOTE_MAX, `${PLAN_LABELS.note}不能超过 ${PLAN_NOTE_MAX} 个字符`)
  .nullable()
  .optional()
  .transform((v) => (v === undefined ? undefined : v ? v : null));

/** The plan a person loaded, for the optimistic check: null = the project had no plan for the year. */
export const loadedPlanSchema = z
  .object(
    {
      plannedInvestment: planAmount(false),
      planStart: planFlag(PLAN_LABELS.planStart),
      planProduction: planFlag(PLAN_LABELS.planProduction),
    },
    { error: "读取时的计划格式不正确" },
  )
  .nullable();

const cellsShape = {
  plannedInvestment: planAmount(false),
  planStart: planFlag(PLAN_LABELS.planStart),
  planProduction: planFlag(PLAN_LABELS.planProduction),
  note: planNote,
};

/**
 * One project's plan for one year, as lib/server/plans/write-year-plan.ts takes it. A blank
 * 本年计划投资 with neither flag removes the project from that year's plan. `expected` is
 * the plan the person loaded (null: none); when given and the stored plan differs, nothing
 * is written (CONFLICT). Leave `note` out to keep the note the plan has.
 */
export const writeYearPlanSchema = z.object(
  {
    projectId: idField("项目"),
    year: planYearSchema,
    ...cellsShape,
    expected: loadedPlanSchema.optional(),
  },
  { error: "请求格式不正确" },
);
export type WriteYearPlanInput = z.input<typeof writeYearPlanSchema>;
export type WriteYearPlanData = z.output<typeof writeYearPlanSchema>;

/** The PUT /api/v1/projects/{id}/plans/{year} body: 本年计划投资 required (0 allowed); DELETE removes a plan. */
export const apiYearPlanBodySchema = z.object(
  {
    plannedInvestment: planAmount(true),
    planStart: planFlag(PLAN_LABELS.planStart),
    planProduction: planFlag(PLAN_LABELS.planProduction),
    note: planNote,
  },
  { error: "请求体须为 JSON 对象" },
);

/** A whole plan for one project and year (setYearPlan, the API's PUT with the path's id and year). */
export const apiYearPlanSchema = apiYearPlanBodySchema.extend({ projectId: idField("项目"), year: planYearSchema });

/** One row of the park's plan grid. */
export const planGridRowSchema = z.object(
  {
    projectId: idField("项目"),
    ...cellsShape,
    expected: loadedPlanSchema.optional(),
  },
  { error: "计划行格式不正确" },
);

/** The park's plan grid for one year, saved in one transaction. */
export const parkPlansSaveSchema = z
  .object(
    {
      parkId: idField("园区"),
      year: planYearSchema,
      rows: z
        .array(planGridRowSchema, { error: "请提交要保存的计划行" })
        .min(1, "没有要保存的修改")
        .max(PLAN_GRID_MAX_ROWS, `一次最多保存 ${PLAN_GRID_MAX_ROWS} 行，请分页保存`),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.rows.forEach((r, i) => {
      if (seen.has(r.projectId)) ctx.addIssue({ code: "custom", path: ["rows", i, "projectId"], message: "同一项目在提交中出现了两次" });
      seen.add(r.projectId);
    });
  });
export type ParkPlansSaveInput = z.input<typeof parkPlansSaveSchema>;

export const PLAN_LIST_FILTERS = ["planned", "unplanned"] as const;
export const PLAN_LIST_FILTER_LABELS: Record<(typeof PLAN_LIST_FILTERS)[number], string> = { planned: "已列入计划", unplanned: "未列入计划" };

/** The park's plan list for a year: URL filters of /plans and the API's query (paged in SQL). */
export const parkPlansQuerySchema = z.object({
  year: planYearSchema.optional(),
  q: userString("搜索词").trim().max(100, "搜索词不能超过 100 个字符").optional(),
  only: z.enum(PLAN_LIST_FILTERS, { error: "筛选须为 planned（已列入计划）或 unplanned（未列入计划）" }).optional(),
  page: urlInt("页码", 1, 100_000).default(1),
  pageSize: urlInt("每页条数", 1, 100).default(50),
});
export type ParkPlansQuery = z.input<typeof parkPlansQuerySchema>;

/** The /plans page's URL: the park beside the list filters. */
export const plansPageSchema = parkPlansQuerySchema.extend({ park: urlId("园区").optional() });

/** The plan sheet's park and year (export and import), from a query string: both required. */
export const plansSheetQuerySchema = z
  .record(z.string(), z.unknown(), { error: "请求格式不正确" })
  .transform((v, ctx) => {
    const missing = (x: unknown) => x === undefined || x === null || x === "";
    const park = urlId("园区").safeParse(v.park);
    const year = planYearSchema.safeParse(v.year);
    if (missing(v.park)) ctx.addIssue({ code: "custom", path: ["park"], message: "请选择园区" });
    else if (!park.success) ctx.addIssue({ code: "custom", path: ["park"], message: park.error.issues[0].message });
    if (missing(v.year)) ctx.addIssue({ code: "custom", path: ["year"], message: "请选择计划年度" });
    else if (!year.success) ctx.addIssue({ code: "custom", path: ["year"], message: year.error.issues[0].message });
    return { park: park.data as number, year: year.data as number };
  });

/** One problem of an uploaded plan sheet, by row and column (the ledger import's shape, so its table shows them). */
export interface PlanSheetIssue {
  row: number;
  column: string;
  message: string;
}

/** The carry-over page's URL. */
export const carryOverPageSchema = z.object({
  park: urlId("园区").optional(),
  year: planYearSchema.optional(),
  mode: z.enum(CARRY_MODES, { error: "结转方式须为 remainder（结转未完成部分）或 entered（按原计划数）" }).optional(),
});

/** GET /api/v1/projects/{id}/plans: one year, or every year when left out. */
export const projectPlansQuerySchema = z.object({ year: planYearSchema.optional() });

/** Carry `year`'s unfinished plans of a park into year + 1. */
export const carryOverSchema = z.object(
  {
    parkId: idField("园区"),
    year: planYearSchema,
    mode: z.enum(CARRY_MODES, { error: "结转方式须为 remainder（结转未完成部分）或 entered（按原计划数）" }).default("remainder"),
  },
  { error: "请求格式不正确" },
);
export type CarryOverInput = z.input<typeof carryOverSchema>;

/** The confirmation of a carry-over: the projects its preview listed as carried, in its order. */
export const carryOverCommitSchema = z.object({
  projectIds: z.array(idField("项目"), { error: "请先预览结转结果再确认" }).max(10_000, "一次结转的项目不能超过 10000 个"),
});

/** The cells of a row as the domain rule takes them. */
export function cellsOf(v: { plannedInvestment: string | null; planStart: boolean; planProduction: boolean }): PlanCells {
  return { plannedInvestment: v.plannedInvestment, planStart: v.planStart, planProduction: v.planProduction };
}
