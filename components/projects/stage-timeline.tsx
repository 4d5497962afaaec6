import type { getProject } from "@/lib/server/projects/get-project";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import { STAGE_EVENT_LABELS } from "@/lib/domain/labels";
import { formatDateZh } from "@/lib/domain/dates";

type Events = Awaited<ReturnType<typeof getProject>>["stageEvents"];

export function StageTimeline({ events }: { events: Events }) {
  if (events.length === 0) return <p className="text-sm text-slate-500">暂无推进记录</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="stage-timeline">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" />
          <div className="text-sm">
            <span className="font-medium">{formatDateZh(e.businessDate)}</span>
            <span className="ml-2">
              {STAGE_EVENT_LABELS[e.type]}：
              {e.type === "SIGN"
                ? "项目签约入库"
                : e.type === "ADVANCE" || e.type === "ROLLBACK"
                  ? `${e.fromStage ? STAGE_LABELS[e.fromStage] : ""} → ${STAGE_LABELS[e.toStage]}`
                  : STATUS_LABELS[e.toStatus]}
            </span>
          </div>
          <div className="text-xs text-slate-500">
            记录人 {e.actor.name}
            {e.note ? ` · ${e.note}` : ""}
          </div>
        </li>
      ))}
    </ol>
  );
}
