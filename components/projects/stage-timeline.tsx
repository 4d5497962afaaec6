import type { ProjectHistoryEntry } from "@/lib/server/projects/get-project-history";
import { STAGE_LABELS, STATUS_LABELS } from "@/lib/domain/stages";
import { STAGE_EVENT_LABELS } from "@/lib/domain/labels";
import { formatDateZh } from "@/lib/domain/dates";
import { formatBytes } from "@/lib/domain/attachments";
import { DecisionTimelineEntry } from "@/components/meetings/decision-entry";

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

const DOT: Record<string, string> = {
  SIGN: "bg-slate-500",
  ADVANCE: "bg-emerald-600",
  ROLLBACK: "bg-amber-500",
  SUSPEND: "bg-orange-500",
  TERMINATE: "bg-red-600",
  RESUME: "bg-sky-600",
  edit: "bg-slate-300",
  decision: "bg-indigo-600",
};

/** Stage events and record edits, newest first: what happened, on which business date, who recorded it. */
export function StageTimeline({ entries }: { entries: ProjectHistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">暂无推进记录</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="stage-timeline">
      {entries.map((e) => (
        <li key={e.key} className="relative" data-kind={e.kind === "stage" ? e.type : e.kind}>
          <span className={`absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ${DOT[e.kind === "stage" ? e.type : e.kind]}`} />
          {e.kind === "decision" ? (
            <DecisionTimelineEntry decision={e.decision} />
          ) : e.kind === "stage" ? (
            <>
              <div className="text-sm">
                <span className="font-medium">{formatDateZh(e.businessDate)}</span>
                <span className="ml-2">
                  {STAGE_EVENT_LABELS[e.type]}
                  {e.type === "SIGN"
                    ? "：项目签约入库"
                    : e.type === "ADVANCE" || e.type === "ROLLBACK"
                      ? `：${e.fromStage ? STAGE_LABELS[e.fromStage] : ""} → ${STAGE_LABELS[e.toStage]}`
                      : `：${STATUS_LABELS[e.toStatus]}`}
                </span>
              </div>
              {e.evidence.length > 0 && (
                <div className="text-xs text-slate-600">{e.evidence.map((ev) => `${ev.label}：${ev.value}`).join("；")}</div>
              )}
              {e.note && <div className="text-xs text-slate-600">说明：{e.note}</div>}
              {e.attachments.length > 0 && (
                <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs" aria-label="佐证材料">
                  {e.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer" className="text-brand-600 hover:underline">
                        附件：{a.fileName}
                      </a>
                      <span className="ml-1 text-slate-400">{formatBytes(a.size)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <div className="text-xs text-slate-400">
                {e.actorName} 于 {time.format(new Date(e.recordedAt))} 记录
              </div>
            </>
          ) : (
            <>
              <div className="text-sm">
                <span className="font-medium">修改台账</span>
                <span className="ml-2 text-xs text-slate-400">
                  {e.actorName ?? "系统"} 于 {time.format(new Date(e.recordedAt))}
                </span>
              </div>
              <ul className="text-xs text-slate-600">
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {c.label}：{c.before ?? "（空）"} → {c.after ?? "（空）"}
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
