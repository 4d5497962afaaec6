import Link from "next/link";
import type { IssueListItem } from "@/lib/server/issues/list-issues";
import { ISSUE_CATEGORY_LABELS, ISSUE_LEVEL_LABELS, ISSUE_STATUS_LABELS, SATISFACTION_LABELS } from "@/lib/domain/issues";

export function IssueTable({ items }: { items: IssueListItem[] }) {
  if (items.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有符合条件的问题</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="issue-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">问题</th>
            <th className="px-3 py-2">企业 / 项目</th>
            <th className="px-3 py-2">类别</th>
            <th className="px-3 py-2">状态</th>
            <th className="px-3 py-2">层级</th>
            <th className="px-3 py-2">责任单位 / 负责人</th>
            <th className="px-3 py-2">包保责任人</th>
            <th className="px-3 py-2">办结时限</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className={`border-t border-slate-100 ${i.overdue ? "bg-red-50/60" : ""}`}>
              <td className="px-3 py-2">
                <Link href={`/issues/${i.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                  {i.title}
                </Link>
                <div className="text-xs text-slate-400">
                  {i.code} · {i.parkName} · 提出 {i.raisedDate}
                </div>
              </td>
              <td className="px-3 py-2 text-slate-600">
                {i.enterpriseName}
                {i.projectName && <div className="text-xs text-slate-400">{i.projectName}</div>}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{ISSUE_CATEGORY_LABELS[i.category]}</td>
              <td className="whitespace-nowrap px-3 py-2">
                {ISSUE_STATUS_LABELS[i.status]}
                {i.satisfaction && <div className="text-xs text-slate-500">{SATISFACTION_LABELS[i.satisfaction]}</div>}
                {i.reopenCount > 0 && <div className="text-xs text-amber-700">复核 {i.reopenCount} 次</div>}
              </td>
              <td className="px-3 py-2 text-xs">{ISSUE_LEVEL_LABELS[i.level]}</td>
              <td className="px-3 py-2 text-slate-600">
                {i.responsibleUnit ?? "—"}
                {i.responsibleName && <div className="text-xs text-slate-400">{i.responsibleName}</div>}
              </td>
              <td className="px-3 py-2 text-slate-600">{i.liaisonName ?? "—"}</td>
              <td className="whitespace-nowrap px-3 py-2 tabular-nums">
                {i.status === "CLOSED" ? <span className="text-slate-500">已销号 {i.closedDate}</span> : i.resolveDeadline}
                {i.overdue && <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700">超期 {i.overdueDays} 天</span>}
                {i.extensionPending && <div className="text-xs text-amber-700">延期待审批</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
