// Shapes of enterprise problems, visits, holidays and their list filters, as they arrive
// from a form, a server action or the API. Messages are Chinese and name the field; keys
// are the input's own ("problems.0.title"), so one error map serves the form. Rules that
// depend on the stored problem (which actions its status allows, dates against its
// deadlines) are lib/domain/issues.ts, run by the server.

import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import {
  ANSWER_MAX,
  DESCRIPTION_MAX,
  ISSUE_CATEGORIES,
  ISSUE_STATUSES,
  NOTE_MAX,
  PERSON_MAX,
  REASON_MAX,
  SATISFACTIONS,
  TITLE_MAX,
  UNIT_MAX,
  VISIT_KINDS,
} from "@/lib/domain/issues";
import { weekday } from "@/lib/domain/working-days";
import { type RawSearchParams, parseUrlFilters, urlDate, urlId, urlPage } from "./url-filters";
import { optionalDate, optionalText, requiredDate, requiredText, searchText } from "./fields";


// ---------------------------------------------------------------- field builders

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const MAX_INT = 2_147_483_647;

/** A record id (a select's value or a JSON number). */
const id = (label: string) =>
  z.coerce
    .number({ error: `请选择${label}` })
    .int(`${label}无效`)
    .min(1, `请选择${label}`)
    .max(MAX_INT, `${label}无效`);

/** An optional id: blank -> null. */
const optionalId = (label: string) => z.preprocess((v) => (isBlank(v) ? null : v), id(label).nullable()).optional().transform((v) => v ?? null);

const version = z.coerce.number({ error: "版本号无效，请刷新页面" }).int("版本号无效，请刷新页面").min(1, "版本号无效，请刷新页面");

const category = z.enum(ISSUE_CATEGORIES, { error: "请选择问题类别" });

// ---------------------------------------------------------------- problems

/** A problem as raised: on its own or within a visit (which supplies enterprise, project and date). */
const problemShape = {
  category,
  title: requiredText("问题标题", TITLE_MAX),
  description: requiredText("问题描述", DESCRIPTION_MAX),
  raisedBy: optionalText("企业反映人", PERSON_MAX),
  responsibleUnit: optionalText("责任单位", UNIT_MAX),
  /** Who answers for it; blank = the enterprise's liaison (or the person logging it). */
  responsibleUserId: optionalId("负责人"),
};

export const createIssueSchema = z.object(
  {
    enterpriseId: id("企业"),
    projectId: optionalId("项目"),
    visitId: optionalId("走访记录"),
    raisedDate: requiredDate("提出日期", { notFuture: true }),
    ...problemShape,
  },
  { error: "请求格式不正确" },
);
export type CreateIssueInput = z.input<typeof createIssueSchema>;
export type CreateIssueData = z.output<typeof createIssueSchema>;

// ---------------------------------------------------------------- lifecycle actions

const target = { issueId: id("问题"), version };

/**
 * One lifecycle action on a problem, discriminated by `action`. Texts are trimmed and
 * length-checked here; whether they are required in the problem's state is the rules'.
 */
export const issueActionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ ...target, action: z.literal("assign"), responsibleUnit: optionalText("责任单位", UNIT_MAX), responsibleUserId: optionalId("负责人"), note: optionalText("交办说明", NOTE_MAX) }),
    z.object({
      ...target,
      action: z.literal("reassign"),
      responsibleUnit: optionalText("责任单位", UNIT_MAX).optional(),
      responsibleUserId: z.preprocess((v) => (v === "" ? null : v), id("负责人").nullish()),
      note: optionalText("调整说明", NOTE_MAX),
    }),
    z.object({ ...target, action: z.literal("start"), note: optionalText("受理说明", NOTE_MAX) }),
    z.object({ ...target, action: z.literal("answer"), answer: optionalText("办理结果", ANSWER_MAX), date: optionalDate("反馈日期") }),
    z.object({
      ...target,
      action: z.literal("close"),
      satisfaction: z.enum(SATISFACTIONS, { error: "请选择企业满意度：满意、基本满意或不满意" }),
      date: optionalDate("销号日期"),
      note: optionalText("销号说明", NOTE_MAX),
    }),
    z.object({ ...target, action: z.literal("reopen"), note: optionalText("重新办理的原因", NOTE_MAX) }),
    z.object({ ...target, action: z.literal("escalate"), note: optionalText("提级协调的理由", NOTE_MAX) }),
    z.object({ ...target, action: z.literal("comment"), note: optionalText("备注内容", NOTE_MAX) }),
    z.object({
      ...target,
      action: z.literal("setDeadline"),
      resolveDeadline: optionalDate("办结时限"),
      answerDeadline: optionalDate("答复时限"),
      note: optionalText("调整说明", NOTE_MAX),
    }),
    z.object({ ...target, action: z.literal("requestExtension"), requestedDeadline: optionalDate("申请延至日期"), reason: optionalText("延期理由", REASON_MAX) }),
    z.object({
      ...target,
      action: z.literal("decideExtension"),
      extensionId: id("延期申请"),
      decision: z.enum(["APPROVED", "REJECTED"], { error: "请选择同意或不同意" }),
      note: optionalText("审批意见", NOTE_MAX),
    }),
  ],
  { error: "请选择要执行的操作" },
);
export type IssueActionInput = z.input<typeof issueActionSchema>;
export type IssueActionData = z.output<typeof issueActionSchema>;

// ---------------------------------------------------------------- visits

export const VISIT_PROBLEMS_MAX = 20;

export const createVisitSchema = z.object(
  {
    enterpriseId: id("企业"),
    projectId: optionalId("项目"),
    /** The liaison who made the visit; blank = the person logging it. */
    liaisonId: optionalId("包保责任人"),
    visitDate: requiredDate("走访日期", { notFuture: true }),
    kind: z.enum(VISIT_KINDS, { error: "请选择走访方式：走访、电话或座谈" }),
    peopleMet: optionalText("接待人员", 200),
    summary: requiredText("走访情况", DESCRIPTION_MAX),
    problems: z
      .array(z.object(problemShape, { error: "问题格式不正确" }), { error: "现场问题须为列表" })
      .max(VISIT_PROBLEMS_MAX, `一次走访最多登记 ${VISIT_PROBLEMS_MAX} 个问题`)
      .default([]),
  },
  { error: "请求格式不正确" },
);
export type CreateVisitInput = z.input<typeof createVisitSchema>;
export type CreateVisitData = z.output<typeof createVisitSchema>;

// ---------------------------------------------------------------- holidays

export const holidayUpsertSchema = z
  .object(
    {
      date: requiredDate("日期"),
      kind: z.enum(["HOLIDAY", "WORKDAY"], { error: "请选择类型：法定节假日或调休上班" }),
      name: requiredText("名称", 30),
    },
    { error: "请求格式不正确" },
  )
  .superRefine((v, ctx) => {
    // A 调休 working day only means something on a weekend.
    if (v.kind === "WORKDAY" && isIsoDate(v.date) && ![0, 6].includes(weekday(v.date))) {
      ctx.addIssue({ code: "custom", path: ["date"], message: "调休上班日须为周六或周日" });
    }
  });
export type HolidayUpsertInput = z.input<typeof holidayUpsertSchema>;
export type HolidayUpsertData = z.output<typeof holidayUpsertSchema>;

export const holidayDateSchema = requiredDate("日期");
export const holidayYearSchema = z.coerce.number({ error: "年份须为数字" }).int("年份须为整数").min(2000, "年份不能小于 2000").max(2100, "年份不能大于 2100");

// ---------------------------------------------------------------- list filters (URL)

export const ISSUE_PAGE_SIZES = [20, 50, 100] as const;
/** The page sizes the problem and visit lists offer (20 when absent). */
const listPageSize = () =>
  z.coerce
    .number({ message: "每页条数须为 20、50 或 100" })
    .refine((n) => (ISSUE_PAGE_SIZES as readonly number[]).includes(n), "每页条数须为 20、50 或 100")
    .default(20);

const flag = (label: string) => z.enum(["1"], { message: `${label}的取值须为 1` });

/**
 * The problems list's filters, as they travel in the URL. The figures (issue-figures.ts)
 * take the same filters, and every figure's set is these filters plus one more: 办结 =
 * status CLOSED, 满意 = satisfaction SATISFIED, a category's count = category, 超期 =
 * overdue. The period is the raised date (raisedFrom/raisedTo).
 */
export const issueFiltersSchema = z.object({
  park: urlId("园区").optional(),
  category: z.enum(ISSUE_CATEGORIES, { message: "问题类别无效" }).optional(),
  level: z.coerce.number({ message: "协调层级须为数字" }).int("协调层级须为 1、2 或 3").min(1, "协调层级须为 1、2 或 3").max(3, "协调层级须为 1、2 或 3").optional(),
  status: z.enum(ISSUE_STATUSES, { message: "问题状态无效" }).optional(),
  /** The active 包保责任人 of the problem's project or enterprise. */
  liaison: urlId("包保责任人").optional(),
  responsible: urlId("负责人").optional(),
  enterprise: urlId("企业").optional(),
  project: urlId("项目").optional(),
  satisfaction: z.enum(SATISFACTIONS, { message: "满意度无效" }).optional(),
  overdue: flag("只看超期").optional(),
  open: flag("只看未销号").optional(),
  /** My queue: open problems I answer for, cover as liaison or 包保领导, or (level 3) lead the park of. */
  mine: flag("我的待办").optional(),
  raisedFrom: urlDate("提出日期起").optional(),
  raisedTo: urlDate("提出日期止").optional(),
  closedFrom: urlDate("销号日期起").optional(),
  closedTo: urlDate("销号日期止").optional(),
  q: searchText().optional(),
  page: urlPage(),
  pageSize: listPageSize(),
});
export type IssueFilters = z.infer<typeof issueFiltersSchema>;
export const parseIssueFilters = (raw: RawSearchParams) => parseUrlFilters(issueFiltersSchema, raw);

/** The visits list's filters (page and API). `month` (YYYY-MM) narrows to one calendar month, on top of from/to. */
export const visitFiltersSchema = z.object({
  park: urlId("园区").optional(),
  enterprise: urlId("企业").optional(),
  project: urlId("项目").optional(),
  liaison: urlId("包保责任人").optional(),
  kind: z.enum(VISIT_KINDS, { message: "走访方式无效" }).optional(),
  month: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "走访月份格式须为 YYYY-MM（如 2026-05）")
    .optional(),
  from: urlDate("走访日期起").optional(),
  to: urlDate("走访日期止").optional(),
  /** Enterprise name or 统一社会信用代码, part of it. */
  q: searchText().optional(),
  page: urlPage(),
  pageSize: listPageSize(),
});
export type VisitFilters = z.infer<typeof visitFiltersSchema>;
export const parseVisitFilters = (raw: RawSearchParams) => parseUrlFilters(visitFiltersSchema, raw);

export const notificationFiltersSchema = z.object({
  unread: flag("只看未读").optional(),
  page: urlPage(),
  pageSize: z.coerce.number({ message: "每页条数须为数字" }).int("每页条数须为整数").min(1, "每页条数不能小于 1").max(100, "每页条数不能大于 100").default(20),
});
export type NotificationFilters = z.infer<typeof notificationFiltersSchema>;
export const parseNotificationFilters = (raw: RawSearchParams) => parseUrlFilters(notificationFiltersSchema, raw);

/** Ids of notifications to mark read (a JSON array or a single id). */
export const notificationIdsSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v : [v]),
  z.array(urlId("通知"), { error: "通知无效" }).min(1, "请选择通知").max(500, "一次最多标记 500 条通知"),
);
