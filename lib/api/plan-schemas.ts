// Response shapes of the annual-plan endpoints (年度计划), as zod schemas the OpenAPI
// document and the integration tests share (see schemas.ts).

import { z } from "zod";
import { PROJECT_STATUSES, STAGES } from "@/lib/domain/stages";

const money = z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: "万元，两位小数的字符串（不用浮点数）", examples: ["1200.00"] });
const date = z.iso.date().meta({ description: "业务日期 YYYY-MM-DD（Asia/Shanghai）" });

export const yearPlanSchema = z
  .object({
    year: z.int().meta({ description: "计划年度" }),
    plannedInvestment: money.meta({ description: "本年计划投资（万元）" }),
    planStart: z.boolean().meta({ description: "计划本年开工" }),
    planProduction: z.boolean().meta({ description: "计划本年投产" }),
    note: z.string().nullable().meta({ description: "备注" }),
  })
  .meta({ id: "YearPlan", description: "项目某一年的年度计划" });

export const projectPlanYearSchema = yearPlanSchema
  .extend({
    completed: money.meta({ description: "该年完成投资（各月填报之和，万元）" }),
    started: z.boolean().meta({ description: "该年年底前已开工（按项目当前阶段与实际开工日期）" }),
    producing: z.boolean().meta({ description: "该年年底前已投产" }),
  })
  .meta({ id: "ProjectPlanYear" });

export const projectPlansSchema = z
  .object({ projectId: z.int(), plans: z.array(projectPlanYearSchema).meta({ description: "各年度计划，新的年度在前" }) })
  .meta({ id: "ProjectPlans" });

export const yearPlanSavedSchema = yearPlanSchema.extend({ projectId: z.int() }).meta({ id: "YearPlanSaved" });

export const yearPlanRemovedSchema = z
  .object({ projectId: z.int(), year: z.int(), removed: z.boolean().meta({ description: "true：已移出该年计划；false：本来就没有该年计划" }) })
  .meta({ id: "YearPlanRemoved" });

export const parkPlanRowSchema = z
  .object({
    projectId: z.int(),
    code: z.string(),
    name: z.string(),
    enterpriseName: z.string(),
    stage: z.enum(STAGES),
    status: z.enum(PROJECT_STATUSES),
    signedDate: date,
    actualStartDate: date.nullable(),
    actualProductionDate: date.nullable(),
    plan: z
      .object({ plannedInvestment: money, planStart: z.boolean(), planProduction: z.boolean(), note: z.string().nullable() })
      .nullable()
      .meta({ description: "该年的计划；null 表示未列入该年计划" }),
    completed: money.meta({ description: "该年完成投资（万元）" }),
  })
  .meta({ id: "ParkPlanRow" });

export const parkPlansSchema = z
  .object({
    parkId: z.int(),
    parkName: z.string(),
    year: z.int(),
    totals: z
      .object({ planned: z.int(), plannedInvestment: money, planStart: z.int(), planProduction: z.int(), completed: money })
      .meta({ description: "该年计划合计：列入计划的项目数、计划投资、计划开工数、计划投产数、计划内项目该年完成投资" }),
    items: z.array(parkPlanRowSchema).meta({ description: "本页项目：已列入计划的在前，按项目编号排序" }),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    pageCount: z.int(),
  })
  .meta({ id: "ParkPlans" });
