import type { getProject } from "@/lib/server/projects/get-project";
import { formatWan } from "@/lib/domain/money";

type Reports = Awaited<ReturnType<typeof getProject>>["progressReports"];

export function ProgressTable({ reports }: { reports: Reports }) {
  if (reports.length === 0) return <p className="text-sm text-slate-500">项目开工后按月填报投资完成与资金到位情况</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">月份</th>
            <th className="px-3 py-2 text-right">本月完成投资</th>
            <th className="px-3 py-2 text-right">本月到位资金</th>
            <th className="px-3 py-2">形象进度</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="px-3 py-2 tabular-nums">
                {r.year}年{r.month}月
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.investmentCompleted)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatWan(r.fundsArrived)}</td>
              <td className="px-3 py-2 text-slate-700">{r.imageProgress ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
