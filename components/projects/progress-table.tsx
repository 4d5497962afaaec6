"use client";

import { Fragment, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTimeIn, formatWanIn, formatYearMonthIn } from "@/lib/i18n/format";
import type { ProgressReportRow, ReportChange } from "@/lib/server/progress/list-progress-reports";
import { ProgressReportForm } from "@/components/progress/progress-report-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

function ChangeLine({ c }: { c: ReportChange }) {
  const t = useTranslations("projects.progress");
  const locale = useLocale();
  const dateTimeZh = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  // English: "28 Oct 2024, 10:31" (lib/i18n/format); Chinese as before.
  const dateTime = { format: (d: Date) => (locale === "zh-CN" ? dateTimeZh.format(d) : formatDateTimeIn(locale, d)) };
  const money = (v: unknown) => (typeof v === "string" ? formatWanIn(locale, v) : "—");
  const who = `${c.actorName ?? "—"} ${dateTime.format(new Date(c.at))}`;
  if (c.action === "progress.file")
    return <li>{t("filedLine", { who, investment: money(c.after?.investmentCompleted), funds: money(c.after?.fundsArrived) })}</li>;
  const changed: string[] = [];
  const fields: ["investmentCompleted" | "fundsArrived" | "imageProgress" | "problems", (v: unknown) => string][] = [
    ["investmentCompleted", money],
    ["fundsArrived", money],
    ["imageProgress", (v) => (v ? String(v) : "—")],
    ["problems", (v) => (v ? String(v) : "—")],
  ];
  for (const [key, show] of fields) {
    if (JSON.stringify(c.before?.[key]) !== JSON.stringify(c.after?.[key]))
      changed.push(t("changedField", { field: t(`field.${key}`), before: show(c.before?.[key]), after: show(c.after?.[key]) }));
  }
  return <li>{t("correctedLine", { who, changes: changed.length ? changed.join(t("separator")) : t("unchanged") })}</li>;
}

/**
 * A project's monthly reports with their history, and (for people who may file) the
 * form to file a month or correct one. `months` are the months that may be filed.
 */
export function ProgressTable({
  projectId,
  projectName,
  rows,
  history,
  totals,
  months,
  canFile,
}: {
  projectId: number;
  projectName: string;
  rows: ProgressReportRow[];
  history: ReportChange[];
  totals: { investmentTotal: string; fundsTotal: string; investmentYear: string; fundsYear: string };
  months: { year: number; month: number }[];
  canFile: boolean;
}) {
  const t = useTranslations("projects.progress");
  const locale = useLocale();
  const formatWan = (v: string) => formatWanIn(locale, v);
  const formatYearMonth = (ym: { year: number; month: number }) => formatYearMonthIn(locale, ym);
  const [editing, setEditing] = useState<string | null>(null);
  const [openHistory, setOpenHistory] = useState<number | null>(null);
  // The confirmation of the last filing or correction: its form closes (or is replaced by the next month's), the message stays.
  const [saved, setSaved] = useState<string | null>(null);
  const unfiled = months.filter((m) => !rows.some((r) => r.year === m.year && r.month === m.month));
  const [chosen, setNewMonth] = useState(unfiled[0] ? `${unfiled[0].year}-${unfiled[0].month}` : "");
  // Once the chosen month is filed (the page refreshes), offer the next unfiled one.
  const newMonth = unfiled.some((m) => `${m.year}-${m.month}` === chosen) ? chosen : unfiled[0] ? `${unfiled[0].year}-${unfiled[0].month}` : "";
  const [ny, nm] = newMonth.split("-").map(Number);

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="progress-totals">
        <div className="rounded border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-500">{t("investmentYear")}</dt>
          <dd className="tabular-nums">{formatWan(totals.investmentYear)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-500">{t("investmentTotal")}</dt>
          <dd className="tabular-nums">{formatWan(totals.investmentTotal)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-500">{t("fundsYear")}</dt>
          <dd className="tabular-nums">{formatWan(totals.fundsYear)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-2">
          <dt className="text-xs text-slate-500">{t("fundsTotal")}</dt>
          <dd className="tabular-nums">{formatWan(totals.fundsTotal)}</dd>
        </div>
      </dl>
      {saved && (
        <Alert tone="success" testId="progress-saved" className="no-print">
          {saved}
        </Alert>
      )}
      {canFile && unfiled.length > 0 && (
        <div className="no-print rounded border border-slate-200 bg-white p-3">
          <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="file-month" className="text-slate-700">
              {t("month")}
            </label>
            <select id="file-month" value={newMonth} onChange={(e) => setNewMonth(e.target.value)} className="rounded border border-slate-300 px-2 py-1">
              {unfiled.map((m) => (
                <option key={`${m.year}-${m.month}`} value={`${m.year}-${m.month}`}>
                  {formatYearMonth(m)}
                </option>
              ))}
            </select>
            <span className="text-xs text-slate-500">{t("unfiled", { count: unfiled.length })}</span>
          </div>
          <ProgressReportForm key={newMonth} projectId={projectId} projectName={projectName} year={ny} month={nm} existing={null} onDone={setSaved} narrow />
        </div>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="progress-table">
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">{t("column.month")}</th>
                <th className="px-3 py-2 text-right">{t("column.investment")}</th>
                <th className="px-3 py-2 text-right">{t("column.funds")}</th>
                <th className="px-3 py-2">{t("field.imageProgress")}</th>
                <th className="px-3 py-2">{t("column.filed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const key = `${r.year}-${r.month}`;
                const changes = history.filter((h) => h.reportId === r.id);
                return (
                  <Fragment key={r.id}>
                    <tr className="border-t border-slate-100 align-top" data-testid="progress-report-row">
                      <td className="px-3 py-2 tabular-nums">{formatYearMonth(r)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.investmentCompleted)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.fundsArrived)}</td>
                      <td className="px-3 py-2 text-slate-700">
                        {r.imageProgress ?? "—"}
                        {r.problems && <div className="text-xs text-amber-800">{t("problems", { problems: r.problems })}</div>}
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600">
                        {r.filedByName}
                        {r.version > 1 && <span className="ml-1 rounded bg-slate-100 px-1">{t("corrections", { count: r.version - 1 })}</span>}
                        <div className="no-print mt-1 flex gap-2">
                          {canFile && (
                            <Button type="button" onClick={() => setEditing(editing === key ? null : key)} aria-label={t("correctMonth", { month: formatYearMonth(r) })} variant="link">
                              {t("correct")}
                            </Button>
                          )}
                          {changes.length > 0 && (
                            <Button type="button" onClick={() => setOpenHistory(openHistory === r.id ? null : r.id)} aria-expanded={openHistory === r.id} variant="link" tone="muted">
                              {t("records", { count: changes.length })}
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                    {openHistory === r.id && (
                      <tr>
                        <td colSpan={5} className="px-3 pb-2">
                          <ul className="list-inside list-disc text-xs text-slate-600" data-testid="report-history">
                            {changes.map((c, i) => (
                              <ChangeLine key={i} c={c} />
                            ))}
                          </ul>
                        </td>
                      </tr>
                    )}
                    {editing === key && (
                      <tr className="no-print">
                        <td colSpan={5} className="px-3 pb-3">
                          <ProgressReportForm
                            projectId={projectId}
                            projectName={projectName}
                            year={r.year}
                            month={r.month}
                            existing={r}
                            onDone={(message) => {
                              setEditing(null);
                              setSaved(message);
                            }}
                            onCancel={() => setEditing(null)}
                            narrow
                          />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
