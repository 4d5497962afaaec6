import Link from "next/link";
import { useTranslations } from "next-intl";
import type { VisitListItem } from "@/lib/server/visits/list-visits";
import { DataTable, EmptyState, ROW } from "@/components/ui/data-table";

/** Who visited whom, when and how; the visitor's name narrows the list to their visits. */
export function VisitTable({ items, liaisonHref }: { items: VisitListItem[]; liaisonHref: (liaisonId: number) => string }) {
  const t = useTranslations("visits.table");
  const tc = useTranslations("common.enum");
  if (items.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable
      testId="visit-table"
      rows={items}
      rowKey={(v) => v.id}
      rowClassName={() => `${ROW} align-top`}
      columns={[
        { header: t("date"), cell: (v) => v.visitDate, className: "whitespace-nowrap tabular-nums" },
        { header: t("kind"), cell: (v) => tc(`visitKind.${v.kind}`), className: "whitespace-nowrap" },
        {
          header: t("enterpriseProject"),
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
          header: t("liaison"),
          cell: (v) => (
            <Link href={liaisonHref(v.liaisonId)} className="hover:text-brand-600" title={t("onlyLiaison", { name: v.liaisonName })}>
              {v.liaisonName}
            </Link>
          ),
          className: "whitespace-nowrap",
        },
        { header: t("peopleMet"), cell: (v) => v.peopleMet ?? "—", className: "text-slate-600" },
        { header: t("summary"), cell: (v) => v.summary, className: "max-w-md text-slate-700" },
        { header: t("issues"), cell: (v) => (v.issueCount > 0 ? v.issueCount : <span className="text-slate-400">—</span>), numeric: true },
      ]}
    />
  );
}
