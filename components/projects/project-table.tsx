import Link from "next/link";
import type { ProjectListItem } from "@/lib/server/projects/list-projects";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { formatMoney } from "@/lib/domain/money";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { StageBadge } from "@/components/ui/stage-badge";
import { type LightSummary, WarningLight } from "@/components/warnings/warning-light";

export function ProjectTable({ items, lights }: { items: ProjectListItem[]; lights?: Record<number, LightSummary> }) {
  if (items.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有符合条件的项目</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="project-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">项目名称</th>
            <th className="px-3 py-2">投资主体</th>
            <th className="px-3 py-2">园区</th>
            <th className="px-3 py-2">产业链</th>
            <th className="px-3 py-2">级别</th>
            <th className="px-3 py-2">阶段</th>
            <th className="px-3 py-2">签约日期</th>
            <th className="px-3 py-2 text-right">总投资</th>
            <th className="px-3 py-2">包保责任人</th>
            {lights && <th className="px-3 py-2">亮灯</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-3 py-2">
                <Link href={`/projects/${p.id}`} className="font-medium text-slate-900 hover:text-brand-600">
                  {p.name}
                </Link>
                <div className="text-xs text-slate-400">{p.code}</div>
              </td>
              <td className="px-3 py-2 text-slate-700">{p.enterpriseName}</td>
              <td className="px-3 py-2 text-slate-700">{p.parkName}</td>
              <td className="px-3 py-2 text-slate-700">{p.industry}</td>
              <td className="px-3 py-2 text-slate-700">{KEY_LEVEL_LABELS[p.keyLevel]}</td>
              <td className="px-3 py-2">
                <StageBadge stage={p.stage as Stage} status={p.status as ProjectStatus} />
              </td>
              <td className="px-3 py-2 tabular-nums text-slate-700">{p.signedDate}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(p.totalInvestment)}</td>
              <td className="px-3 py-2 text-slate-700">{p.liaisonName ?? "—"}</td>
              {lights && (
                <td className="px-3 py-2">
                  <WarningLight light={lights[p.id]} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
