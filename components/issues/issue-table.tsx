import type { IssueListItem } from "@/lib/server/issues/list-issues";
import { ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUS_LABELS, SATISFACTION_LABELS } from "@/lib/domain/issues";
import { type Column, DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

/** The 企业 / 项目 column of a list of problems: the enterprise, the project (if any) under it. */
export function enterpriseProjectColumn<T extends { enterpriseName: string; projectName: string | null }>(): Column<T> {
  return {
    header: "企业 / 项目",
    cell: (i) => (
      <>
        {i.enterpriseName}
        {i.projectName && <div className="text-xs text-slate-400">{i.projectName}</div>}
      </>
    ),
    className: "text-slate-600",
  };
}

export function IssueTable({ items }: { items: IssueListItem[] }) {
  if (items.length === 0) return <EmptyState>没有符合条件的问题</EmptyState>;
  return (
    <DataTable
      testId="issue-table"
      rows={items}
      rowKey={(i) => i.id}
      rowClassName={(i) => `${ROW} ${i.overdue ? "bg-red-50/60" : ""}`}
      columns={[
        { header: "问题", cell: (i) => <TitleCell href={`/issues/${i.id}`} title={i.title} sub={`${i.code} · ${i.parkName} · 提出 ${i.raisedDate}`} /> },
        enterpriseProjectColumn(),
        { header: "类别", cell: (i) => ISSUE_CATEGORY_LABELS[i.category], className: "whitespace-nowrap" },
        {
          header: "状态",
          cell: (i) => (
            <>
              {ISSUE_STATUS_LABELS[i.status]}
              {i.satisfaction && <div className="text-xs text-slate-500">{SATISFACTION_LABELS[i.satisfaction]}</div>}
              {i.reopenCount > 0 && <div className="text-xs text-amber-700">复核 {i.reopenCount} 次</div>}
            </>
          ),
          className: "whitespace-nowrap",
        },
        { header: "层级", cell: (i) => ISSUE_LEVEL_LABELS[i.level], className: "text-xs" },
        {
          header: "责任单位 / 负责人",
          cell: (i) => (
            <>
              {i.responsibleUnit ?? "—"}
              {i.responsibleName && <div className="text-xs text-slate-400">{i.responsibleName}</div>}
            </>
          ),
          className: "text-slate-600",
        },
        { header: "包保责任人", cell: (i) => i.liaisonName ?? "—", className: "text-slate-600" },
        {
          header: "办结时限",
          cell: (i) => (
            <>
              {i.status === "CLOSED" ? <span className="text-slate-500">已销号 {i.closedDate}</span> : i.resolveDeadline}
              {i.overdue && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700">超期 {i.overdueDays} 天</span>}
              {i.extensionPending && <div className="text-xs text-amber-700">延期待审批</div>}
            </>
          ),
          className: "whitespace-nowrap tabular-nums",
        },
      ]}
    />
  );
}
