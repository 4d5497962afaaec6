import Link from "next/link";
import type { EnterpriseHolder, EnterpriseListItem } from "@/lib/server/enterprises/list-enterprises";

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
    return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有符合条件的企业</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="enterprise-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">企业名称</th>
            <th className="px-3 py-2">统一社会信用代码</th>
            {showPark && <th className="px-3 py-2">园区</th>}
            <th className="px-3 py-2">行业</th>
            <th className="px-3 py-2">联系人</th>
            <th className="px-3 py-2 text-right">项目</th>
            <th className="px-3 py-2 text-right">未销号问题</th>
            <th className="px-3 py-2">包保责任人</th>
            <th className="px-3 py-2">包保领导</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
              <td className="px-3 py-2">
                <Link href={`/enterprises/${e.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                  {e.name}
                </Link>
                {e.legalPerson && <div className="text-xs text-slate-400">法定代表人 {e.legalPerson}</div>}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-700">{e.creditCode ?? "—"}</td>
              {showPark && <td className="px-3 py-2 text-slate-700">{e.parkName}</td>}
              <td className="px-3 py-2 text-slate-700">{e.industry ?? "—"}</td>
              <td className="px-3 py-2 text-slate-700">
                {e.contactName ?? "—"}
                {e.contactPhone && <div className="text-xs tabular-nums text-slate-400">{e.contactPhone}</div>}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{e.projectCount}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${e.openIssueCount > 0 ? "font-medium text-amber-700" : ""}`}>{e.openIssueCount}</td>
              <td className="px-3 py-2 text-slate-700">
                <Holder person={e.liaison} />
              </td>
              <td className="px-3 py-2 text-slate-700">
                <Holder person={e.leader} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
