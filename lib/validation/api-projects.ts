// Query and body shapes of the REST API's project endpoints, built from the schemas the
// pages use (board filters, project record, transitions), so the rules stay one set.

import { z } from "zod";
import { PROJECT_STATUSES, STAGES } from "@/lib/domain/stages";
import { boardFiltersSchema } from "./board-filters";
import { projectCreateSchema, projectUpdateSchema } from "./project";
import { moveStageSchema, statusChangeSchema } from "./transition";
import { progressReportSchema } from "./progress";

export const API_PAGE_LIMIT_MAX = 100;

/** An opaque cursor: the id of the last item of the previous page. */
export const cursorSchema = z.coerce
  .number({ error: "分页游标无效" })
  .int("分页游标无效")
  .min(1, "分页游标无效")
  .max(2_147_483_647, "分页游标无效");

export const limitSchema = z.coerce
  .number({ error: "每页条数须为数字" })
  .int("每页条数须为整数")
  .min(1, "每页条数不能小于 1")
  .max(API_PAGE_LIMIT_MAX, `每页条数不能大于 ${API_PAGE_LIMIT_MAX}`)
  .default(50);

/** GET /projects: the board's filters plus stage and status, paged by id. */
export const apiProjectListSchema = boardFiltersSchema.extend({
  stage: z.enum(STAGES, { message: "阶段须为 SIGNED/LANDED/STARTED/PRODUCING 之一" }).optional(),
  status: z.enum(PROJECT_STATUSES, { message: "状态须为 ACTIVE/SUSPENDED/TERMINATED 之一" }).optional(),
  cursor: cursorSchema.optional(),
  limit: limitSchema,
});
export type ApiProjectListQuery = z.infer<typeof apiProjectListSchema>;

/**
 * POST /projects: the create form's record (opening balances, 形象进度 and the 包保 people
 * included). Unknown fields are refused as PATCH refuses them, naming each one.
 */
export const apiProjectCreateSchema = projectCreateSchema.strict();

/**
 * PATCH /projects/{id}: any fields of the record plus the version read. Unknown fields are
 * refused (a misspelt field would otherwise be silently ignored); the merged record is then
 * checked by projectUpdateSchema, cross-field rules included.
 */
export const projectPatchSchema = z
  .object(
    Object.fromEntries(Object.entries(projectUpdateSchema.shape).map(([k, s]) => [k, k === "version" ? s : (s as z.ZodType).optional()])) as {
      [K in keyof typeof projectUpdateSchema.shape]: K extends "version" ? (typeof projectUpdateSchema.shape)[K] : z.ZodOptional<(typeof projectUpdateSchema.shape)[K]>;
    },
    { error: "请求格式不正确" },
  )
  .strict();

/** POST /projects/{id}/transitions: a stage move (toStage) or a status change (action); the project is the path's. */
export const apiStageMoveSchema = moveStageSchema.omit({ projectId: true });
export const apiStatusChangeSchema = statusChangeSchema.omit({ projectId: true });
export const apiTransitionSchema = z.union([apiStageMoveSchema, apiStatusChangeSchema]);


/** PUT /projects/{id}/progress/{year}/{month}: the month's figures; project, year and month come from the path. */
export const apiProgressBodySchema = progressReportSchema.omit({ projectId: true, year: true, month: true });
