"use client";

import { Fragment, useState } from "react";
import { formatWan } from "@/lib/domain/money";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import type { FilingGridRow } from "@/lib/server/progress/list-filing-grid";
import { ProgressReportForm } from "./progress-report-form";
import { CorrectionRequestForm } from "./correction-request-form";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState, TitleCell } from "@/components/ui/data-table";

const dateTime = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

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
  const [editing, setEditing] = useState<number | null>(null);
  // The confirmation of the last filing: the form closes, the message stays.
  const [saved, setSaved] = useState<string | null>(null);
  if (rows.length === 0) return <EmptyState>该月没有需要填报的项目</EmptyState>;
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
              <th className="px-3 py-2">项目</th>
              <th className="px-3 py-2">包保责任人</th>
              <th className="px-3 py-2 text-right">本年计划投资</th>
              <th className="px-3 py-2 text-right">本年此前完成</th>
              <th className="px-3 py-2 text-right">本月完成投资</th>
              <th className="px-3 py-2 text-right">本月到位资金</th>
              <th className="px-3 py-2">形象进度 / 存在问题</th>
              <th className="px-3 py-2">填报</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.id}>
                <tr className="border-t border-slate-100 align-top" data-testid="progress-row" data-project-id={r.id}>
                  <td className="px-3 py-2">
                    <TitleCell href={`/projects/${r.id}`} title={r.name} sub={`${r.code} · ${STAGE_LABELS[r.stage as Stage]} · ${r.actualStartDate} 开工`} />
                  </td>
                  <td className="px-3 py-2 text-slate-700">{r.liaisonName ?? "未分配"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.plannedInvestment === null ? "—" : formatWan(r.plannedInvestment)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.completedBefore)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.report ? formatWan(r.report.investmentCompleted) : "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.report ? formatWan(r.report.fundsArrived) : "—"}</td>
                  <td className="max-w-xs px-3 py-2 text-slate-700">
                    {r.report ? (
                      <>
                        <div>{r.report.imageProgress ?? "—"}</div>
                        {r.report.problems && <div className="text-xs text-amber-800">问题：{r.report.problems}</div>}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {r.report ? (
                      <div className="text-xs text-slate-600" data-testid="filed-by">
                        <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-800">已填报</span>
                        <div className="mt-1">
                          {r.report.filedByName} {dateTime.format(new Date(r.report.filedAt))}
                        </div>
                      </div>
                    ) : (
                      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">未填报</span>
                    )}
                    {pending[r.id] ? (
                      <div className="mt-1 text-xs" data-testid="correction-pending">
                        <span className="rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800">更正待审批</span>
                        <div className="mt-1 text-slate-600">{pending[r.id].requestedByName} 申请</div>
                      </div>
                    ) : (
                      canFile &&
                      editing !== r.id && (
                        <Button
                          type="button"
                          onClick={() => setEditing(r.id)}
                          aria-label={`${closed ? "申请" : ""}${r.report ? "更正" : closed ? "补报" : "填报"} ${r.name}`}
                          variant="link"
                          size="sm"
                          className="no-print mt-1 block"
                        >
                          {closed ? (r.report ? "申请更正" : "申请补报") : r.report ? "更正" : "填报"}
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
