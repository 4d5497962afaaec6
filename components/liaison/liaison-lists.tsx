import Link from "next/link";
import type { LiaisonIssueItem, VisitDueItem } from "@/lib/server/liaison/get-liaison-overview";
import { ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS, ISSUE_LEVEL_LABELS, type IssueCategory, type IssueStatus } from "@/lib/domain/issues";
import { DaysLeftBadge } from "./overdue-badge";

const th = "px-3 py-2 text-left font-medium";
const td = "px-3 py-2";

export function VisitsDueTable({ rows, showActions = true }: { rows: VisitDueItem[]; showActions?: boolean }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-center text-sm text-slate-500">没有需要走访的企业</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="visits-due">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className={th}>企业</th>
            <th className={th}>园区</th>
            <th className={th}>上次走访</th>
            <th className={th}>应走访日期</th>
            <th className={th}>状态</th>
            {showActions && <th className={`${th} no-print`} />}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={`${v.parkId}-${v.enterpriseId}`} className="border-t border-slate-100">
              <td className={td}>{v.enterpriseName}</td>
              <td className={`${td} text-slate-600`}>{v.parkName}</td>
              <td className={`${td} tabular-nums text-slate-600`}>{v.lastVisit ? `${v.lastVisit}（${v.daysSince} 天前）` : "从未走访"}</td>
              <td className={`${td} tabular-nums`}>{v.dueDate}</td>
              <td className={td}>
                <DaysLeftBadge daysLeft={v.daysLeft} />
              </td>
              {showActions && (
                <td className={`${td} no-print`}>
                  <Link href={`/visits/new?enterprise=${v.enterpriseId}`} className="text-brand-600 hover:underline">
                    登记走访
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LiaisonIssuesTable({ rows }: { rows: LiaisonIssueItem[] }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-center text-sm text-slate-500">没有未办结的问题</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="liaison-issues">
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            <th className={th}>问题</th>
            <th className={th}>企业 / 项目</th>
            <th className={th}>类别</th>
            <th className={th}>状态</th>
            <th className={th}>层级</th>
            <th className={th}>办结时限</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id} className={`border-t border-slate-100 ${i.daysLeft < 0 ? "bg-red-50/60" : ""}`}>
              <td className={td}>
                <Link href={`/issues/${i.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                  {i.title}
                </Link>
                <div className="text-xs text-slate-400">{i.code}</div>
              </td>
              <td className={`${td} text-slate-600`}>
                {i.enterpriseName}
                {i.projectName && <div className="text-xs text-slate-400">{i.projectName}</div>}
              </td>
              <td className={td}>{ISSUE_CATEGORY_LABELS[i.category as IssueCategory] ?? i.category}</td>
              <td className={td}>{ISSUE_STATUS_LABELS[i.status as IssueStatus] ?? i.status}</td>
              <td className={td}>{ISSUE_LEVEL_LABELS[i.level] ?? i.level}</td>
              <td className={`${td} tabular-nums`}>
                {i.resolveDeadline} <DaysLeftBadge daysLeft={i.daysLeft} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
