import Link from "next/link";
import { formatYearMonth } from "@/lib/domain/filing";
import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import type { PublishedMeta } from "@/lib/server/bulletin/published-bulletin";
import { DataTable } from "@/components/ui/data-table";

/** The published bulletins, every version: the current one of a month and scope, or replaced by a correction. */
export function PublishedTable({ rows }: { rows: PublishedMeta[] }) {
  return (
    <DataTable
      aria-label="已发布通报"
      testId="published-bulletins"
      rows={rows}
      rowKey={(r) => r.id}
      rowProps={(r) => ({ "data-bulletin-id": r.id })}
      empty="还没有定稿发布的通报"
      columns={[
        {
          header: "通报",
          cell: (r) => (
            <Link href={`/bulletin/published/${r.id}`} className="font-medium text-brand-600 hover:underline">
              {r.scopeName}
              {formatYearMonth(r)}项目推进情况通报
            </Link>
          ),
        },
        { header: "范围", cell: (r) => (r.scope.park !== undefined ? "园区" : "市州") },
        { header: "版本", cell: (r) => `第 ${r.revision} 版${r.supersedes ? "（更正版）" : ""}` },
        {
          header: "状态",
          cell: (r) =>
            r.supersededBy ? (
              <span className="text-amber-800">已被第 {r.supersededBy.revision} 版取代</span>
            ) : (
              <span className="rounded border border-red-700 px-1.5 py-0.5 text-xs font-semibold text-red-700">已定稿</span>
            ),
        },
        { header: "发布人", cell: (r) => r.publishedBy.name },
        { header: "发布时间", cell: (r) => formatPublishedAt(r.publishedAt), numeric: true },
        { header: "更正原因", cell: (r) => r.correctionReason ?? "—", className: "max-w-xs" },
      ]}
    />
  );
}
