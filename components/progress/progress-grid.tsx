"use client";

import { Fragment, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Stage } from "@/lib/domain/stages";
import { formatWanIn } from "@/lib/i18n/format";
import type { FilingGridRow } from "@/lib/server/progress/list-filing-grid";
import { ProgressReportForm } from "./progress-report-form";
import { CorrectionRequestForm } from "./correction-request-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState, TitleCell } from "@/components/ui/data-table";

const dateTimeOptions: Intl.DateTimeFormatOptions = { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" };

/**
 * The month's grid: one row per project that owes the month, filed figures or a button to
 * file. A month closed by a published bulletin (`closed`) offers 申请更正 / 申请补报 instead,
 * and a row with a pending request (`pending`, by project id) says so.
 */
export function ProgressGrid({
  rows,
  year,
  month,
  canFile,
  closed = false,
  pending = {},
}: {
  rows: FilingGridRow[];
  year: number;
  month: number;
  canFile: boolean;
  closed?: boolean;
  pending?: Record<number, { requestedByName: string }>;
}) {
  const t = useTranslations("progress.grid");
  const tc = useTranslations("common");
  const locale = useLocale();
  const formatWan = (v: Parameters<typeof formatWanIn>[1]) => formatWanIn(locale, v);
  const dateTime = locale === "en" ? new Intl.DateTimeFormat("en-GB", { ...dateTimeOptions, hour12: false }) : new Intl.DateTimeFormat("zh-CN", dateTimeOptions);
  const [editing, setEditing] = useState<number | null>(null);
  // The confirmation of the last filing: the form closes, the message stays.
  const [saved, setSaved] = useState<string | null>(null);
  if (rows.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <>
      {saved && (
        <Alert tone="success" testId="progress-saved" className="no-print mb-2">
          {saved}
        </Alert>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm" data-testid="progress-grid">
          <thead className="bg-slate-100 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2">{t("project")}</th>
              <th className="px-3 py-2">{t("liaison")}</th>
              <th className="px-3 py-2 text-right">{t("planned")}</th>
              <th className="px-3 py-2 text-right">{t("before")}</th>
              <th className="px-3 py-2 text-right">{t("investment")}</th>
              <th className="px-3 py-2 text-right">{t("funds")}</th>
              <th className="px-3 py-2">{t("progress")}</th>
              <th className="px-3 py-2">{t("filing")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.id}>
                <tr className="border-t border-slate-100 align-top" data-testid="progress-row" data-project-id={r.id}>
                  <td className="px-3 py-2">
                    <TitleCell href={`/projects/${r.id}`} title={r.name} sub={`${r.code} · ${tc(`enum.stage.${r.stage as Stage}`)} · ${t("startedOn", { date: r.actualStartDate })}`} />
                  </td>
                  <td className="px-3 py-2 text-slate-700">{r.liaisonName ?? t("unassigned")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.plannedInvestment === null ? "—" : formatWan(r.plannedInvestment)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.completedBefore)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.report ? formatWan(r.report.investmentCompleted) : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.report ? formatWan(r.report.fundsArrived) : "—"}</td>
                  <td className="max-w-xs px-3 py-2 text-slate-700">
                    {r.report ? (
                      <>
                        <div>{r.report.imageProgress ?? "—"}</div>
                        {r.report.problems && <div className="text-xs text-amber-800">{t("problems", { text: r.report.problems })}</div>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {r.report ? (
                      <div className="text-xs text-slate-600" data-testid="filed-by">
                        <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800">{t("filed")}</span>
                        <div className="mt-1">
                          {r.report.filedByName} {dateTime.format(new Date(r.report.filedAt))}
                        </div>
                      </div>
                    ) : (
                      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("notFiled")}</span>
                    )}
                    {pending[r.id] ? (
                      <div className="mt-1 text-xs" data-testid="correction-pending">
                        <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800">{t("correctionPending")}</span>
                        <div className="mt-1 text-slate-600">{t("requestedBy", { name: pending[r.id].requestedByName })}</div>
                      </div>
                    ) : (
                      canFile &&
                      editing !== r.id && (
                        <Button
                          type="button"
                          onClick={() => setEditing(r.id)}
                          aria-label={t(closed ? (r.report ? "requestCorrectionLabel" : "requestLateLabel") : r.report ? "correctLabel" : "fileLabel", { name: r.name })}
                          variant="link"
                          size="sm"
                          className="no-print mt-1 block"
                        >
                          {closed ? (r.report ? t("requestCorrection") : t("requestLate")) : r.report ? t("correct") : t("file")}
                        </Button>
                      )
                    )}
                  </td>
                </tr>
                {editing === r.id && (
                  <tr className="no-print">
                    <td colSpan={8} className="px-3 pb-3">
                      {closed ? (
                        <CorrectionRequestForm projectId={r.id} projectName={r.name} year={year} month={month} existing={r.report} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
                      ) : (
                        <ProgressReportForm
                          projectId={r.id}
                          projectName={r.name}
                          year={year}
                          month={month}
                          existing={r.report}
                          onDone={(message) => {
                            setEditing(null);
                            setSaved(message);
                          }}
                          onCancel={() => setEditing(null)}
                        />
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
