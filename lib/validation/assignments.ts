// 包保 forms as they arrive from a form or the API: assigning one project or enterprise,
// handing every assignment of a person to someone else, and the coverage list's URL
// filters. Messages name the field and the rule in Chinese; rules that need the stored
// data (who may be assigned, the current holder's start date) are checked by lib/server.

import { z } from "zod";
import { ASSIGNMENT_ROLES, ASSIGNMENT_ROLE_LABEL, ASSIGNMENT_TARGETS, type AssignmentRole } from "@/lib/domain/coverage";
import { type RawSearchParams, parseUrlFilters, urlPage } from "./url-filters";
import { optionalText, requiredDate, searchText } from "./fields";

/** Field labels, for messages and form labels. */
export const ASSIGNMENT_FIELD_LABELS = {
  targetType: "包保对象类型",
  targetId: "包保对象",
  role: "包保角色",
  userId: "包保人员",
  startDate: "开始日期",
  department: "责任单位",
  note: "备注",
  fromUserId: "原包保人员",
  toUserId: "接任人员",
  parkId: "园区",
} as const;
const L = ASSIGNMENT_FIELD_LABELS;

const INT_MAX = 2_147_483_647;
const missing = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** A required id (a select's value or a JSON number); `message` for missing and invalid alike. */
const requiredId = (message: string) =>
  z.preprocess((v) => (missing(v) ? undefined : v), z.coerce.number({ error: message }).int(message).min(1, message).max(INT_MAX, message));

/** An optional id; blank -> undefined. */
const optionalId = (message: string) =>
  z.preprocess((v) => (missing(v) ? undefined : v), z.coerce.number({ error: message }).int(message).min(1, message).max(INT_MAX, message).optional());

/** A business date typed as YYYY-MM-DD, today or earlier (see assignmentStartProblem). */
const startDate = (label: string) => requiredDate(label, { notFuture: true });

const role = z.enum(ASSIGNMENT_ROLES, { error: `请选择${L.role}（包保责任人或包保领导）` });

// ---------------------------------------------------------------- assign one target

/**
 * Assign (or reassign) the 包保责任人 or 包保领导 of one project or enterprise.
 * `currentAssignmentId` is the active assignment the form showed (null: none); when sent,
 * a different one found on saving is a conflict instead of a silent overwrite.
 */
export const assignSchema = z
  .object(
    {
      targetType: z.enum(ASSIGNMENT_TARGETS, { error: `请选择${L.targetType}（项目或企业）` }),
      targetId: requiredId(`请选择${L.targetId}`),
      role,
      // Checked below so the message names the role being assigned.
      userId: z.unknown().optional(),
      startDate: startDate(L.startDate),
      department: optionalText(L.department, 100),
      note: optionalText(L.note, 500),
      currentAssignmentId: z.preprocess(
        (v) => (v === "" || v === "null" ? null : v),
        z.coerce.number({ error: "页面数据已过期，请刷新后重试" }).int("页面数据已过期，请刷新后重试").min(1, "页面数据已过期，请刷新后重试").max(INT_MAX).nullish(),
      ),
    },
    { error: "请求格式不正确" },
  )
  // Runs even when other fields failed, so every problem shows at once.
  .superRefine(
    (v, ctx) => {
      if (typeof v !== "object" || v === null) return;
      const label = ASSIGNMENT_ROLE_LABEL[v.role as AssignmentRole] ?? L.userId;
      const parsed = requiredId(`请选择${label}`).safeParse(v.userId);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: ["userId"], message: parsed.error.issues[0].message });
    },
    { when: () => true },
  )
  .transform((v) => ({ ...v, userId: Number(v.userId) }));
export type AssignInput = z.input<typeof assignSchema>;
export type AssignData = z.output<typeof assignSchema>;

// ---------------------------------------------------------------- hand everything over

/**
 * A person leaves or changes post: every active assignment of `fromUserId` (optionally
 * only in one park, only one role) goes to `toUserId` from `startDate`.
 * `department` blank keeps each assignment's own 责任单位.
 */
export const bulkReassignSchema = z
  .object(
    {
      fromUserId: requiredId(`请选择${L.fromUserId}`),
      toUserId: requiredId(`请选择${L.toUserId}`),
      startDate: startDate("交接日期"),
      parkId: optionalId(`${L.parkId}无效`),
      role: z.preprocess((v) => (missing(v) ? undefined : v), role.optional()),
      department: optionalText(L.department, 100),
      note: optionalText(L.note, 500),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    if (v.fromUserId === v.toUserId) ctx.addIssue({ code: "custom", path: ["toUserId"], message: `${L.toUserId}不能与${L.fromUserId}相同` });
  });
export type BulkReassignInput = z.input<typeof bulkReassignSchema>;
export type BulkReassignData = z.output<typeof bulkReassignSchema>;

// ---------------------------------------------------------------- the coverage list (挂牌公示)

/** 500 is for printing a whole park on one sheet run. */
export const COVERAGE_PAGE_SIZES = [20, 50, 100, 500] as const;

export const coverageFiltersSchema = z.object({
  liaison: z.coerce.number({ message: "包保责任人须为数字" }).int("包保责任人无效").min(1, "包保责任人无效").max(INT_MAX, "包保责任人无效").optional(),
  q: searchText().optional(),
  uncovered: z
    .enum(["1", "true"], { message: "未覆盖筛选无效" })
    .transform(() => true)
    .optional(),
  page: urlPage(),
  pageSize: z.coerce
    .number({ message: "每页条数须为 20、50、100 或 500" })
    .refine((n) => (COVERAGE_PAGE_SIZES as readonly number[]).includes(n), "每页条数须为 20、50、100 或 500")
    .default(50),
});
export type CoverageFilters = z.infer<typeof coverageFiltersSchema>;
export const parseCoverageFilters = (raw: RawSearchParams) => parseUrlFilters(coverageFiltersSchema, raw);
