import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ParkOverviewRow } from "@/lib/server/parks/list-park-overview";
import { formatYi } from "@/lib/domain/money";
import type { ParkLevel, ParkType } from "@/lib/domain/labels";
import { DataTable, EmptyState, ROW } from "@/components/ui/data-table";

const STAGE_COLUMNS = [
  ["signed", "SIGNED"],
  ["landed", "LANDED"],
  ["started", "STARTED"],
  ["producing", "PRODUCING"],
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
  const t = useTranslations("parks.table");
  const tc = useTranslations("common.enum");
  if (parks.length === 0) {
    return <EmptyState>{t("empty")}</EmptyState>;
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
          header: t("park"),
          cell: (row) =>
            row.parkId === null ? (
              t("total")
            ) : (
              <>
                <Link href={`/projects?park=${row.parkId}`} className="font-medium text-slate-900 hover:text-brand-600">
                  {row.parkName}
                </Link>
                <span className="ml-2 text-xs text-slate-500">
                  {row.level && tc(`parkLevel.${row.level as ParkLevel}`)}
                  {row.type && tc(`parkType.${row.type as ParkType}`)}
                </span>
                <Link href={`/board?park=${row.parkId}`} className="no-print ml-2 text-xs text-brand-600 hover:underline">
                  {t("board")}
                </Link>
                {configurable.includes(row.parkId) && (
                  <Link href={`/parks/${row.parkId}/settings`} className="no-print ml-2 text-xs text-slate-500 hover:underline">
                    {t("settings")}
                  </Link>
                )}
              </>
            ),
        },
        { header: t("region"), cell: (row) => row.regionName ?? "", className: "text-slate-600" },
        { header: t("projects"), cell: (row) => <CountLink parkId={row.parkId} value={row.total} query="" />, align: "right" },
        ...STAGE_COLUMNS.map(([key, stage]) => ({
          key,
          header: tc(`stage.${stage}`),
          cell: (row: ParkOverviewRow) => <CountLink parkId={row.parkId} value={row[key]} query={`stage=${stage}&status=ACTIVE`} />,
          align: "right" as const,
        })),
        { header: t("suspended"), cell: (row) => <CountLink parkId={row.parkId} value={row.suspended} query="status=SUSPENDED" />, align: "right" },
        { header: t("terminated"), cell: (row) => <CountLink parkId={row.parkId} value={row.terminated} query="status=TERMINATED" />, align: "right" },
        { header: t("totalInvestment"), cell: (row) => formatYi(row.totalInvestment).replace(" 亿元", ""), numeric: true },
        { header: t("contractInvestment"), cell: (row) => formatYi(row.contractInvestment).replace(" 亿元", ""), numeric: true },
      ]}
    />
  );
}
