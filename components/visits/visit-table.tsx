import Link from "next/link";
import { VISIT_KIND_LABELS } from "@/lib/domain/issues";
import type { VisitListItem } from "@/lib/server/visits/list-visits";

/** Who visited whom, when and how; the visitor's name narrows the list to their visits. */
export function VisitTable({ items, liaisonHref }: { items: VisitListItem[]; liaisonHref: (liaisonId: number) => string }) {
  if (items.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有符合条件的走访记录</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="visit-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">走访日期</th>
            <th className="px-3 py-2">方式</th>
            <th className="px-3 py-2">企业 / 项目</th>
            <th className="px-3 py-2">走访人</th>
            <th className="px-3 py-2">会见人员</th>
            <th className="px-3 py-2">走访情况</th>
            <th className="px-3 py-2 text-right">问题</th>
          </tr>
        </thead>
        <tbody>
          {items.map((v) => (
            <tr key={v.id} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">{v.visitDate}</td>
              <td className="whitespace-nowrap px-3 py-2">{VISIT_KIND_LABELS[v.kind]}</td>
              <td className="px-3 py-2">
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
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                <Link href={liaisonHref(v.liaisonId)} className="hover:text-brand-600" title={`只看 ${v.liaisonName} 的走访`}>
                  {v.liaisonName}
                </Link>
              </td>
              <td className="px-3 py-2 text-slate-600">{v.peopleMet ?? "—"}</td>
              <td className="max-w-md px-3 py-2 text-slate-700">{v.summary}</td>
              <td className="px-3 py-2 text-right tabular-nums">{v.issueCount > 0 ? v.issueCount : <span className="text-slate-400">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
