import Link from "next/link";
import type { ParkOverviewRow } from "@/lib/server/parks/list-park-overview";
import { formatYi } from "@/lib/domain/money";
import { PARK_LEVEL_LABELS, PARK_TYPE_LABELS, type ParkLevel, type ParkType } from "@/lib/domain/labels";
import { DataTable, EmptyState, ROW } from "@/components/ui/data-table";

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
    return <EmptyState>您目前没有可查看的园区，请联系系统管理员开通权限。</EmptyState>;
  }
  const rows = [...parks, totals];
  return (
    <DataTable
      testId="park-overview"
      rows={rows}
      rowKey={(row) => row.parkId ?? "total"}
      rowClassName={(row) => (row.parkId === null ? "border-t-2 border-slate-300 bg-slate-50 font-semibold" : ROW)}
      columns={[
        {
          header: "园区",
          cell: (row) =>
            row.parkId === null ? (
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
                {configurable.includes(row.parkId) && (
                  <Link href={`/parks/${row.parkId}/settings`} className="no-print ml-2 text-xs text-slate-500 hover:underline">
                    设置
                  </Link>
                )}
              </>
            ),
        },
        { header: "所属市州", cell: (row) => row.regionName ?? "", className: "text-slate-600" },
        { header: "项目总数", cell: (row) => <CountLink parkId={row.parkId} value={row.total} query="" />, align: "right" },
        ...STAGE_COLUMNS.map(([key, label, stage]) => ({
          key,
          header: label,
          cell: (row: ParkOverviewRow) => <CountLink parkId={row.parkId} value={row[key]} query={`stage=${stage}&status=ACTIVE`} />,
          align: "right" as const,
        })),
        { header: "暂缓", cell: (row) => <CountLink parkId={row.parkId} value={row.suspended} query="status=SUSPENDED" />, align: "right" },
        { header: "终止", cell: (row) => <CountLink parkId={row.parkId} value={row.terminated} query="status=TERMINATED" />, align: "right" },
        { header: "总投资（亿元）", cell: (row) => formatYi(row.totalInvestment).replace(" 亿元", ""), numeric: true },
        { header: "合同引资额（亿元）", cell: (row) => formatYi(row.contractInvestment).replace(" 亿元", ""), numeric: true },
      ]}
    />
  );
}
