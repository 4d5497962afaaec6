import Link from "next/link";
import type { MeetingItemView, MeetingTaskView } from "@/lib/server/meetings/get-meeting";

/** The item's title, linked to its project or problem when it has one. */
export function ItemTarget({ item }: { item: Pick<MeetingItemView, "title" | "projectId" | "issueId"> }) {
  const href = item.issueId ? `/issues/${item.issueId}` : item.projectId ? `/projects/${item.projectId}` : null;
  return href ? (
    <Link href={href} className="text-brand-600 hover:underline print:text-inherit print:no-underline">
      {item.title}
    </Link>
  ) : (
    <>{item.title}</>
  );
}

/** A follow-up task: what, who, deadline and state (overdue in red), the closing note. */
export function TaskLine({ task }: { task: MeetingTaskView }) {
  return (
    <span className="text-sm" data-testid="meeting-task">
      <span className="font-medium">跟踪事项：</span>
      {task.title} · 责任人 {task.ownerName} · 时限 {task.deadline}（{task.workdays} 个工作日）·{" "}
      <span className={task.overdue ? "font-medium text-red-600" : task.status === "DONE" ? "text-emerald-700" : ""}>{task.stateLabel}</span>
      {task.doneNote && (
        <span className="text-slate-600">
          {" "}
          · 办理情况：{task.doneNote}
          {task.doneDate ? `（${task.doneByName ?? ""} ${task.doneDate}）` : ""}
        </span>
      )}
    </span>
  );
}
