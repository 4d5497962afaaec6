// Response shapes of the rituals' endpoints (督办 /supervisions, 首问 /first-contact and the
// hand-off, 每月会商 /meetings and /meeting-tasks): the OpenAPI document is generated from
// them and tests/integration/rituals-api.test.ts parses real responses with them.

import { z } from "zod";
import { INTAKE_CHANNELS } from "@/lib/domain/first-contact";
import { ISSUE_STATUSES } from "@/lib/domain/issues";
import { MEETING_ITEM_KINDS } from "@/lib/domain/meetings";
import { SUPERVISION_STATUSES } from "@/lib/domain/supervision";

const date = z.iso.date().meta({ description: "业务日期 YYYY-MM-DD（Asia/Shanghai）" });
const instant = z.iso.datetime({ offset: true }).meta({ description: "时间戳 ISO 8601" });
const paging = { total: z.int(), page: z.int(), pageSize: z.int(), pageCount: z.int() };
const supervisionStatus = z.enum(SUPERVISION_STATUSES).meta({ description: "ISSUED 待回复 / REPLIED 待审核 / RETURNED 已退回 / CLOSED 已销号" });

// ---------------------------------------------------------------- 督办

export const supervisionRowSchema = z
  .object({
    id: z.int(),
    code: z.string().meta({ description: "编号 DB-<年>-<序号>" }),
    status: supervisionStatus,
    overdue: z.boolean().meta({ description: "待回复（或已退回）且已过办理时限" }),
    parkName: z.string(),
    subject: z.string().meta({ description: "督办事项" }),
    target: z.string().meta({ description: "督办对象：项目或问题" }),
    recipientName: z.string(),
    recipientUnit: z.string().nullable(),
    issuedByName: z.string(),
    issuedDate: date,
    deadline: date.meta({ description: "办理时限（工作日推算的日期）" }),
    closedDate: date.nullable(),
  })
  .meta({ id: "SupervisionListItem" });

export const supervisionListSchema = z.object({ items: z.array(supervisionRowSchema), ...paging }).meta({ id: "SupervisionList" });

export const supervisionDetailSchema = z
  .object({
    id: z.int(),
    code: z.string(),
    version: z.int().meta({ description: "回复、审核时须带回的版本号" }),
    status: supervisionStatus,
    overdue: z.boolean(),
    parkId: z.int(),
    parkName: z.string(),
    subject: z.string(),
    requirement: z.string().meta({ description: "整改要求" }),
    recipientUserId: z.int(),
    recipientName: z.string(),
    recipientUnit: z.string().nullable(),
    issuedByName: z.string(),
    issuedByTitle: z.string().nullable(),
    issuedDate: date,
    workdays: z.int(),
    deadline: date,
    closedDate: date.nullable(),
    project: z.object({ id: z.int(), code: z.string(), name: z.string(), enterpriseName: z.string() }).nullable(),
    issue: z.object({ id: z.int(), code: z.string(), title: z.string(), resolveDeadline: date }).nullable(),
    events: z.array(
      z.object({
        id: z.int(),
        type: z.enum(["ISSUED", "REPLIED", "RETURNED", "ACCEPTED"]).meta({ description: "ISSUED 下发 / REPLIED 回复 / RETURNED 退回 / ACCEPTED 销号" }),
        note: z.string().nullable(),
        actorName: z.string(),
        createdAt: instant,
        attachments: z.array(z.object({ id: z.int(), fileName: z.string(), size: z.int() })).meta({ description: "佐证材料，下载：/api/attachments/{id}" }),
      }),
    ),
    canReply: z.boolean().meta({ description: "调用者现在可以回复" }),
    canReview: z.boolean().meta({ description: "调用者现在可以销号或退回" }),
  })
  .meta({ id: "Supervision" });

export const supervisionIssuedSchema = z.object({ id: z.int(), code: z.string(), deadline: date }).meta({ id: "SupervisionIssued" });
export const supervisionRepliedSchema = z.object({ version: z.int() }).meta({ id: "SupervisionReplied" });
export const supervisionReviewedSchema = z.object({ version: z.int(), status: z.enum(["CLOSED", "RETURNED"]) }).meta({ id: "SupervisionReviewed" });

// ---------------------------------------------------------------- 首问

export const firstContactItemSchema = z
  .object({
    id: z.int().meta({ description: "问题 id（/problems/{id}）" }),
    code: z.string(),
    title: z.string(),
    parkId: z.int(),
    enterpriseName: z.string(),
    intakeChannel: z.enum([...INTAKE_CHANNELS, "VISIT"]).meta({ description: "来源：PHONE 电话 / WINDOW 窗口 / LETTER 来信 / ONLINE 网上" }),
    status: z.enum(ISSUE_STATUSES),
    receivedAt: instant.meta({ description: "受理时间" }),
    receiverName: z.string().nullable().meta({ description: "首问责任人" }),
    responsibleName: z.string().nullable().meta({ description: "负责人（接收移交的人）" }),
    resolveDeadline: date,
    acceptedAt: instant.nullable().meta({ description: "负责人接收时间；null 为待接收" }),
  })
  .meta({ id: "FirstContactItem" });

export const firstContactListSchema = z.object({ items: z.array(firstContactItemSchema), ...paging }).meta({ id: "FirstContactList" });

export const firstContactReceivedSchema = z
  .object({ id: z.int(), code: z.string(), handoffPending: z.boolean().meta({ description: "true：待负责人接收；false：调用者本人即负责人，已自动接收" }) })
  .meta({ id: "FirstContactReceived" });

export const handoffAcceptedSchema = z.object({ acceptedAt: instant }).meta({ id: "HandoffAccepted" });

// ---------------------------------------------------------------- 每月会商

const meetingStatus = z.enum(["PREPARED", "HELD"]).meta({ description: "PREPARED 议程已定 / HELD 已召开" });

export const meetingRowSchema = z
  .object({
    id: z.int(),
    scopeKey: z.string().meta({ description: "会商范围：park:<id> 或 region:<id>" }),
    parkId: z.int().nullable(),
    regionId: z.int().nullable(),
    title: z.string(),
    month: z.string().meta({ description: "会商月份 YYYY-MM" }),
    meetingDate: date.nullable(),
    status: meetingStatus,
    items: z.int().meta({ description: "议题数" }),
    decisions: z.int().meta({ description: "已议定的议题数" }),
    openTasks: z.int().meta({ description: "未办结的跟踪事项数" }),
  })
  .meta({ id: "MeetingListItem" });

export const meetingListSchema = z.object({ items: z.array(meetingRowSchema), ...paging }).meta({ id: "MeetingList" });

const taskSchema = z
  .object({
    id: z.int().meta({ description: "跟踪事项 id（/meeting-tasks/{id}/complete）" }),
    title: z.string(),
    ownerId: z.int(),
    ownerName: z.string(),
    workdays: z.int(),
    deadline: date,
    status: z.enum(["OPEN", "DONE"]),
    doneDate: date.nullable(),
    doneNote: z.string().nullable(),
    doneByName: z.string().nullable(),
    overdue: z.boolean(),
    stateLabel: z.string(),
  })
  .meta({ id: "MeetingTask" });

export const meetingDetailSchema = z
  .object({
    id: z.int(),
    scopeKey: z.string(),
    scopeName: z.string(),
    month: date.meta({ description: "会商月份的第一天" }),
    title: z.string(),
    meetingDate: date.nullable(),
    location: z.string().nullable(),
    status: meetingStatus,
    preparedByName: z.string(),
    canLead: z.boolean().meta({ description: "调用者可组织和记录本次会商" }),
    attendees: z.array(z.object({ userId: z.int().nullable(), name: z.string(), unit: z.string().nullable() })),
    items: z.array(
      z.object({
        id: z.int(),
        position: z.int(),
        kind: z.enum(MEETING_ITEM_KINDS).meta({ description: "ISSUE 企业诉求 / RED_PROJECT 亮红灯项目 / NOT_STARTED 应开工未开工 / STALE_PROJECT 阶段滞留 / FOLLOW_UP 往期跟踪事项 / FREE 其他议题" }),
        title: z.string(),
        reason: z.string().nullable(),
        projectId: z.int().nullable(),
        issueId: z.int().nullable(),
        carriedTaskId: z.int().nullable(),
        decision: z.object({ id: z.int(), text: z.string(), decidedByName: z.string(), at: instant, tasks: z.array(taskSchema) }).nullable(),
      }),
    ),
  })
  .meta({ id: "Meeting" });

export const agendaCandidatesSchema = z
  .object({
    scope: z.string(),
    scopeName: z.string(),
    month: z.string().meta({ description: "YYYY-MM" }),
    candidates: z.array(
      z.object({
        key: z.string().meta({ description: "议题键，定稿时放入 include" }),
        kind: z.enum(["ISSUE", "RED_PROJECT", "NOT_STARTED", "STALE_PROJECT", "FOLLOW_UP"]),
        title: z.string(),
        reason: z.string(),
        parkName: z.string(),
        projectId: z.int().nullable(),
        issueId: z.int().nullable(),
        taskId: z.int().nullable(),
      }),
    ),
  })
  .meta({ id: "MeetingAgendaCandidates" });

export const meetingPreparedSchema = z.object({ id: z.int() }).meta({ id: "MeetingPrepared" });
export const meetingTaskCompletedSchema = z.object({ id: z.int(), status: z.literal("DONE") }).meta({ id: "MeetingTaskCompleted" });
