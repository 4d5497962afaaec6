import type { SchemaRow } from "@/lib/api/openapi-view";
import { DataTable, ROW } from "@/components/ui/data-table";

export function SchemaTable({ rows, caption }: { rows: SchemaRow[]; caption?: string }) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      dense
      rows={rows}
      rowKey={(r) => r.name}
      rowClassName={() => `${ROW} align-top`}
      headClassName="whitespace-nowrap bg-slate-100 text-left text-slate-600"
      caption={caption}
      captionClassName="bg-slate-50 px-3 py-1.5 text-left font-mono text-xs font-semibold text-slate-700"
      columns={[
        { header: "字段", cell: (r) => r.name, className: "whitespace-nowrap font-mono text-slate-900" },
        { header: "类型", cell: (r) => r.type, className: "font-mono text-slate-600" },
        { header: "必填", cell: (r) => (r.required ? <span className="font-medium text-red-700">是</span> : <span className="text-slate-400">否</span>) },
        { header: "说明", cell: (r) => r.description, className: "text-slate-700" },
        { header: "规则", cell: (r) => r.rules, className: "text-slate-500" },
      ]}
    />
  );
}
