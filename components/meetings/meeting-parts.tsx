import Link from "next/link";
import type { MeetingItemView, MeetingTaskView } from "@/lib/server/meetings/get-meeting";
import { taskStateKey, useNamespaceT } from "./labels";

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
  // Also on other parts' pages (timelines): the meetings messages whatever the nearest provider holds.
  const t = useNamespaceT("meetings");
  return (
    <span className="text-sm" data-testid="meeting-task">
      <span className="font-medium">{t("task.label")}</span>
      {t("task.line", { title: task.title, owner: task.ownerName, deadline: task.deadline, workdays: task.workdays })}
      <span className={task.overdue ? "font-medium text-red-600" : task.status === "DONE" ? "text-emerald-700" : ""}>{t(`taskState.${taskStateKey(task)}`)}</span>
      {task.doneNote && (
        <span className="text-slate-600">
          {t("task.doneNote", { note: task.doneNote })}
          {task.doneDate ? t("task.doneBy", { name: task.doneByName ?? "", date: task.doneDate }) : ""}
        </span>
      )}
    </span>
  );
}
