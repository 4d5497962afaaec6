// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers
// use: request bodies and query parameters from lib/validation (io "input": what a caller
// sends), responses from lib/api/schemas.ts (io "output"). JSON Schema draft 2020-12 is
// OpenAPI 3.1's own dialect, so zod's output is used as is. The reference page
// /api-docs renders this same document.

import { z } from "zod";
import { todayInShanghai } from "@/lib/domain/dates";
import { PROJECT_FIELD_LABELS } from "@/lib/domain/project-fields";
import { API_TOKEN_SCOPE_LABELS } from "@/lib/domain/api-tokens";
import { createIssueSchema, createVisitSchema, issueActionSchema, issueFiltersSchema, visitFiltersSchema } from "@/lib/validation/issues";
import { ADMIN_OPERATIONS } from "./openapi-admin";
import { PLAN_OPERATIONS } from "./openapi-plans";
import { BULLETIN_OPERATIONS } from "./openapi-bulletins";
import { RITUAL_OPERATIONS } from "./openapi-rituals";
import { ENTERPRISE_FIELD_LABELS, enterpriseCreateSchema, enterpriseListSchema, enterpriseUpdateSchema } from "@/lib/validation/enterprises";
import { apiProgressBodySchema, apiProjectCreateSchema, apiProjectListSchema, apiTransitionSchema, projectPatchSchema } from "@/lib/validation/api-projects";
import { pagingSchema } from "@/lib/validation/progress";
import { indicatorScopeSchema } from "@/lib/validation/indicator-scope";
import { API_ERROR_EN, type ApiErrorCode } from "./errors";
import { API_RATE_LIMIT_PER_MINUTE } from "./rate-limit";
import * as S from "./schemas";
import { translateOpenApi } from "./openapi-en";
import type { Locale } from "@/lib/i18n/locales";

export type JsonSchema = Record<string, unknown>;

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Operation {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  description?: string;
  permission: string;
  pathParams?: { name: string; description: string }[];
  query?: z.ZodType;
  body?: { schema: z.ZodType; example: unknown; omit?: string[] };
  success: { status: number; description: string; schema: z.ZodType; example?: unknown };
  /** Another success status with the same body (e.g. 200 for a correction beside 201 for a first filing). */
  alsoSuccess?: { status: number; description: string };
  errors: ApiErrorCode[];
  public?: boolean;
  /** Field labels that differ for this operation (e.g. "year" of the indicators is the statistics year). */
  labels?: Record<string, string>;
}

/** Labels for fields that are not project record fields. */
const EXTRA_LABELS: Record<string, string> = {
  park: "园区 id",
  liaison: "包保责任人（用户 id）",
  year: "签约年份",
  stale: "只看滞留项目（取值 1）",
  q: "搜索词（名称、编号、企业）",
  cursor: "分页游标：上一页返回的 nextCursor",
  limit: "每页条数，1-100，默认 50",
  version: "读取时的版本号（乐观锁）",
  toStage: "目标阶段",
  landed: "落地信息（推进到落地及以上时）",
  started: "开工信息（推进到开工及以上时）",
  producing: "投产信息（推进到投产时）",
  note: "备注 / 说明",
  reason: "原因（后退更正、暂缓、终止时必填）",
  action: "操作",
  date: "日期",
  registrationDate: "注册日期",
  category: "问题类别",
  level: "协调层级 1-3",
  responsible: "负责人（用户 id）",
  enterprise: "企业 id",
  project: "项目 id",
  satisfaction: "满意度",
  overdue: "只看超期（取值 1）",
  open: "只看未销号（取值 1）",
  mine: "我的待办（取值 1）",
  raisedFrom: "提出日期起",
  raisedTo: "提出日期止",
  closedFrom: "销号日期起",
  closedTo: "销号日期止",
  page: "页码，默认 1",
  pageSize: "每页条数：20、50 或 100",
  enterpriseId: "企业 id",
  projectId: "项目 id（可空）",
  visitId: "走访记录 id（可空）",
  raisedDate: "提出日期",
  title: "问题标题",
  description: "问题描述",
  raisedBy: "企业反映人",
  responsibleUserId: "负责人（用户 id）",
  liaisonUserId: "包保责任人（用户 id，须有指派权限）",
  leaderUserId: "包保领导（用户 id，须有指派权限）",
  answer: "办理结果",
  resolveDeadline: "办结时限",
  answerDeadline: "答复时限",
  requestedDeadline: "申请延至日期",
  extensionId: "延期申请 id",
  decision: "审批结果",
  region: "市州 id（不与 park 同用）",
  through: "截止月份 1-12，默认上一个完整月份",
  cohort: "签约批次年份，默认同 year",
};
const LABELS: Record<string, string> = { ...PROJECT_FIELD_LABELS, ...EXTRA_LABELS };

/**
 * zod -> JSON Schema (draft 2020-12) without the per-schema "$schema" header. For request
 * objects, a field whose schema accepts a missing value (a preprocess that defaults it,
 * say) is not listed as required, whatever zod's conversion assumes.
 */
export function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  if (io === "input" && schema instanceof z.ZodObject && Array.isArray(out.required)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    out.required = (out.required as string[]).filter((k) => !shape[k] || !shape[k].safeParse(undefined).success);
    if ((out.required as string[]).length === 0) delete out.required;
  }
  return out;
}

const DATE_KEY = /(Date|Deadline|From|To|^date|On)$/;
const MONEY_KEYS = new Set(["totalInvestment", "contractInvestment", "registeredCapital", "plannedInvestmentThisYear", "investmentCompleted", "fundsArrived"]);

/** The label with the unit or format a caller must use. */
function withUnit(key: string, label: string): string {
  if (MONEY_KEYS.has(key)) return `${label}（万元，数字或字符串，最多两位小数）`;
  if (key === "landArea") return `${label}（亩）`;
  if (DATE_KEY.test(key) && !label.includes("YYYY")) return `${label}（YYYY-MM-DD）`;
  return label;
}

/** Adds the Chinese field labels as descriptions, through nested objects and unions. */
function describe(node: unknown, labels: Record<string, string> = LABELS): void {
  if (!node || typeof node !== "object") return;
  const s = node as JsonSchema;
  const props = s.properties as Record<string, JsonSchema> | undefined;
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      if (!prop.description && labels[key]) prop.description = withUnit(key, labels[key]);
      describe(prop, labels);
    }
  }
  for (const key of ["anyOf", "oneOf", "allOf"]) for (const branch of (s[key] as unknown[] | undefined) ?? []) describe(branch, labels);
  if (s.items) describe(s.items, labels);
}

/** Removes properties the path supplies (e.g. projectId) from a body schema and its union branches. */
function omitProps(node: JsonSchema, names: string[]): JsonSchema {
  const props = node.properties as Record<string, unknown> | undefined;
  if (props) for (const n of names) delete props[n];
  if (Array.isArray(node.required)) node.required = (node.required as string[]).filter((r) => !names.includes(r));
  for (const key of ["anyOf", "oneOf"]) for (const b of (node[key] as JsonSchema[] | undefined) ?? []) omitProps(b, names);
  return node;
}

const idParam = (what: string) => [{ name: "id", description: `${what} id` }];

// Examples use a real date so they pass the "not after today" rules when tried.
const today = todayInShanghai();

/** Every operation of /api/v1. The route folders under app/api/v1 are checked against this list by a test. */
export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/parks",
    tag: "园区",
    summary: "可访问的园区",
    description: "令牌所属的园区（登录用户：其角色范围内的园区）。",
    permission: "park.read",
    success: { status: 200, description: "园区列表", schema: S.parkListSchema },
    errors: ["UNAUTHENTICATED", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/projects",
    tag: "项目",
    summary: "项目列表（看板筛选，游标分页）",
    description:
      "筛选条件与项目看板相同（园区、产业链、级别、包保责任人、签约年份、滞留、搜索），另可按阶段、状态筛选。按 id 升序，用 `cursor`（上一页的 `nextCursor`）翻页；`total` 是整个筛选条件下的项目数。",
    permission: "project.read",
    query: apiProjectListSchema,
    success: { status: 200, description: "一页项目", schema: S.projectListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/projects",
    tag: "项目",
    summary: "新建签约项目",
    description:
      "与“新建项目”表单相同的校验与查重：同一园区内项目名称与投资主体完全相同的项目会被拒绝（409）。阶段为签约，编号自动生成。可同时填写期初累计完成投资与期初累计到位资金（开始月度填报之前的累计数，不填为 0）。不认识的字段返回 422 并逐个列出。",
    permission: "project.write",
    body: {
      schema: apiProjectCreateSchema,
      example: {
        parkId: 1,
        name: "年产 5 万吨新型建材项目",
        enterpriseName: "湖南某某新材料有限公司",
        industry: "新材料",
        keyLevel: "CITY",
        totalInvestment: "52000",
        contractInvestment: "50000",
        signedDate: today,
      },
    },
    success: { status: 201, description: "已创建（Location 头指向新项目）", schema: S.projectCreatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/projects/{id}",
    tag: "项目",
    summary: "项目详情",
    permission: "project.read",
    pathParams: idParam("项目"),
    success: { status: 200, description: "项目台账记录", schema: S.projectDetailSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED"],
  },
  {
    method: "patch",
    path: "/projects/{id}",
    tag: "项目",
    summary: "修改项目台账字段",
    description:
      "只发送要改的字段和读取时的 `version`；其余字段保持不变，合并后的记录按编辑表单的全部规则校验（期初累计完成投资、期初累计到位资金也可在此修改；已落地项目的注册日期不能清空）。版本号过期返回 409，并说明谁在何时改了哪些字段。阶段与状态请用 transitions。",
    permission: "project.write",
    pathParams: idParam("项目"),
    body: { schema: projectPatchSchema, example: { version: 3, totalInvestment: "56000", remark: "追加投资 4000 万元" } },
    success: { status: 200, description: "已保存", schema: S.projectUpdatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/projects/{id}/transitions",
    tag: "项目",
    summary: "阶段推进或状态变更",
    description:
      "请求体带 `toStage` 为阶段变更：向前推进须填写所到各阶段的业务日期（落地、开工、投产）与依据（落地须有注册日期），可一次跨多个阶段，需要 project.write（园区工作人员）；向后更正须填写原因且需要 project.correct（园区领导）。请求体带 `action`（SUSPEND 暂缓 / TERMINATE 终止 / RESUME 恢复推进）为状态变更，需要 project.correct：园区领导登录后即可调用。接口令牌没有 project.correct，只能向前推进。",
    permission: "project.write / project.correct",
    pathParams: idParam("项目"),
    body: { schema: apiTransitionSchema, example: { version: 3, toStage: "STARTED", landed: { date: today, registrationDate: today }, started: { date: today } } },
    success: { status: 200, description: "已变更", schema: S.transitionResultSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/projects/{id}/progress",
    tag: "月度进度",
    summary: "项目的月度填报",
    description: "各月的本月完成投资、到位资金、形象进度与存在问题（新的月份在前，页码分页），每月的填报与更正记录，以及累计与本年合计。",
    permission: "project.read",
    pathParams: idParam("项目"),
    query: pagingSchema,
    labels: { pageSize: "每页条数，1-200，默认 50" },
    success: { status: 200, description: "月报", schema: S.progressListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "put",
    path: "/projects/{id}/progress/{year}/{month}",
    tag: "月度进度",
    summary: "填报或更正某月进度",
    description:
      "只能填报已结束、且不早于项目开工的月份。首次填报不带 `version`（返回 201）；更正须带该月读取时的 `version`（返回 200），他人已更正时返回 409。需要 progress.file（读写令牌具备）。",
    permission: "progress.file",
    pathParams: [...idParam("项目"), { name: "year", description: "年份，如 2026" }, { name: "month", description: "月份 1-12" }],
    body: { schema: apiProgressBodySchema, example: { investmentCompleted: "1250.5", fundsArrived: "800", imageProgress: "主体结构封顶，设备进场", problems: null } },
    success: { status: 201, description: "已填报", schema: S.progressFiledSchema },
    alsoSuccess: { status: 200, description: "已更正" },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/problems",
    tag: "企业诉求",
    summary: "问题列表",
    description: "筛选条件与“企业诉求”页面相同；超期的排在最前。页码分页。",
    permission: "issue.read",
    query: issueFiltersSchema,
    success: { status: 200, description: "一页问题", schema: S.issueListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/problems",
    tag: "企业诉求",
    summary: "登记企业问题",
    description: "答复与办结时限按问题类别和工作日日历自动计算。",
    permission: "issue.write",
    body: {
      schema: createIssueSchema,
      example: { enterpriseId: 1, category: "UTILITIES", title: "厂区双回路供电尚未接通", description: "影响设备调试，企业希望本月内接通。", raisedDate: today },
    },
    success: { status: 201, description: "已登记", schema: S.issueCreatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/problems/{id}",
    tag: "企业诉求",
    summary: "问题详情与处理记录",
    description: "含处理记录（events，按时间先后）、延期申请，以及调用者现在可执行的操作（actions）。",
    permission: "issue.read",
    pathParams: idParam("问题"),
    success: { status: 200, description: "问题", schema: S.issueDetailSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/problems/{id}/actions",
    tag: "企业诉求",
    summary: "问题处理操作",
    description:
      "交办 assign、调整 reassign、受理 start、反馈 answer、销号 close（须带满意度）、重新办理 reopen、提级 escalate、备注 comment、调整时限 setDeadline、申请延期 requestExtension、审批延期 decideExtension。每一步须带读取时的 version。",
    permission: "issue.write",
    pathParams: idParam("问题"),
    body: { schema: issueActionSchema, omit: ["issueId"], example: { version: 2, action: "answer", answer: "已协调供电公司，11 月 30 日前接通。", date: today } },
    success: { status: 200, description: "已处理", schema: S.issueActedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/visits",
    tag: "走访记录",
    summary: "走访记录列表",
    description:
      "谁在何时以何种方式走访了哪家企业。可按园区、企业、项目、走访人、方式、月份（month，YYYY-MM）、日期区间和企业名称/信用代码筛选；新的在前，页码分页。只有包保责任人角色的用户只看到自己的走访和所包保企业、项目的走访。",
    permission: "issue.read",
    query: visitFiltersSchema,
    labels: { liaison: "走访人（用户 id）", kind: "走访方式", month: "走访月份 YYYY-MM", from: "走访日期起", to: "走访日期止", q: "搜索词（企业名称或统一社会信用代码）" },
    success: { status: 200, description: "一页走访记录", schema: S.visitListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/visits",
    tag: "走访记录",
    summary: "登记走访",
    description:
      "记录一次走访（ON_SITE 走访 / PHONE 电话 / MEETING 座谈）及企业现场反映的问题（problems，可为空）：每个问题按类别与工作日日历自动计算时限。只有包保责任人角色的用户只能登记本人对所包保企业、项目的走访；园区工作人员与领导可代本园区人员登记（liaisonId）。",
    permission: "issue.write",
    body: {
      schema: createVisitSchema,
      example: {
        enterpriseId: 1,
        visitDate: today,
        kind: "ON_SITE",
        peopleMet: "总经理 张三",
        summary: "了解二期厂房建设进度",
        problems: [{ category: "UTILITIES", title: "双回路供电尚未接通", description: "影响设备调试" }],
      },
    },
    labels: { liaisonId: "走访人（用户 id，默认为调用者）", visitDate: "走访日期", kind: "走访方式", peopleMet: "接待人员", summary: "走访情况", problems: "现场反映的问题" },
    success: { status: 201, description: "已登记", schema: S.visitCreatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/enterprises",
    tag: "企业档案",
    summary: "企业列表（一企一档）",
    description: "按企业名称或统一社会信用代码搜索、按园区筛选，按名称排序，页码分页；含项目数、未销号问题数与企业本身的现任包保责任人/包保领导。只有包保责任人角色的用户只看到所包保的企业（企业或其项目）。",
    permission: "project.read",
    query: enterpriseListSchema,
    labels: { q: "搜索词（企业名称或统一社会信用代码）" },
    success: { status: 200, description: "一页企业", schema: S.enterpriseListSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "post",
    path: "/enterprises",
    tag: "企业档案",
    summary: "新建企业档案",
    description: "不建项目也可建档。同一园区内企业名称、统一社会信用代码不能重复（同一公司在其他园区投资的，在该园区另建档案）；已归档的园区不能新建。",
    permission: "project.write",
    body: { schema: enterpriseCreateSchema, example: { parkId: 1, name: "湖南某某新材料有限公司", creditCode: "91431200MA4L0XXX1K", legalPerson: "张三", contactName: "李四", contactPhone: "0745-1234567", industry: "新材料" } },
    labels: ENTERPRISE_FIELD_LABELS,
    success: { status: 201, description: "已创建（Location 头指向新企业）", schema: S.enterpriseCreatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/enterprises/{id}",
    tag: "企业档案",
    summary: "企业档案详情",
    description: "企业信息与联系人、项目、最近的走访与问题、企业层面的现任与历任包保责任人/包保领导；同一统一社会信用代码在调用者可见的其他园区的项目（otherParks）。",
    permission: "project.read",
    pathParams: idParam("企业"),
    success: { status: 200, description: "企业档案", schema: S.enterpriseDetailSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED"],
  },
  {
    method: "patch",
    path: "/enterprises/{id}",
    tag: "企业档案",
    summary: "修改企业档案",
    description: "只发送要改的字段；发送空串或 null 清空可选字段。所属园区不能修改。名称与统一社会信用代码在园区内不能与其他企业重复。",
    permission: "project.write",
    pathParams: idParam("企业"),
    body: { schema: enterpriseUpdateSchema, omit: ["parkId"], example: { contactName: "王五", contactPhone: "13800000000", address: "怀化高新区创业路 1 号" } },
    labels: ENTERPRISE_FIELD_LABELS,
    success: { status: 200, description: "已保存", schema: S.enterpriseUpdatedSchema },
    errors: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/indicators",
    tag: "指标",
    summary: "领导看板指标",
    description:
      "与“领导看板”相同的数字：签约批次口径（履约率、落地率、开工率、投产率、资金到位率）与年度计划口径（开工率、投产率、投资完成率及与序时进度之差），以及应开工未开工项目。范围为一个园区（park）、一个市州（region）或令牌可见的全部园区；期间为 year 年 1 月至 through 月，签约批次默认为同一年；不带 year 时为今年截至上月，1 月份为上一年全年。所有数字按期末（月末；本月未结束时为今天）各项目的阶段与状态统计：期末之后的开工、投产、终止不计入。",
    permission: "dashboard.read",
    query: indicatorScopeSchema,
    labels: { park: "园区 id（可选）", year: "统计年度，默认今年" },
    success: { status: 200, description: "指标", schema: S.indicatorsSchema },
    errors: ["UNAUTHENTICATED", "NOT_FOUND", "VALIDATION", "RATE_LIMITED"],
  },
  {
    method: "get",
    path: "/openapi.json",
    tag: "文档",
    summary: "本接口的 OpenAPI 3.1 文档",
    description: "无需令牌。",
    permission: "",
    public: true,
    success: { status: 200, description: "OpenAPI 3.1 文档", schema: z.record(z.string(), z.unknown()) },
    errors: [],
  },
];

const ERROR_STATUS: Record<ApiErrorCode, string> = {
  BAD_REQUEST: "400",
  UNAUTHENTICATED: "401",
  FORBIDDEN: "403",
  NOT_FOUND: "404",
  CONFLICT: "409",
  VALIDATION: "422",
  RATE_LIMITED: "429",
  INTERNAL: "500",
};
/** The document's own words are Chinese (the source); lib/api/openapi-en.ts holds their English. */
const ERROR_ZH: Record<ApiErrorCode, string> = {
  BAD_REQUEST: "请求体不是有效的 JSON",
  UNAUTHENTICATED: "没有令牌，或令牌无效、已吊销、已过期",
  FORBIDDEN: "令牌或用户没有此权限（如只读令牌写入）",
  NOT_FOUND: "不存在，或不在令牌可访问的园区内",
  CONFLICT: "版本号已过期（他人已修改），或与已有记录重复",
  VALIDATION: "字段校验未通过，见 fields",
  RATE_LIMITED: `超过每个令牌每分钟 ${API_RATE_LIMIT_PER_MINUTE} 次的限制，按 Retry-After 秒数后重试`,
  INTERNAL: "服务器内部错误",
};
const ERROR_EN: Record<ApiErrorCode, string> = {
  ...API_ERROR_EN,
  RATE_LIMITED: `More than ${API_RATE_LIMIT_PER_MINUTE} requests a minute for this token; retry after the number of seconds in Retry-After.`,
};

/** The document's introduction, with the scopes and the rate limit filled in. */
function infoDescription(locale: Locale): string {
  const paragraphs =
    locale === "en"
      ? [
          "JSON endpoints for the project ledger, stage moves and enterprise problems, with the same rules and permissions as the web pages (the same zod validation and server functions).",
          `Authentication: \`Authorization: Bearer <token>\`. Tokens are created by an administrator on the "API tokens" page, limited to parks and a scope (read-only/read-write); the session cookie of a signed-in web user works too.`,
          `Rate limit: ${API_RATE_LIMIT_PER_MINUTE} requests a minute per token (in any 60 seconds, all server processes together); beyond that, 429 with Retry-After.`,
          "Errors: always `{ error: { code, message: { zh, en }, fields: [{ path, message, en }] } }` (`en`: the field message in English where known, else the Chinese). Amounts are strings in 10k CNY with two decimals; business dates are YYYY-MM-DD (Asia/Shanghai).",
        ]
      : [
          "项目台账、阶段推进与企业诉求的 JSON 接口，规则与权限和网页完全一致（同一套 zod 校验与服务端函数）。",
          `认证：\`Authorization: Bearer <令牌>\`。令牌由系统管理员在“接口令牌”页面创建，限定园区与权限（${Object.values(API_TOKEN_SCOPE_LABELS).join("/")}）；网页登录后的会话 Cookie 同样有效。`,
          `限流：每个令牌每分钟 ${API_RATE_LIMIT_PER_MINUTE} 次（任意 60 秒内，所有服务器进程合计），超出返回 429 与 Retry-After。`,
          "错误：统一为 `{ error: { code, message: { zh, en }, fields: [{ path, message, en }] } }`（`en` 为字段提示的英文，没有英文时同 message）。金额为万元、两位小数的字符串；业务日期为 YYYY-MM-DD（Asia/Shanghai）。",
        ];
  return paragraphs.join("\n\n");
}

function operationObject(op: Operation): JsonSchema {
  const parameters: JsonSchema[] = [];
  for (const p of op.pathParams ?? []) parameters.push({ name: p.name, in: "path", required: true, description: p.description, schema: { type: "integer", minimum: 1 } });
  if (op.query) {
    const q = toSchema(op.query, "input");
    describe(q, { ...LABELS, ...op.labels });
    const required = new Set((q.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((q.properties as Record<string, JsonSchema>) ?? {})) {
      const { description, ...rest } = schema;
      parameters.push({ name, in: "query", required: required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  const responses: Record<string, unknown> = {
    [String(op.success.status)]: {
      description: op.success.description,
      content: { "application/json": { schema: responseSchema(op.success.schema) } },
    },
  };
  if (op.alsoSuccess) {
    responses[String(op.alsoSuccess.status)] = { description: op.alsoSuccess.description, content: { "application/json": { schema: responseSchema(op.success.schema) } } };
  }
  for (const code of [...op.errors, "INTERNAL" as const]) {
    if (op.public && code === "INTERNAL") continue;
    responses[ERROR_STATUS[code]] = { $ref: `#/components/responses/${code}` };
  }
  const out: JsonSchema = {
    operationId: `${op.method}${op.path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9_]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    responses,
    ...(op.public ? { security: [] } : { "x-permission": op.permission }),
  };
  if (op.body) {
    const schema = omitProps(toSchema(op.body.schema, "input"), op.body.omit ?? []);
    describe(schema, { ...LABELS, ...op.labels });
    out.requestBody = { required: true, content: { "application/json": { schema, example: op.body.example } } };
  }
  return out;
}

/** A named response schema is a $ref to components; anything else inline. */
function responseSchema(schema: z.ZodType): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  return id ? { $ref: `#/components/schemas/${id}` } : toSchema(schema, "output");
}

function componentSchemas(): Record<string, JsonSchema> {
  const all = z.toJSONSchema(z.globalRegistry, { target: "draft-2020-12", io: "output", uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(all.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    out[id] = rest;
  }
  return out;
}

/** The ledger's operations, the published bulletins', the plans', the rituals' and the accounts/organisation ones (kept in their own files). */
const ALL_OPERATIONS: Operation[] = [...OPERATIONS.filter((o) => !o.public), ...BULLETIN_OPERATIONS, ...PLAN_OPERATIONS, ...RITUAL_OPERATIONS, ...OPERATIONS.filter((o) => o.public), ...ADMIN_OPERATIONS];

/**
 * The document in Chinese (the default) or in English: the English one is the Chinese one
 * with every text put through lib/api/openapi-en.ts (paths, field names, codes, permissions
 * and examples stay as they are).
 */
export function buildOpenApiDocument(locale: Locale = "zh-CN"): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of ALL_OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  const responses: Record<string, JsonSchema> = {};
  for (const code of Object.keys(ERROR_STATUS) as ApiErrorCode[]) {
    responses[code] = {
      description: locale === "en" ? ERROR_EN[code] : `${ERROR_ZH[code]} · ${API_ERROR_EN[code]}`,
      ...(code === "RATE_LIMITED" ? { headers: { "Retry-After": { description: "重试前等待的秒数", schema: { type: "integer" } } } } : {}),
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
  }
  const doc: JsonSchema = {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "园区项目推进系统 REST API",
      version: "1.0.0",
      description: infoDescription(locale),
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [...new Set(ALL_OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: componentSchemas(),
      responses,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "ppt_<前缀>_<密钥>", description: "系统管理员创建的接口令牌" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "网页登录会话（供本系统页面使用）" },
      },
    },
  };
  return locale === "en" ? translateOpenApi(doc) : doc;
}
