import Link from "next/link";
import type { ParkOverviewRow } from "@/lib/server/parks/list-park-overview";
import { formatYi } from "@/lib/domain/money";
import { PARK_LEVEL_LABELS, PARK_TYPE_LABELS, type ParkLevel, type ParkType } from "@/lib/domain/labels";

const STAGE_COLUMNS = [
  ["signed", "签约", "SIGNED"],
  ["landed", "落地", "LANDED"],
  ["started", "开工", "STARTED"],
  ["producing", "投产", "PRODUCING"],
] as const;

function CountLink({ parkId, value, query }: { parkId: number | null; value: number; query: string }) {
  if (value === 0) return <span className="text-slate-400">0</span>;
  const park = parkId ? `park=${parkId}&` : "";
  return (
    <Link className="text-brand-600 hover:underline" href={`/projects?${park}${query}`}>
      {value}
    </Link>
  );
}

export function ParkOverviewTable({ parks, totals, configurable = [] }: { parks: ParkOverviewRow[]; totals: ParkOverviewRow; configurable?: number[] }) {
  if (parks.length === 0) {
    return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">您目前没有可查看的园区，请联系系统管理员开通权限。</p>;
  }
  const rows = [...parks, totals];
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="park-overview">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">园区</th>
            <th className="px-3 py-2">所属市州</th>
            <th className="px-3 py-2 text-right">项目总数</th>
            {STAGE_COLUMNS.map(([, label]) => (
              <th key={label} className="px-3 py-2 text-right">
                {label}
              </th>
            ))}
            <th className="px-3 py-2 text-right">暂缓</th>
            <th className="px-3 py-2 text-right">终止</th>
            <th className="px-3 py-2 text-right">总投资（亿元）</th>
            <th className="px-3 py-2 text-right">合同引资额（亿元）</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isTotal = row.parkId === null;
            return (
              <tr key={row.parkId ?? "total"} className={isTotal ? "border-t-2 border-slate-300 bg-slate-50 font-semibold" : "border-t border-slate-100"}>
                <td className="px-3 py-2">
                  {isTotal ? (
                    "合计"
                  ) : (
                    <>
                      <Link href={`/projects?park=${row.parkId}`} className="font-medium text-slate-900 hover:text-brand-600">
                        {row.parkName}
                      </Link>
                      <span className="ml-2 text-xs text-slate-500">
                        {row.level && PARK_LEVEL_LABELS[row.level as ParkLevel]}
                        {row.type && PARK_TYPE_LABELS[row.type as ParkType]}
                      </span>
                      <Link href={`/board?park=${row.parkId}`} className="no-print ml-2 text-xs text-brand-600 hover:underline">
                        看板
                      </Link>
                      {configurable.includes(row.parkId!) && (
                        <Link href={`/parks/${row.parkId}/settings`} className="no-print ml-2 text-xs text-slate-500 hover:underline">
                          设置
                        </Link>
                      )}
                    </>
                  )}
                </td>
                <td className="px-3 py-2 text-slate-600">{row.regionName ?? ""}</td>
                <td className="px-3 py-2 text-right">
                  <CountLink parkId={row.parkId} value={row.total} query="" />
                </td>
                {STAGE_COLUMNS.map(([key, , stage]) => (
                  <td key={key} className="px-3 py-2 text-right">
                    <CountLink parkId={row.parkId} value={row[key]} query={`stage=${stage}&status=ACTIVE`} />
                  </td>
                ))}
                <td className="px-3 py-2 text-right">
                  <CountLink parkId={row.parkId} value={row.suspended} query="status=SUSPENDED" />
                </td>
                <td className="px-3 py-2 text-right">
                  <CountLink parkId={row.parkId} value={row.terminated} query="status=TERMINATED" />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{formatYi(row.totalInvestment).replace(" 亿元", "")}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatYi(row.contractInvestment).replace(" 亿元", "")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
