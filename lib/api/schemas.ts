// Response shapes of the REST API as zod schemas: the OpenAPI document is generated from
// them (with the request schemas of lib/validation), the handlers' mappers are typed by
// them, and the integration tests parse real responses with them, so the document cannot
// drift from what the server sends.

import { z } from "zod";
import { ISSUE_ACTIONS, ISSUE_CATEGORIES, ISSUE_EVENT_TYPES, ISSUE_STATUSES, SATISFACTIONS, VISIT_KINDS } from "@/lib/domain/issues";
import { PROJECT_STATUSES, STAGES } from "@/lib/domain/stages";
import { PROJECT_KEY_LEVELS, PROJECT_SOURCES } from "@/lib/validation/project";

const money = z.string().regex(/^-?\d+\.\d{2}$/).meta({ description: "万元，两位小数的字符串（不用浮点数）", examples: ["12500.00"] });
const date = z.iso.date().meta({ description: "业务日期 YYYY-MM-DD（Asia/Shanghai）" });
const instant = z.iso.datetime({ offset: true }).meta({ description: "时间戳 ISO 8601" });
const stage = z.enum(STAGES).meta({ description: "阶段：SIGNED 签约 / LANDED 落地 / STARTED 开工 / PRODUCING 投产" });
const status = z.enum(PROJECT_STATUSES).meta({ description: "状态：ACTIVE 正常推进 / SUSPENDED 暂缓 / TERMINATED 终止" });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "RATE_LIMITED", "INTERNAL"]),
      message: z.object({ zh: z.string(), en: z.string() }),
      fields: z.array(
        z.object({
          path: z.string().meta({ description: "输入中的字段路径，如 landed.date；空串表示整个请求" }),
          message: z.string().meta({ description: "该字段的中文提示（与网页表单一致）" }),
          en: z.string().meta({ description: "message 的英文；没有英文时同 message" }),
        }),
      ),
    }),
  })
  .meta({ id: "Error", description: "所有错误的统一格式" });

export const parkSchema = z.object({ id: z.int(), code: z.string(), name: z.string(), regionName: z.string() }).meta({ id: "Park" });
export const parkListSchema = z.object({ items: z.array(parkSchema) }).meta({ id: "ParkList" });

export const projectListItemSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    name: z.string(),
    version: z.int(),
    parkId: z.int(),
    parkName: z.string(),
    enterpriseName: z.string(),
    industry: z.string(),
    keyLevel: z.enum(PROJECT_KEY_LEVELS),
    stage,
    status,
    stageDate: date,
    signedDate: date,
    daysInStage: z.int(),
    stale: z.boolean().meta({ description: "在当前阶段停留超过园区设定的天数" }),
    totalInvestment: money,
    contractInvestment: money,
    liaisonName: z.string().nullable(),
  })
  .meta({ id: "ProjectListItem" });

export const projectListSchema = z
  .object({
    items: z.array(projectListItemSchema),
    total: z.int().meta({ description: "整个筛选条件下的项目数" }),
    nextCursor: z.string().nullable().meta({ description: "下一页的 cursor 参数；null 表示没有下一页" }),
  })
  .meta({ id: "ProjectList" });

export const projectDetailSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    version: z.int().meta({ description: "乐观锁版本号：修改、阶段变更时须原样带回" }),
    parkId: z.int(),
    parkName: z.string(),
    regionName: z.string(),
    name: z.string(),
    enterprise: z.object({
      id: z.int(),
      name: z.string(),
      creditCode: z.string().nullable(),
      legalPerson: z.string().nullable(),
      contactName: z.string().nullable(),
      contactPhone: z.string().nullable(),
    }),
    industry: z.string(),
    source: z.enum(PROJECT_SOURCES),
    keyLevel: z.enum(PROJECT_KEY_LEVELS),
    specialLists: z.array(z.string()),
    content: z.string().nullable(),
    totalInvestment: money,
    contractInvestment: money,
    registeredCapital: money.nullable(),
    landArea: money.nullable().meta({ description: "用地（亩）" }),
    investmentCompletedBefore: money,
    fundsArrivedBefore: money,
    signedDate: date,
    registeredDate: date.nullable(),
    landSuppliedDate: date.nullable(),
    landedDate: date.nullable(),
    plannedStartDate: date.nullable(),
    actualStartDate: date.nullable(),
    plannedProductionDate: date.nullable(),
    actualProductionDate: date.nullable(),
    capacity: z.string().nullable(),
    stage,
    stageDate: date,
    status,
    statusDate: date.nullable(),
    statusReason: z.string().nullable(),
    imageProgress: z.string().nullable(),
    problems: z.string().nullable(),
    responsibleUnit: z.string().nullable(),
    remark: z.string().nullable(),
    yearPlans: z.array(z.object({ year: z.int(), plannedInvestment: money, planStart: z.boolean(), planProduction: z.boolean() })),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Project" });

export const projectCreatedSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    duplicates: z
      .array(z.object({ id: z.int(), code: z.string(), name: z.string(), enterpriseName: z.string() }).loose())
      .meta({ description: "名称或企业相近的已有项目（提示，不阻止创建）" }),
  })
  .meta({ id: "ProjectCreated" });

export const projectUpdatedSchema = z
  .object({ version: z.int().meta({ description: "新的版本号" }), changed: z.array(z.string()).meta({ description: "实际修改的字段" }) })
  .meta({ id: "ProjectUpdated" });

export const transitionResultSchema = z.object({ version: z.int().meta({ description: "新的版本号" }) }).meta({ id: "TransitionResult" });

export const issueListItemSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    version: z.int(),
    title: z.string(),
    category: z.enum(ISSUE_CATEGORIES),
    status: z.enum(ISSUE_STATUSES),
    level: z.int().meta({ description: "协调层级 1-3" }),
    parkId: z.int(),
    parkName: z.string(),
    enterpriseId: z.int(),
    enterpriseName: z.string(),
    projectId: z.int().nullable(),
    projectName: z.string().nullable(),
    raisedDate: date,
    answerDeadline: date.nullable(),
    resolveDeadline: date,
    closedDate: date.nullable(),
    satisfaction: z.enum(SATISFACTIONS).nullable(),
    responsibleUnit: z.string().nullable(),
    responsibleUserId: z.int().nullable(),
    responsibleName: z.string().nullable(),
    liaisonName: z.string().nullable(),
    reopenCount: z.int(),
    overdue: z.boolean(),
    overdueDays: z.int(),
    extensionPending: z.boolean(),
  })
  .meta({ id: "ProblemListItem" });

export const issueListSchema = z
  .object({ items: z.array(issueListItemSchema), total: z.int(), page: z.int(), pageSize: z.int(), pageCount: z.int() })
  .meta({ id: "ProblemList" });

const person = z.object({ id: z.int(), name: z.string() });

export const issueDetailSchema = issueListItemSchema
  .omit({ parkName: true, liaisonName: true, overdueDays: true, extensionPending: true, responsibleName: true })
  .extend({
    description: z.string(),
    parkName: z.string(),
    projectCode: z.string().nullable(),
    visitId: z.int().nullable(),
    visitDate: date.nullable(),
    raisedBy: z.string().nullable(),
    reporterId: z.int(),
    reporterName: z.string(),
    responsibleName: z.string().nullable(),
    answeredDate: date.nullable(),
    answer: z.string().nullable(),
    dueSoon: z.boolean(),
    liaisons: z.array(person),
    leaders: z.array(person),
    events: z.array(
      z.object({
        id: z.int(),
        type: z.enum(ISSUE_EVENT_TYPES),
        fromStatus: z.enum(ISSUE_STATUSES).nullable(),
        toStatus: z.enum(ISSUE_STATUSES).nullable(),
        fromLevel: z.int().nullable(),
        toLevel: z.int().nullable(),
        note: z.string().nullable(),
        data: z.record(z.string(), z.unknown()).nullable(),
        actorId: z.int(),
        actorName: z.string(),
        at: instant,
      }),
    ),
    extensions: z.array(
      z.object({
        id: z.int(),
        requestedDeadline: date,
        reason: z.string(),
        status: z.enum(["PENDING", "APPROVED", "REJECTED"]),
        requestedByName: z.string(),
        decidedByName: z.string().nullable(),
        decidedAt: instant.nullable(),
        decisionNote: z.string().nullable(),
        createdAt: instant,
      }),
    ),
    permissions: z.object({ write: z.boolean(), lead: z.boolean() }),
    actions: z.array(z.enum(ISSUE_ACTIONS)).meta({ description: "调用者现在可以执行的操作（POST /problems/{id}/actions 的 action）" }),
  })
  .meta({ id: "Problem" });

export const issueCreatedSchema = z.object({ id: z.int(), code: z.string(), version: z.int() }).meta({ id: "ProblemCreated" });

export const issueActedSchema = z
  .object({ version: z.int(), status: z.enum(ISSUE_STATUSES), level: z.int() })
  .meta({ id: "ProblemActionResult" });

export const visitListItemSchema = z
  .object({
    id: z.int(),
    visitDate: date.meta({ description: "走访日期" }),
    kind: z.enum(VISIT_KINDS).meta({ description: "方式：ON_SITE 走访 / PHONE 电话 / MEETING 座谈" }),
    peopleMet: z.string().nullable().meta({ description: "会见人员" }),
    summary: z.string().meta({ description: "走访情况" }),
    parkId: z.int(),
    parkName: z.string(),
    enterpriseId: z.int(),
    enterpriseName: z.string(),
    projectId: z.int().nullable(),
    projectName: z.string().nullable(),
    liaisonId: z.int().meta({ description: "走访人（包保责任人）用户 id" }),
    liaisonName: z.string(),
    issueCount: z.int().meta({ description: "本次走访登记的问题数" }),
  })
  .meta({ id: "VisitListItem" });

export const visitListSchema = z
  .object({ items: z.array(visitListItemSchema), total: z.int(), page: z.int(), pageSize: z.int(), pageCount: z.int() })
  .meta({ id: "VisitList" });

export const visitCreatedSchema = z
  .object({
    id: z.int(),
    issues: z.array(z.object({ id: z.int(), code: z.string() })).meta({ description: "随走访登记的问题（编号按登记顺序）" }),
  })
  .meta({ id: "VisitCreated" });

// ---------------------------------------------------------------- enterprises (一企一档)

const holder = z
  .object({ userId: z.int(), name: z.string(), phone: z.string().nullable() })
  .nullable()
  .meta({ description: "企业本身的现任包保人员（不含经由项目的包保）；null 表示未落实" });

export const enterpriseListItemSchema = z
  .object({
    id: z.int(),
    name: z.string(),
    creditCode: z.string().nullable().meta({ description: "统一社会信用代码" }),
    parkId: z.int(),
    parkName: z.string(),
    industry: z.string().nullable(),
    legalPerson: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    projectCount: z.int().meta({ description: "调用者可见的项目数" }),
    openIssueCount: z.int().meta({ description: "未销号的问题数" }),
    liaison: holder,
    leader: holder,
  })
  .meta({ id: "EnterpriseListItem" });

export const enterpriseListSchema = z
  .object({ items: z.array(enterpriseListItemSchema), total: z.int(), page: z.int(), pageSize: z.int(), pageCount: z.int() })
  .meta({ id: "EnterpriseList" });

const enterpriseProject = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  industry: z.string(),
  stage,
  status,
  signedDate: date,
  totalInvestment: money,
  liaisonName: z.string().nullable(),
});

export const enterpriseDetailSchema = z
  .object({
    id: z.int(),
    name: z.string(),
    creditCode: z.string().nullable(),
    legalPerson: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    address: z.string().nullable(),
    industry: z.string().nullable(),
    park: z.object({ id: z.int(), name: z.string(), regionName: z.string(), archived: z.boolean() }),
    createdAt: instant,
    updatedAt: instant,
    projects: z.array(enterpriseProject).meta({ description: "本企业在本园区的项目（调用者可见的）" }),
    otherParks: z
      .array(z.object({ id: z.int(), name: z.string(), parkId: z.int(), parkName: z.string(), projects: z.array(enterpriseProject) }))
      .meta({ description: "同一统一社会信用代码在其他园区的企业档案及调用者可见的项目" }),
    visits: z.object({
      items: z.array(
        z.object({
          id: z.int(),
          visitDate: date,
          kind: z.enum(VISIT_KINDS),
          liaisonName: z.string(),
          projectName: z.string().nullable(),
          peopleMet: z.string().nullable(),
          summary: z.string(),
        }),
      ),
      total: z.int(),
    }).meta({ description: "最近的走访（最多 20 条）与总数；全部走访见 GET /visits?enterprise=" }),
    problems: z.object({
      items: z.array(
        z.object({
          id: z.int(),
          code: z.string(),
          title: z.string(),
          category: z.enum(ISSUE_CATEGORIES),
          status: z.enum(ISSUE_STATUSES),
          level: z.int(),
          raisedDate: date,
          resolveDeadline: date,
          closedDate: date.nullable(),
          projectName: z.string().nullable(),
        }),
      ),
      total: z.int(),
      open: z.int(),
    }).meta({ description: "问题（未销号的在前，最多 20 条）、总数与未销号数；全部问题见 GET /problems?enterprise=" }),
    assignments: z
      .array(
        z.object({
          id: z.int(),
          role: z.enum(["LIAISON", "LEADER"]),
          userId: z.int(),
          userName: z.string(),
          userPhone: z.string().nullable(),
          department: z.string().nullable(),
          startDate: date,
          endDate: date.nullable().meta({ description: "不再负责的第一天；null 为现任" }),
          active: z.boolean(),
          note: z.string().nullable(),
          createdByName: z.string().nullable(),
          createdAt: instant,
        }),
      )
      .meta({ description: "企业层面的包保责任人/包保领导，现任在前，再按开始日期新到旧" }),
    can: z
      .object({ edit: z.boolean(), assign: z.boolean(), merge: z.boolean(), logVisit: z.boolean() })
      .meta({ description: "调用者在此企业上可做的操作" }),
  })
  .meta({ id: "Enterprise" });

export const enterpriseCreatedSchema = z.object({ id: z.int() }).meta({ id: "EnterpriseCreated" });

export const enterpriseUpdatedSchema = z
  .object({ id: z.int(), changed: z.array(z.string()).meta({ description: "实际修改的字段；为空表示没有变化，未写入" }) })
  .meta({ id: "EnterpriseUpdated" });

// ---------------------------------------------------------------- indicators (the dashboard's figures)

const amount = z.string().regex(/^-?\d+(\.\d+)?$/).meta({ description: "万元（字符串）" });
const count = z.int();

export const indicatorsSchema = z
  .object({
    period: z.object({
      year: z.int().meta({ description: "统计年度" }),
      through: z.int().meta({ description: "截止月份（1-12）" }),
      cohort: z.int().meta({ description: "签约批次年份" }),
    }),
    asOf: date.meta({ description: "统计截至日：期末（本月未结束时为今天）。各项目的阶段、状态和“应开工”均按该日的情况计算" }),
    parkIds: z.array(z.int()).meta({ description: "统计范围内的园区" }),
    counts: z.object({
      signed: count,
      honoured: count,
      terminated: count,
      suspended: count,
      landed: count,
      started: count,
      producing: count,
      contractInvestment: amount,
      honouredContractInvestment: amount,
      fundsArrived: amount,
      planned: count,
      planStart: count,
      planStarted: count,
      planDue: count,
      planDueStarted: count,
      planProduction: count,
      planProducing: count,
      plannedInvestment: amount,
      yearCompleted: amount,
      totalInvestment: amount,
      totalCompleted: amount,
      dueNotStarted: count,
    }),
    indicators: z.array(
      z.object({
        key: z.enum(["fulfilment", "landing", "startCohort", "startPlan", "startPlanDue", "productionCohort", "productionPlan", "funds", "investmentYear", "investmentTotal"]),
        label: z.string(),
        convention: z.enum(["签约批次口径", "年度计划口径"]),
        formula: z.string(),
        numerator: z.union([z.number(), z.string()]),
        denominator: z.union([z.number(), z.string()]),
        unit: z.enum(["count", "money"]),
        rate: z.number().nullable().meta({ description: "比率（0-1，可能超过 1）；分母为 0 时为 null" }),
        numeratorMetric: z.string(),
        denominatorMetric: z.string(),
        pointsAgainstTime: z.number().nullable().optional().meta({ description: "本年投资完成率与序时进度之差（百分点）" }),
      }),
    ),
    timeProgress: z.number().meta({ description: "序时进度：已过月数 ÷ 12" }),
    boardColumns: z.object({ SIGNED: count, LANDED: count, STARTED: count, PRODUCING: count, SUSPENDED: count, TERMINATED: count }),
    dueNotStarted: z
      .array(
        z.object({
          id: z.int(),
          code: z.string(),
          name: z.string(),
          parkName: z.string(),
          stage,
          status,
          plannedStartDate: date,
          daysLate: z.int(),
          reason: z.string().nullable(),
          openIssues: z.int(),
        }),
      )
      .meta({ description: "应开工未开工项目（前 20 个，按计划开工日期）" }),
  })
  .meta({ id: "Indicators" });

// ---------------------------------------------------------------- monthly progress (月度填报)

export const progressListSchema = z
  .object({
    rows: z.array(
      z.object({
        id: z.int(),
        year: z.int(),
        month: z.int(),
        investmentCompleted: money.meta({ description: "本月完成投资（万元）" }),
        fundsArrived: money.meta({ description: "本月到位资金（万元）" }),
        imageProgress: z.string().nullable(),
        problems: z.string().nullable(),
        version: z.int().meta({ description: "更正该月时须带回的版本号" }),
        filedByName: z.string(),
        filedAt: instant,
      }),
    ),
    history: z
      .array(
        z.object({
          reportId: z.int(),
          action: z.enum(["progress.file", "progress.correct"]),
          at: instant,
          actorName: z.string().nullable(),
          before: z.record(z.string(), z.unknown()).nullable(),
          after: z.record(z.string(), z.unknown()).nullable(),
        }),
      )
      .meta({ description: "本页各月的填报与更正记录（新的在前）" }),
    totals: z
      .object({ investmentTotal: amount, fundsTotal: amount, investmentYear: amount, fundsYear: amount })
      .meta({ description: "累计（含期初余额）与本年合计，万元" }),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    pageCount: z.int(),
  })
  .meta({ id: "ProgressReports" });

export const progressFiledSchema = z
  .object({ id: z.int(), projectId: z.int(), year: z.int(), month: z.int(), version: z.int(), created: z.boolean().meta({ description: "true 为首次填报（201），false 为更正（200）" }) })
  .meta({ id: "ProgressFiled" });
