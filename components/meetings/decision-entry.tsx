import Link from "next/link";
import type { DecisionEntry } from "@/lib/server/meetings/list-decisions";
import { useLocale } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTimeIn } from "@/lib/i18n/format";
import { TaskLine } from "./meeting-parts";
import { useNamespaceT } from "./labels";

const zhTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

/** A 议定事项 on a project's or problem's timeline: the meeting, the decision, its follow-up tasks and their state. */
export function DecisionTimelineEntry({ decision: d }: { decision: DecisionEntry }) {
  // On the projects' and problems' pages: the meetings messages whatever the nearest provider holds.
  const t = useNamespaceT("meetings");
  const locale = useLocale() as Locale;
  // Chinese keeps today's short form (2026/10/5 09:30).
  const at = locale === "zh-CN" ? zhTime.format(new Date(d.at)) : formatDateTimeIn(locale, new Date(d.at));
  return (
    <div data-testid="timeline-decision">
      <div className="text-sm">
        <span className="font-medium">{t("decision.label")}</span>
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
      <div className="whitespace-pre-wrap text-xs text-slate-700">{t("decision.text", { text: d.text })}</div>
      {d.tasks.length > 0 && (
        <ul className="text-xs">
          {d.tasks.map((t) => (
            <li key={t.id}>
              <TaskLine task={t} />
            </li>
          ))}
        </ul>
      )}
      <div className="text-xs text-slate-400">{t("decision.recorded", { name: d.decidedByName, time: at })}</div>
    </div>
  );
}
