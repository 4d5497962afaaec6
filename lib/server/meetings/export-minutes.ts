import "server-only";
import type { Writable } from "node:stream";
import { createTranslator } from "use-intl/core";
import { todayInShanghai } from "@/lib/domain/dates";
import { doneLate, monthLabel } from "@/lib/domain/meetings";
import type { Actor } from "@/lib/domain/permissions";
import { formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { translateMessage } from "@/lib/i18n/server-messages";
import { type ExportColumn, type ExportRow, streamWorkbook, exportedLineIn } from "@/lib/server/excel/stream-workbook";
import { type MeetingTaskView, getMeeting } from "./get-meeting";

/**
 * The minutes sheet's columns, in order. `header` is the Chinese the export has always written;
 * the words come from messages meetings.minutesExport.columns (the Chinese held equal by a test).
 */
export const MINUTES_COLUMNS = [
  { key: "position", header: "序号", type: "int", width: 6 },
  { key: "kind", header: "议题类型", type: "text", width: 16 },
  { key: "title", header: "议题", type: "text", width: 36 },
  { key: "reason", header: "列入原因", type: "text", width: 36 },
  { key: "decision", header: "议定事项", type: "text", width: 44 },
  { key: "task", header: "跟踪事项", type: "text", width: 36 },
  { key: "owner", header: "责任人", type: "text", width: 10 },
  { key: "deadline", header: "办理时限", type: "date", width: 12 },
  { key: "state", header: "办理状态", type: "text", width: 14 },
  { key: "doneNote", header: "办理情况", type: "text", width: 36 },
] as const satisfies readonly (ExportColumn & { key: string })[];

async function* once(rows: ExportRow[]): AsyncIterable<ExportRow[]> {
  yield rows;
}

/** The key of a task's state under meetings.taskState (taskStateLabel by key). */
function taskStateKey(t: MeetingTaskView): "open" | "overdue" | "done" | "doneLate" {
  if (t.status === "DONE") return doneLate(t) ? "doneLate" : "done";
  return t.overdue ? "overdue" : "open";
}

/**
 * 会议纪要 as one .xlsx sheet: one row per follow-up task (an item without tasks: one row). Needs "meeting.read".
 * In Chinese, or in `locale` (sheet, title words, headers, topic type, task state, the exported line);
 * the records' own text, dates and numbers are the same cells in either.
 */
export async function exportMinutes(
  actor: Actor,
  meetingId: number,
  today = todayInShanghai(),
  locale: Locale = "zh-CN",
): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const m = await getMeeting(actor, meetingId, today);
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "meetings" });
  const w = createTranslator({ locale, messages: MESSAGES[locale], namespace: "meetings.minutesExport" });
  const rows: ExportRow[] = [];
  for (const it of m.items) {
    const base: ExportRow = [it.position, t(`kind.${it.kind}`), it.title, it.reason === null ? null : translateMessage(it.reason, locale), it.decision?.text ?? null];
    const tasks = it.decision?.tasks ?? [];
    if (tasks.length === 0) rows.push([...base, null, null, null, null, null]);
    for (const task of tasks) rows.push([...base, task.title, task.ownerName, task.deadline, t(`taskState.${taskStateKey(task)}`), task.doneNote]);
  }
  const attendees = m.attendees.map((a) => (a.unit ? w("attendeeWithUnit", { name: a.name, unit: a.unit }) : a.name)).join(w("attendeeSeparator"));
  const month = locale === "zh-CN" ? monthLabel(m.month) : formatYearMonthIn(locale, { year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) });
  const title = w("title", {
    title: m.title,
    month,
    status: t(`status.${m.status}`),
    date: m.meetingDate ? w("titleDate", { date: m.meetingDate }) : "",
    attendees: attendees ? w("titleAttendees", { list: attendees }) : "",
  });
  return {
    fileName: w("file", { scope: m.scopeName, month: m.month.slice(0, 7) }),
    write: (out) =>
      streamWorkbook(
        out,
        {
          name: w("sheet"),
          title,
          actorName: actor.name,
          columns: MINUTES_COLUMNS.map((c): ExportColumn => ({ header: w(`columns.${c.key}`), type: c.type, width: c.width })),
          exportedLine: exportedLineIn(locale, actor.name, (a) => w("exported", a)),
        },
        once(rows),
      ),
  };
}
