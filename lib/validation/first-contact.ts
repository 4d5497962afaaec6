// Shapes of 首问责任: a problem received directly (电话/窗口/来信/网上) and the hand-off's 接收.

import { z } from "zod";
import { INTAKE_CHANNELS } from "@/lib/domain/first-contact";
import { createIssueSchema } from "./issues";
import { idField } from "./fields";
import { urlId, urlInt, urlPage } from "./url-filters";

/** A problem received directly: a problem's fields (no visit) and its 来源. */
export const receiveIssueSchema = createIssueSchema.omit({ visitId: true }).extend({
  intakeChannel: z.enum(INTAKE_CHANNELS, { error: "请选择来源（电话、窗口、来信或网上）" }),
});
export type ReceiveIssueInput = z.input<typeof receiveIssueSchema>;

export const acceptHandoffSchema = z.object({ issueId: idField("问题") }, { error: "请求格式不正确" });

/** 首问 items of the parks the caller reads (the REST list): park, 来源, hand-off state, "mine", page. */
export const firstContactFiltersSchema = z.object({
  park: urlId("园区").optional(),
  channel: z.enum(INTAKE_CHANNELS, { message: "来源须为 PHONE、WINDOW、LETTER 或 ONLINE" }).optional(),
  /** pending: not yet accepted by the responsible person; accepted: accepted. */
  state: z.enum(["pending", "accepted"], { message: "移交状态须为 pending（待接收）或 accepted（已接收）" }).optional(),
  /** received: I am the 首问责任人; toAccept: I am the responsible person asked to accept. */
  mine: z.enum(["received", "toAccept"], { message: "我的首问须为 received（我受理的）或 toAccept（待我接收的）" }).optional(),
  page: urlPage(),
  pageSize: urlInt("每页条数", 1, 100).default(20),
});
export type FirstContactFilters = z.infer<typeof firstContactFiltersSchema>;
