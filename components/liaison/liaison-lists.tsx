import Link from "next/link";
import type { LiaisonIssueItem, VisitDueItem } from "@/lib/server/liaison/get-liaison-overview";
import { ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS, ISSUE_LEVEL_LABELS, type IssueCategory, type IssueStatus } from "@/lib/domain/issues";
import { DaysLeftBadge } from "./overdue-badge";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";
import { enterpriseProjectColumn } from "@/components/issues/issue-table";

export function VisitsDueTable({ rows, showActions = true }: { rows: VisitDueItem[]; showActions?: boolean }) {
  if (rows.length === 0) return <EmptyState compact>没有需要走访的企业</EmptyState>;
  return (
    <DataTable
      testId="visits-due"
      rows={rows}
      rowKey={(v) => `${v.parkId}-${v.enterpriseId}`}
      columns={[
        { header: "企业", cell: (v) => v.enterpriseName },
        { header: "园区", cell: (v) => v.parkName, className: "text-slate-600" },
        { header: "上次走访", cell: (v) => (v.lastVisit ? `${v.lastVisit}（${v.daysSince} 天前）` : "从未走访"), className: "tabular-nums text-slate-600" },
        { header: "应走访日期", cell: (v) => v.dueDate, className: "tabular-nums" },
        { header: "状态", cell: (v) => <DaysLeftBadge daysLeft={v.daysLeft} /> },
        showActions && {
          key: "actions",
          header: null,
          cell: (v) => (
            <Link href={`/visits/new?enterprise=${v.enterpriseId}`} className="text-brand-600 hover:underline">
              登记走访
            </Link>
          ),
          className: "no-print",
          headerClassName: "no-print",
        },
      ]}
    />
  );
}

export function LiaisonIssuesTable({ rows }: { rows: LiaisonIssueItem[] }) {
  if (rows.length === 0) return <EmptyState compact>没有未办结的问题</EmptyState>;
  return (
    <DataTable
      testId="liaison-issues"
      rows={rows}
      rowKey={(i) => i.id}
      rowClassName={(i) => `${ROW} ${i.daysLeft < 0 ? "bg-red-50/60" : ""}`}
      columns={[
        { header: "问题", cell: (i) => <TitleCell href={`/issues/${i.id}`} title={i.title} sub={i.code} /> },
        enterpriseProjectColumn(),
        { header: "类别", cell: (i) => ISSUE_CATEGORY_LABELS[i.category as IssueCategory] ?? i.category },
        { header: "状态", cell: (i) => ISSUE_STATUS_LABELS[i.status as IssueStatus] ?? i.status },
        { header: "层级", cell: (i) => ISSUE_LEVEL_LABELS[i.level] ?? i.level },
        {
          header: "办结时限",
          cell: (i) => (
            <>
              {i.resolveDeadline} <DaysLeftBadge daysLeft={i.daysLeft} />
            </>
          ),
          className: "tabular-nums",
        },
      ]}
    />
  );
}
