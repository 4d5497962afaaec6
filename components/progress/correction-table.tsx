import { formatYearMonth } from "@/lib/domain/filing";
import { formatWan } from "@/lib/domain/money";
import { CORRECTION_STATUS_LABELS, formatPublishedAt } from "@/lib/domain/published-bulletins";
import type { CorrectionFigures, CorrectionRow } from "@/lib/server/progress/list-progress-corrections";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { CorrectionDecision } from "./correction-decision";

const TONE: Record<CorrectionRow["status"], string> = {
  PENDING: "bg-amber-50 text-amber-800",
  APPROVED: "bg-emerald-50 text-emerald-800",
  REJECTED: "bg-slate-100 text-slate-700",
};

function Change({ before, after, field }: { before: CorrectionFigures | null; after: CorrectionFigures; field: "investmentCompleted" | "fundsArrived" }) {
  const changed = !before || Number(before[field]) !== Number(after[field]);
  return (
    <span className={changed ? "font-medium" : "text-slate-500"}>
      {before ? formatWan(before[field]) : "未填报"} → {formatWan(after[field])}
    </span>
  );
}

/** Requests to change months closed by a published bulletin, with the leader's buttons on the pending ones. */
export function CorrectionTable({ rows }: { rows: CorrectionRow[] }) {
  return (
    <DataTable
      aria-label="月报更正申请"
      testId="correction-requests"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-correction-id": r.id, "data-status": r.status })}
      empty="没有符合条件的更正申请"
      columns={[
        { header: "项目", cell: (r) => <TitleCell href={`/projects/${r.projectId}`} title={r.projectName} sub={`${r.projectCode} · ${r.parkName}`} /> },
        { header: "月份", cell: (r) => formatYearMonth(r) },
        { header: "本月完成投资（万元）", cell: (r) => <Change before={r.before} after={r.after} field="investmentCompleted" />, numeric: true },
        { header: "本月到位资金（万元）", cell: (r) => <Change before={r.before} after={r.after} field="fundsArrived" />, numeric: true },
        {
          header: "形象进度 / 原因",
          className: "max-w-xs",
          cell: (r) => (
            <>
              <div>{r.after.imageProgress ?? "—"}</div>
              <div className="text-xs text-amber-800">原因：{r.reason}</div>
            </>
          ),
        },
        {
          header: "申请",
          cell: (r) => (
            <>
              {r.requestedByName}
              <span className="block text-xs text-slate-500">{formatPublishedAt(r.requestedAt)}</span>
            </>
          ),
        },
        {
          header: "审批",
          cell: (r) =>
            r.canDecide ? (
              <CorrectionDecision id={r.id} label={`${r.projectName} ${formatYearMonth(r)}`} />
            ) : (
              <div className="text-xs">
                <span className={`rounded px-1.5 py-0.5 font-medium ${TONE[r.status]}`}>{CORRECTION_STATUS_LABELS[r.status]}</span>
                {r.decidedByName && (
                  <div className="mt-1 text-slate-600">
                    {r.decidedByName} {r.decidedAt ? formatPublishedAt(r.decidedAt) : ""}
                  </div>
                )}
                {r.decisionNote && <div className="mt-0.5 text-slate-600">意见：{r.decisionNote}</div>}
              </div>
            ),
        },
      ]}
    />
  );
}
