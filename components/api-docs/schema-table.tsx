import { useTranslations } from "next-intl";
import type { SchemaRow } from "@/lib/api/openapi-view";
import { DataTable, ROW } from "@/components/ui/data-table";

export function SchemaTable({ rows, caption }: { rows: SchemaRow[]; caption?: string }) {
  const t = useTranslations("apiDocs.op");
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
        { header: t("col.field"), cell: (r) => r.name, className: "whitespace-nowrap font-mono text-slate-900" },
        { header: t("col.type"), cell: (r) => r.type, className: "font-mono text-slate-600" },
        { header: t("col.required"), cell: (r) => (r.required ? <span className="font-medium text-red-700">{t("yes")}</span> : <span className="text-slate-400">{t("no")}</span>) },
        { header: t("col.description"), cell: (r) => r.description, className: "text-slate-700" },
        { header: t("col.rules"), cell: (r) => r.rules, className: "text-slate-500" },
      ]}
    />
  );
}
