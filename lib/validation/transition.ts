// Shapes of stage moves and status changes as they arrive from a dialog or the API.
// These check types and lengths only; the rules (dates, order, evidence, which moves are
// possible) are lib/domain/transitions.ts, run by the server against the stored project.
// Field keys match those of the rules ("landed.date", "reason", ...), so one error map
// serves the dialog.

import { z } from "zod";
import { STAGES } from "@/lib/domain/stages";
import { userString } from "./fields";
import { STATUS_ACTIONS, NOTE_MAX, REASON_MAX, CAPACITY_MAX, type AdvanceInput } from "@/lib/domain/transitions";

const id = (label: string) =>
  z.coerce.number({ error: `${label}无效` }).int(`${label}无效`).min(1, `${label}无效`).max(2_147_483_647, `${label}无效`);

const version = z.coerce
  .number({ error: "版本号无效，请刷新页面" })
  .int("版本号无效，请刷新页面")
  .min(1, "版本号无效，请刷新页面");

/** Free text: trimmed, blank -> null; the length limits are generous here and exact in the rules. */
const text = (label: string, max: number) =>
  userString(label)
    .trim()
    .max(max, `${label}不能超过 ${max} 个字符`)
    .nullish()
    .transform((v) => (v ? v : null));

/** A date field as typed; its format and value are judged by the rules. */
const dateText = (label: string) => text(label, 20);

const stage = z.enum(STAGES, { error: "请选择目标阶段" });

/** Common to every move: which project, and the version the user saw. */
const target = { projectId: id("项目"), version };

/**
 * A stage move. Forward (toStage after the current stage) takes the evidence sections of
 * the stages reached; backward (a correction) takes a reason. The server decides which by
 * comparing with the stored stage.
 */
export const moveStageSchema = z.object({
  ...target,
  toStage: stage,
  landed: z
    .object(
      { date: dateText("落地日期"), registrationDate: dateText("注册日期"), landArea: text("用地面积", 30) },
      { error: "落地信息格式不正确" },
    )
    .nullish(),
  started: z.object({ date: dateText("开工日期") }, { error: "开工信息格式不正确" }).nullish(),
  producing: z
    .object({ date: dateText("投产日期"), capacity: text("产能", CAPACITY_MAX) }, { error: "投产信息格式不正确" })
    .nullish(),
  note: text("备注", NOTE_MAX),
  reason: text("更正原因", REASON_MAX),
}, { error: "请求格式不正确" });
export type MoveStageInput = z.input<typeof moveStageSchema>;
export type MoveStageData = z.output<typeof moveStageSchema>;

/** Suspend, terminate or resume, with the business date and a reason. */
export const statusChangeSchema = z.object({
  ...target,
  action: z.enum(STATUS_ACTIONS, { error: "请选择操作：暂缓、终止或恢复推进" }),
  date: dateText("日期"),
  reason: text("原因", REASON_MAX),
}, { error: "请求格式不正确" });
export type StatusChangeRequest = z.input<typeof statusChangeSchema>;
export type StatusChangeData = z.output<typeof statusChangeSchema>;

/** The forward-move part of a parsed move, as the rules take it. */
export function toAdvanceInput(data: MoveStageData): AdvanceInput {
  return { toStage: data.toStage, landed: data.landed, started: data.started, producing: data.producing, note: data.note };
}
