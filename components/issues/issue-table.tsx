import { useTranslations } from "next-intl";
import type { IssueListItem } from "@/lib/server/issues/list-issues";
import { type Column, DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

/** The 企业 / 项目 column of a list of problems (its header in the caller's language): the enterprise, the project (if any) under it. */
export function enterpriseProjectColumn<T extends { enterpriseName: string; projectName: string | null }>(header: string): Column<T> {
  return {
    header,
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
  const t = useTranslations("issues.table");
  const tc = useTranslations("common.enum");
  if (items.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable
      testId="issue-table"
      rows={items}
      rowKey={(i) => i.id}
      rowClassName={(i) => `${ROW} ${i.overdue ? "bg-red-50/60" : ""}`}
      columns={[
        { header: t("issue"), cell: (i) => <TitleCell href={`/issues/${i.id}`} title={i.title} sub={t("sub", { code: i.code, park: i.parkName, date: i.raisedDate })} /> },
        enterpriseProjectColumn(t("enterpriseProject")),
        { header: t("category"), cell: (i) => tc(`issueCategory.${i.category}`), className: "whitespace-nowrap" },
        {
          header: t("status"),
          cell: (i) => (
            <>
              {tc(`issueStatus.${i.status}`)}
              {i.satisfaction && <div className="text-xs text-slate-500">{tc(`satisfaction.${i.satisfaction}`)}</div>}
              {i.reopenCount > 0 && <div className="text-xs text-amber-700">{t("reopened", { count: i.reopenCount })}</div>}
            </>
          ),
          className: "whitespace-nowrap",
        },
        { header: t("level"), cell: (i) => tc(`issueLevel.L${i.level as 1 | 2 | 3}`), className: "text-xs" },
        {
          header: t("responsible"),
          cell: (i) => (
            <>
              {i.responsibleUnit ?? "—"}
              {i.responsibleName && <div className="text-xs text-slate-400">{i.responsibleName}</div>}
            </>
          ),
          className: "text-slate-600",
        },
        { header: t("liaison"), cell: (i) => i.liaisonName ?? "—", className: "text-slate-600" },
        {
          header: t("resolveDeadline"),
          cell: (i) => (
            <>
              {i.status === "CLOSED" ? <span className="text-slate-500">{t("closedOn", { date: i.closedDate ?? "" })}</span> : i.resolveDeadline}
              {i.overdue && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("overdueDays", { days: i.overdueDays })}</span>}
              {i.extensionPending && <div className="text-xs text-amber-700">{t("extensionPending")}</div>}
            </>
          ),
          className: "whitespace-nowrap tabular-nums",
        },
      ]}
    />
  );
}
