import "server-only";
import type { Writable } from "node:stream";
import { todayInShanghai } from "@/lib/domain/dates";
import { MEETING_ITEM_KIND_LABELS, MEETING_STATUS_LABELS, monthLabel } from "@/lib/domain/meetings";
import type { Actor } from "@/lib/domain/permissions";
import { type ExportColumn, type ExportRow, streamWorkbook } from "@/lib/server/excel/stream-workbook";
import { getMeeting } from "./get-meeting";

const COLUMNS: ExportColumn[] = [
  { header: "序号", type: "int", width: 6 },
  { header: "议题类型", type: "text", width: 16 },
  { header: "议题", type: "text", width: 36 },
  { header: "列入原因", type: "text", width: 36 },
  { header: "议定事项", type: "text", width: 44 },
  { header: "跟踪事项", type: "text", width: 36 },
  { header: "责任人", type: "text", width: 10 },
  { header: "办理时限", type: "date", width: 12 },
  { header: "办理状态", type: "text", width: 14 },
  { header: "办理情况", type: "text", width: 36 },
];

async function* once(rows: ExportRow[]): AsyncIterable<ExportRow[]> {
  yield rows;
}

/** 会议纪要 as one .xlsx sheet: one row per follow-up task (an item without tasks: one row). Needs "meeting.read". */
export async function exportMinutes(actor: Actor, meetingId: number, today = todayInShanghai()): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const m = await getMeeting(actor, meetingId, today);
  const rows: ExportRow[] = [];
  for (const it of m.items) {
    const base: ExportRow = [it.position, MEETING_ITEM_KIND_LABELS[it.kind], it.title, it.reason, it.decision?.text ?? null];
    const tasks = it.decision?.tasks ?? [];
    if (tasks.length === 0) rows.push([...base, null, null, null, null, null]);
    for (const t of tasks) rows.push([...base, t.title, t.ownerName, t.deadline, t.stateLabel, t.doneNote]);
  }
  const attendees = m.attendees.map((a) => (a.unit ? `${a.name}（${a.unit}）` : a.name)).join("、");
  const title = `${m.title} · ${monthLabel(m.month)} · ${MEETING_STATUS_LABELS[m.status]}${m.meetingDate ? ` · ${m.meetingDate}` : ""}${attendees ? ` · 参会：${attendees}` : ""}`;
  return {
    fileName: `会议纪要-${m.scopeName}-${m.month.slice(0, 7)}.xlsx`,
    write: (out) => streamWorkbook(out, { name: "会议纪要", title, actorName: actor.name, columns: COLUMNS }, once(rows)),
  };
}
