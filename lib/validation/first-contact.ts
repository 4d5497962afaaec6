// Shapes of 首问责任: a problem received directly (电话/窗口/来信/网上) and the hand-off's 接收.

import { z } from "zod";
import { INTAKE_CHANNELS } from "@/lib/domain/first-contact";
import { createIssueSchema } from "./issues";
import { idField } from "./fields";

/** A problem received directly: a problem's fields (no visit) and its 来源. */
export const receiveIssueSchema = createIssueSchema.omit({ visitId: true }).extend({
  intakeChannel: z.enum(INTAKE_CHANNELS, { error: "请选择来源（电话、窗口、来信或网上）" }),
});
export type ReceiveIssueInput = z.input<typeof receiveIssueSchema>;

export const acceptHandoffSchema = z.object({ issueId: idField("问题") }, { error: "请求格式不正确" });
