import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LiaisonIssueItem, VisitDueItem } from "@/lib/server/liaison/get-liaison-overview";
import { ISSUE_CATEGORIES, ISSUE_STATUSES, type IssueCategory, type IssueStatus } from "@/lib/domain/issues";
import { DaysLeftBadge } from "./overdue-badge";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";
import { enterpriseProjectColumn } from "@/components/issues/issue-table";

export function VisitsDueTable({ rows, showActions = true }: { rows: VisitDueItem[]; showActions?: boolean }) {
  const t = useTranslations("liaison.lists");
  if (rows.length === 0) return <EmptyState compact>{t("noVisitsDue")}</EmptyState>;
  return (
    <DataTable
      testId="visits-due"
      rows={rows}
      rowKey={(v) => `${v.parkId}-${v.enterpriseId}`}
      columns={[
        { header: t("enterprise"), cell: (v) => v.enterpriseName },
        { header: t("park"), cell: (v) => v.parkName, className: "text-slate-600" },
        { header: t("lastVisit"), cell: (v) => (v.lastVisit ? t("lastVisitAgo", { date: v.lastVisit, days: v.daysSince ?? 0 }) : t("neverVisited")), className: "tabular-nums text-slate-600" },
        { header: t("dueDate"), cell: (v) => v.dueDate, className: "tabular-nums" },
        { header: t("status"), cell: (v) => <DaysLeftBadge daysLeft={v.daysLeft} /> },
        showActions && {
          key: "actions",
          header: null,
          cell: (v) => (
            <Link href={`/visits/new?enterprise=${v.enterpriseId}`} className="text-brand-600 hover:underline">
              {t("logVisit")}
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
  const t = useTranslations("liaison.lists");
  const tc = useTranslations("common.enum");
  if (rows.length === 0) return <EmptyState compact>{t("noOpenIssues")}</EmptyState>;
  return (
    <DataTable
      testId="liaison-issues"
      rows={rows}
      rowKey={(i) => i.id}
      rowClassName={(i) => `${ROW} ${i.daysLeft < 0 ? "bg-red-50/60" : ""}`}
      columns={[
        { header: t("issue"), cell: (i) => <TitleCell href={`/issues/${i.id}`} title={i.title} sub={i.code} /> },
        enterpriseProjectColumn(t("enterpriseProject")),
        { header: t("category"), cell: (i) => ((ISSUE_CATEGORIES as readonly string[]).includes(i.category) ? tc(`issueCategory.${i.category as IssueCategory}`) : i.category) },
        { header: t("status"), cell: (i) => ((ISSUE_STATUSES as readonly string[]).includes(i.status) ? tc(`issueStatus.${i.status as IssueStatus}`) : i.status) },
        { header: t("level"), cell: (i) => ([1, 2, 3].includes(i.level) ? tc(`issueLevel.L${i.level as 1 | 2 | 3}`) : i.level) },
        {
          header: t("resolveDeadline"),
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
