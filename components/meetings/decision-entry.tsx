import Link from "next/link";
import type { DecisionEntry } from "@/lib/server/meetings/list-decisions";
import { TaskLine } from "./meeting-parts";

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** A 议定事项 on a project's or problem's timeline: the meeting, the decision, its follow-up tasks and their state. */
export function DecisionTimelineEntry({ decision: d }: { decision: DecisionEntry }) {
  return (
    <div data-testid="timeline-decision">
      <div className="text-sm">
        <span className="font-medium">会商议定</span>
        <span className="ml-2">
          {d.meetingLink ? (
            <Link href={d.meetingLink} className="text-brand-600 hover:underline">
              {d.meetingTitle}
            </Link>
          ) : (
            d.meetingTitle
          )}
        </span>
      </div>
      <div className="whitespace-pre-wrap text-xs text-slate-700">议定事项：{d.text}</div>
      {d.tasks.length > 0 && (
        <ul className="text-xs">
          {d.tasks.map((t) => (
            <li key={t.id}>
              <TaskLine task={t} />
            </li>
          ))}
        </ul>
      )}
      <div className="text-xs text-slate-400">
        {d.decidedByName} 于 {time.format(new Date(d.at))} 记录
      </div>
    </div>
  );
}
