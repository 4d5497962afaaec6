import { useLocale, useTranslations } from "next-intl";
import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import { formatDateTimeIn, formatWanIn, formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { CorrectionFigures, CorrectionRow } from "@/lib/server/progress/list-progress-corrections";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { CorrectionDecision } from "./correction-decision";

const TONE: Record<CorrectionRow["status"], string> = {
  PENDING: "bg-amber-50 text-amber-800",
  APPROVED: "bg-emerald-50 text-emerald-800",
  REJECTED: "bg-slate-100 text-slate-700",
};

/** Beijing time as the bulletins write it ("2026/11/05 10:30"), or the English date and time. */
const at = (locale: Locale, iso: string) => (locale === "zh-CN" ? formatPublishedAt(iso) : formatDateTimeIn(locale, new Date(iso)));

function Change({ before, after, field }: { before: CorrectionFigures | null; after: CorrectionFigures; field: "investmentCompleted" | "fundsArrived" }) {
  const t = useTranslations("progress.corrections");
  const locale = useLocale();
  const changed = !before || Number(before[field]) !== Number(after[field]);
  return (
    <span className={changed ? "font-medium" : "text-slate-500"}>
      {before ? formatWanIn(locale, before[field]) : t("notFiled")} → {formatWanIn(locale, after[field])}
    </span>
  );
}

/** Requests to change months closed by a published bulletin, with the leader's buttons on the pending ones. */
export function CorrectionTable({ rows }: { rows: CorrectionRow[] }) {
  const t = useTranslations("progress");
  const locale = useLocale();
  return (
    <DataTable
      aria-label={t("corrections.tableLabel")}
      testId="correction-requests"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-correction-id": r.id, "data-status": r.status })}
      empty={t("corrections.empty")}
      columns={[
        { header: t("corrections.project"), cell: (r) => <TitleCell href={`/projects/${r.projectId}`} title={r.projectName} sub={`${r.projectCode} · ${r.parkName}`} /> },
        { header: t("corrections.month"), cell: (r) => formatYearMonthIn(locale, r) },
        { header: t("corrections.investment"), cell: (r) => <Change before={r.before} after={r.after} field="investmentCompleted" />, numeric: true },
        { header: t("corrections.funds"), cell: (r) => <Change before={r.before} after={r.after} field="fundsArrived" />, numeric: true },
        {
          header: t("corrections.progressReason"),
          className: "max-w-xs",
          cell: (r) => (
            <>
              <div>{r.after.imageProgress ?? "—"}</div>
              <div className="text-xs text-amber-800">{t("corrections.reason", { text: r.reason })}</div>
            </>
          ),
        },
        {
          header: t("corrections.requested"),
          cell: (r) => (
            <>
              {r.requestedByName}
              <span className="block text-xs text-slate-500">{at(locale, r.requestedAt)}</span>
            </>
          ),
        },
        {
          header: t("corrections.decision"),
          cell: (r) =>
            r.canDecide ? (
              <CorrectionDecision id={r.id} label={`${r.projectName} ${formatYearMonthIn(locale, r)}`} />
            ) : (
              <div className="text-xs">
                <span className={`rounded px-1.5 py-0.5 font-medium ${TONE[r.status]}`}>{t(`correctionStatus.${r.status}`)}</span>
                {r.decidedByName && (
                  <div className="mt-1 text-slate-600">
                    {r.decidedByName} {r.decidedAt ? at(locale, r.decidedAt) : ""}
                  </div>
                )}
                {r.decisionNote && <div className="mt-0.5 text-slate-600">{t("corrections.opinion", { text: r.decisionNote })}</div>}
              </div>
            ),
        },
      ]}
    />
  );
}
