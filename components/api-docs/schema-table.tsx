import type { SchemaRow } from "@/lib/api/openapi-view";

export function SchemaTable({ rows, caption }: { rows: SchemaRow[]; caption?: string }) {
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded border border-slate-200">
      <table className="min-w-full text-xs">
        {caption && <caption className="bg-slate-50 px-3 py-1.5 text-left font-mono text-xs font-semibold text-slate-700">{caption}</caption>}
        <thead className="whitespace-nowrap bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-1.5">字段</th>
            <th className="px-3 py-1.5">类型</th>
            <th className="px-3 py-1.5">必填</th>
            <th className="px-3 py-1.5">说明</th>
            <th className="px-3 py-1.5">规则</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-t border-slate-100 align-top">
              <td className="whitespace-nowrap px-3 py-1.5 font-mono text-slate-900">{r.name}</td>
              <td className="px-3 py-1.5 font-mono text-slate-600">{r.type}</td>
              <td className="px-3 py-1.5">{r.required ? <span className="font-medium text-red-700">是</span> : <span className="text-slate-400">否</span>}</td>
              <td className="px-3 py-1.5 text-slate-700">{r.description}</td>
              <td className="px-3 py-1.5 text-slate-500">{r.rules}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
