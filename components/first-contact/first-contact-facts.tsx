import { INTAKE_CHANNEL_LABELS, formatHandlingHours } from "@/lib/domain/first-contact";
import type { FirstContactStats, IssueFirstContact } from "@/lib/server/first-contact/list-first-contact";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import { AcceptHandoffButton } from "./accept-handoff-button";

/** A problem received directly: 来源, 首问责任人 and the hand-off's state (接收 for the responsible person). */
export function FirstContactFacts({ issueId, f }: { issueId: number; f: IssueFirstContact }) {
  return (
    <div className="mb-5 flex flex-wrap items-center gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="issue-first-contact">
      <span>
        <span className="text-slate-500">来源：</span>
        {INTAKE_CHANNEL_LABELS[f.intakeChannel]}
      </span>
      <span>
        <span className="text-slate-500">首问责任人：</span>
        {f.receiverName}（{formatDateTimeZh(new Date(f.receivedAt))} 受理）
      </span>
      {f.acceptedAt ? (
        <span>
          <span className="text-slate-500">移交：</span>
          {f.responsibleName ?? "负责人"}已于 {formatDateTimeZh(new Date(f.acceptedAt))} 接收
        </span>
      ) : (
        <span className="text-amber-800">
          待 {f.responsibleName ?? "负责人"} 接收，接收前由首问责任人负责跟进
        </span>
      )}
      {f.canAccept && <AcceptHandoffButton issueId={issueId} />}
    </div>
  );
}

/** The problems page's 首问 figures: received directly, accepted, pending, and the handling time. */
export function FirstContactFigures({ s }: { s: FirstContactStats }) {
  if (s.received === 0) return null;
  return (
    <p className="mb-4 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700" data-testid="first-contact-figures">
      首问受理 <strong>{s.received}</strong> 件，已移交接收 <strong>{s.accepted}</strong> 件，待接收 <strong className={s.pending > 0 ? "text-amber-700" : ""}>{s.pending}</strong> 件；
      首问办理时长（受理至接收）中位数 <strong>{formatHandlingHours(s.medianHours)}</strong>，平均 <strong>{formatHandlingHours(s.averageHours)}</strong>
    </p>
  );
}
