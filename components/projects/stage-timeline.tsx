import { useLocale, useTranslations } from "next-intl";
import type { ProjectHistoryEntry } from "@/lib/server/projects/get-project-history";
import { formatBytes } from "@/lib/domain/attachments";
import { formatDateIn, formatDateTimeIn } from "@/lib/i18n/format";
import { DecisionTimelineEntry } from "@/components/meetings/decision-entry";

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
  const t = useTranslations("projects.timeline");
  const tc = useTranslations("common");
  const locale = useLocale();
  const timeZh = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });
  // English: "28 Oct 2024, 10:31" (lib/i18n/format); Chinese as before.
  const time = { format: (d: Date) => (locale === "zh-CN" ? timeZh.format(d) : formatDateTimeIn(locale, d)) };
  if (entries.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
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
                <span className="font-medium">{formatDateIn(locale, e.businessDate)}</span>
                <span className="ml-2">
                  {e.type === "SIGN"
                    ? t("signed", { event: tc(`enum.stageEvent.${e.type}`) })
                    : e.type === "ADVANCE" || e.type === "ROLLBACK"
                      ? t("stageMove", { event: tc(`enum.stageEvent.${e.type}`), from: e.fromStage ? tc(`enum.stage.${e.fromStage}`) : "", to: tc(`enum.stage.${e.toStage}`) })
                      : t("statusChange", { event: tc(`enum.stageEvent.${e.type}`), status: tc(`enum.status.${e.toStatus}`) })}
                </span>
              </div>
              {e.evidence.length > 0 && (
                <div className="text-xs text-slate-600">{e.evidence.map((ev) => t("evidence", { label: ev.label, value: ev.value })).join(t("evidenceSeparator"))}</div>
              )}
              {e.note && <div className="text-xs text-slate-600">{t("note", { note: e.note })}</div>}
              {e.attachments.length > 0 && (
                <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs" aria-label={t("attachments")}>
                  {e.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer" className="text-brand-600 hover:underline">
                        {t("attachment", { name: a.fileName })}
                      </a>
                      <span className="ml-1 text-slate-400">{formatBytes(a.size)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <div className="text-xs text-slate-400">
                {t("recorded", { actor: e.actorName, time: time.format(new Date(e.recordedAt)) })}
              </div>
            </>
          ) : (
            <>
              <div className="text-sm">
                <span className="font-medium">{t("edit")}</span>
                <span className="ml-2 text-xs text-slate-400">
                  {t("edited", { actor: e.actorName ?? t("system"), time: time.format(new Date(e.recordedAt)) })}
                </span>
              </div>
              <ul className="text-xs text-slate-600">
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {t("change", { label: c.label, before: c.before ?? t("blank"), after: c.after ?? t("blank") })}
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
