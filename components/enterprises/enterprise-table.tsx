import { useTranslations } from "next-intl";
import type { EnterpriseHolder, EnterpriseListItem } from "@/lib/server/enterprises/list-enterprises";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

function Holder({ person }: { person: EnterpriseHolder | null }) {
  const t = useTranslations("enterprises.table");
  if (!person) return <span className="text-red-600">{t("unassigned")}</span>;
  return (
    <>
      {person.name}
      {person.phone && <div className="text-xs tabular-nums text-slate-400">{person.phone}</div>}
    </>
  );
}

/** One page of the registry: who the enterprise is, how much is going on, who covers it. */
export function EnterpriseTable({ items, showPark }: { items: EnterpriseListItem[]; showPark: boolean }) {
  const t = useTranslations("enterprises.table");
  if (items.length === 0) {
    return <EmptyState>{t("empty")}</EmptyState>;
  }
  return (
    <DataTable
      testId="enterprise-table"
      rows={items}
      rowKey={(e) => e.id}
      rowClassName={() => `${ROW} align-top hover:bg-slate-50`}
      columns={[
        { header: t("name"), cell: (e) => <TitleCell href={`/enterprises/${e.id}`} title={e.name} sub={e.legalPerson && t("legalPerson", { name: e.legalPerson })} /> },
        { header: t("creditCode"), cell: (e) => e.creditCode ?? "—", className: "font-mono text-xs text-slate-700" },
        showPark && { header: t("park"), cell: (e) => e.parkName, className: "text-slate-700" },
        { header: t("industry"), cell: (e) => e.industry ?? "—", className: "text-slate-700" },
        {
          header: t("contact"),
          cell: (e) => (
            <>
              {e.contactName ?? "—"}
              {e.contactPhone && <div className="text-xs tabular-nums text-slate-400">{e.contactPhone}</div>}
            </>
          ),
          className: "text-slate-700",
        },
        { header: t("projects"), cell: (e) => e.projectCount, numeric: true },
        { header: t("openIssues"), cell: (e) => e.openIssueCount, numeric: true, cellProps: (e) => (e.openIssueCount > 0 ? { className: "font-medium text-amber-700" } : {}) },
        { header: t("liaison"), cell: (e) => <Holder person={e.liaison} />, className: "text-slate-700" },
        { header: t("leader"), cell: (e) => <Holder person={e.leader} />, className: "text-slate-700" },
      ]}
    />
  );
}
