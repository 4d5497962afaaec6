import Link from "next/link";
import { VISIT_KIND_LABELS } from "@/lib/domain/issues";
import type { VisitListItem } from "@/lib/server/visits/list-visits";
import { DataTable, EmptyState, ROW } from "@/components/ui/data-table";

/** Who visited whom, when and how; the visitor's name narrows the list to their visits. */
export function VisitTable({ items, liaisonHref }: { items: VisitListItem[]; liaisonHref: (liaisonId: number) => string }) {
  if (items.length === 0) return <EmptyState>没有符合条件的走访记录</EmptyState>;
  return (
    <DataTable
      testId="visit-table"
      rows={items}
      rowKey={(v) => v.id}
      rowClassName={() => `${ROW} align-top`}
      columns={[
        { header: "走访日期", cell: (v) => v.visitDate, className: "whitespace-nowrap tabular-nums" },
        { header: "方式", cell: (v) => VISIT_KIND_LABELS[v.kind], className: "whitespace-nowrap" },
        {
          header: "企业 / 项目",
          cell: (v) => (
            <>
              <Link href={`/enterprises/${v.enterpriseId}`} className="font-medium text-slate-900 hover:text-brand-600">
                {v.enterpriseName}
              </Link>
              {v.projectId !== null && (
                <div className="text-xs">
                  <Link href={`/projects/${v.projectId}`} className="text-slate-500 hover:text-brand-600">
                    {v.projectName}
                  </Link>
                </div>
              )}
              <div className="text-xs text-slate-400">{v.parkName}</div>
            </>
          ),
        },
        {
          header: "走访人",
          cell: (v) => (
            <Link href={liaisonHref(v.liaisonId)} className="hover:text-brand-600" title={`只看 ${v.liaisonName} 的走访`}>
              {v.liaisonName}
            </Link>
          ),
          className: "whitespace-nowrap",
        },
        { header: "会见人员", cell: (v) => v.peopleMet ?? "—", className: "text-slate-600" },
        { header: "走访情况", cell: (v) => v.summary, className: "max-w-md text-slate-700" },
        { header: "问题", cell: (v) => (v.issueCount > 0 ? v.issueCount : <span className="text-slate-400">—</span>), numeric: true },
      ]}
    />
  );
}
