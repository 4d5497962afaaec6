import type { EnterpriseHolder, EnterpriseListItem } from "@/lib/server/enterprises/list-enterprises";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

function Holder({ person }: { person: EnterpriseHolder | null }) {
  if (!person) return <span className="text-red-600">未指定</span>;
  return (
    <>
      {person.name}
      {person.phone && <div className="text-xs tabular-nums text-slate-400">{person.phone}</div>}
    </>
  );
}

/** One page of the registry: who the enterprise is, how much is going on, who covers it. */
export function EnterpriseTable({ items, showPark }: { items: EnterpriseListItem[]; showPark: boolean }) {
  if (items.length === 0) {
    return <EmptyState>没有符合条件的企业</EmptyState>;
  }
  return (
    <DataTable
      testId="enterprise-table"
      rows={items}
      rowKey={(e) => e.id}
      rowClassName={() => `${ROW} align-top hover:bg-slate-50`}
      columns={[
        { header: "企业名称", cell: (e) => <TitleCell href={`/enterprises/${e.id}`} title={e.name} sub={e.legalPerson && `法定代表人 ${e.legalPerson}`} /> },
        { header: "统一社会信用代码", cell: (e) => e.creditCode ?? "—", className: "font-mono text-xs text-slate-700" },
        showPark && { header: "园区", cell: (e) => e.parkName, className: "text-slate-700" },
        { header: "行业", cell: (e) => e.industry ?? "—", className: "text-slate-700" },
        {
          header: "联系人",
          cell: (e) => (
            <>
              {e.contactName ?? "—"}
              {e.contactPhone && <div className="text-xs tabular-nums text-slate-400">{e.contactPhone}</div>}
            </>
          ),
          className: "text-slate-700",
        },
        { header: "项目", cell: (e) => e.projectCount, numeric: true },
        { header: "未销号问题", cell: (e) => e.openIssueCount, numeric: true, cellProps: (e) => (e.openIssueCount > 0 ? { className: "font-medium text-amber-700" } : {}) },
        { header: "包保责任人", cell: (e) => <Holder person={e.liaison} />, className: "text-slate-700" },
        { header: "包保领导", cell: (e) => <Holder person={e.leader} />, className: "text-slate-700" },
      ]}
    />
  );
}
