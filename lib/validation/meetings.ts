// Shapes of 每月会商 input from a form, a server action or a test. Rules that depend on the
// stored meeting (who leads its scope, its items) are lib/domain/meetings.ts and lib/server/meetings.

import { z } from "zod";
import {
  ATTENDEE_NAME_MAX,
  ATTENDEE_UNIT_MAX,
  DECISION_MAX,
  DONE_NOTE_MAX,
  EXTERNAL_ATTENDEES_MAX,
  ITEM_TITLE_MAX,
  LOCATION_MAX,
  MEETING_ITEM_KINDS,
  TASK_TITLE_MAX,
  TASK_WORKDAYS_MAX,
  TASK_WORKDAYS_MIN,
  TITLE_MAX,
  monthStart,
  parseScopeKey,
} from "@/lib/domain/meetings";
import { idField, optionalDate, optionalText, requiredText, userString } from "./fields";
import { urlId, urlInt, urlPage } from "./url-filters";

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** "park:<id>" or "region:<id>". */
export const scopeField = userString("会商范围")
  .refine((v) => parseScopeKey(v) !== null, "会商范围无效（须为一个园区或一个市州）")
  .transform((v) => parseScopeKey(v)!);

/** "YYYY-MM" -> the month's first day. */
export const monthField = userString("会商月份", (iss) => (iss.input === undefined || iss.input === null ? "请选择会商月份" : "会商月份须为文本"))
  .refine((v) => monthStart(v.trim()) !== null, "会商月份无效（格式 YYYY-MM）")
  .transform((v) => monthStart(v.trim())!);

/** An agenda candidate's key: "<KIND>:<id>" (ISSUE, RED_PROJECT, NOT_STARTED, STALE_PROJECT: the problem's or project's id; FOLLOW_UP: the task's). */
export const agendaKeyField = userString("议题")
  .refine((v) => /^(ISSUE|RED_PROJECT|NOT_STARTED|STALE_PROJECT|FOLLOW_UP):[1-9][0-9]{0,9}$/.test(v), "议题无效，请刷新页面后重选");

const list = <T extends z.ZodType>(item: T, label: string, max: number) =>
  z.preprocess((v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, `${label}不能超过 ${max} 项`));

export const prepareMeetingSchema = z.object(
  {
    scope: scopeField,
    month: monthField,
    title: optionalText("会议名称", TITLE_MAX),
    meetingDate: optionalDate("会议日期"),
    location: optionalText("会议地点", LOCATION_MAX),
    /** The candidates the leader keeps on the agenda. */
    include: list(agendaKeyField, "议题", 300),
    /** Free items (其他议题) by title; blank lines are dropped. */
    freeItems: list(userString("其他议题").trim().max(ITEM_TITLE_MAX, `其他议题不能超过 ${ITEM_TITLE_MAX} 个字符`), "其他议题", 30).transform((v) => v.filter((t) => t !== "")),
  },
  { error: "请求格式不正确" },
);
export type PrepareMeetingInput = z.input<typeof prepareMeetingSchema>;

export const addAgendaItemSchema = z.object(
  { meetingId: idField("会商"), title: requiredText("议题名称", ITEM_TITLE_MAX) },
  { error: "请求格式不正确" },
);

export const removeAgendaItemSchema = z.object({ itemId: idField("议题") }, { error: "请求格式不正确" });

const attendeeSchema = z.object(
  { name: requiredText("参会人员姓名", ATTENDEE_NAME_MAX), unit: optionalText("参会人员单位", ATTENDEE_UNIT_MAX) },
  { error: "参会人员格式不正确" },
);

export const recordAttendanceSchema = z.object(
  {
    meetingId: idField("会商"),
    meetingDate: optionalDate("会议日期", { notFuture: true }).refine((v) => v !== null, "请填写会议日期"),
    location: optionalText("会议地点", LOCATION_MAX),
    userIds: list(idField("参会人员"), "本园区参会人员", 200),
    /** Others: name and unit (free text). */
    external: list(attendeeSchema, "其他参会人员", EXTERNAL_ATTENDEES_MAX),
  },
  { error: "请求格式不正确" },
);

export const taskInputSchema = z.object(
  {
    title: requiredText("跟踪事项", TASK_TITLE_MAX),
    ownerId: z.preprocess((v) => (isBlank(v) ? undefined : v), idField("责任人").optional()).refine((v) => v !== undefined, "请选择责任人"),
    workdays: z.coerce
      .number({ error: "办理时限须为数字" })
      .int("办理时限须为整数（工作日）")
      .min(TASK_WORKDAYS_MIN, `办理时限至少 ${TASK_WORKDAYS_MIN} 个工作日`)
      .max(TASK_WORKDAYS_MAX, `办理时限不能超过 ${TASK_WORKDAYS_MAX} 个工作日`),
  },
  { error: "跟踪事项格式不正确" },
);

export const recordDecisionSchema = z.object(
  {
    itemId: idField("议题"),
    text: requiredText("议定事项", DECISION_MAX),
    tasks: list(taskInputSchema, "跟踪事项", 20),
  },
  { error: "请求格式不正确" },
);
export type RecordDecisionInput = z.input<typeof recordDecisionSchema>;

export const completeTaskSchema = z.object(
  { taskId: idField("跟踪事项"), note: requiredText("办理情况", DONE_NOTE_MAX) },
  { error: "请求格式不正确" },
);

export const meetingKindField = z.enum(MEETING_ITEM_KINDS, { error: "议题类型无效" });

/** The meetings list of the REST API: one park or one region (else every scope the caller reads), a month, a status; paged. */
export const meetingFiltersSchema = z
  .object({
    park: urlId("园区").optional(),
    region: urlId("市州").optional(),
    /** YYYY-MM, kept as sent (the list parses its filters again, so no transform here). */
    month: z
      .string({ message: "会商月份须为文本" })
      .trim()
      .refine((v) => monthStart(v) !== null, "会商月份无效（格式 YYYY-MM）")
      .optional(),
    status: z.enum(["PREPARED", "HELD"], { message: "会商状态须为 PREPARED（议程已定）或 HELD（已召开）" }).optional(),
    page: urlPage(),
    pageSize: urlInt("每页条数", 1, 100).default(20),
  })
  .superRefine((v, ctx) => {
    if (v.park && v.region) ctx.addIssue({ code: "custom", path: ["region"], message: "园区与市州只能选其一" });
  });
export type MeetingFilters = z.infer<typeof meetingFiltersSchema>;

/** The agenda candidates of a scope's month (before 定稿议程). */
export const agendaQuerySchema = z.object({ scope: scopeField, month: monthField });
