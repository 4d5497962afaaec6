import Link from "next/link";
import type { CoveragePerson, CoverageRow } from "@/lib/server/coverage/list-coverage";
import { StageBadge } from "@/components/ui/stage-badge";

function Person({ p, empty }: { p: CoveragePerson | null; empty: string }) {
  if (!p) return <span className="text-red-600">{empty}</span>;
  return (
    <div>
      <span className="font-medium">{p.name}</span>
      {p.title && <span className="ml-1 text-xs text-slate-500">{p.title}</span>}
      <div className="text-xs tabular-nums text-slate-600">{p.phone ?? "—"}</div>
      {(p.department || p.unit) && <div className="text-xs text-slate-400">{p.department ?? p.unit}</div>}
    </div>
  );
}

/** 挂牌公示: who covers which enterprise, with phone; printable. */
export function CoverageTable({ rows }: { rows: CoverageRow[] }) {
  if (rows.length === 0) return <p className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-500">没有符合条件的企业</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="coverage-table">
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">企业</th>
            <th className="px-3 py-2">包保责任人</th>
            <th className="px-3 py-2">包保领导</th>
            <th className="px-3 py-2">项目</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.enterpriseId} className="break-inside-avoid border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <div className="font-medium">{r.enterpriseName}</div>
                {r.industry && <div className="text-xs text-slate-500">{r.industry}</div>}
              </td>
              <td className="px-3 py-2">
                <Person p={r.liaison} empty="未落实" />
              </td>
              <td className="px-3 py-2">
                <Person p={r.leader} empty="未落实" />
              </td>
              <td className="px-3 py-2">
                <ul className="space-y-1">
                  {r.projects.map((p) => (
                    <li key={p.id} className="flex flex-wrap items-center gap-2">
                      <Link href={`/projects/${p.id}`} className="hover:text-brand-600">
                        {p.name}
                      </Link>
                      <StageBadge stage={p.stage} status={p.status} />
                    </li>
                  ))}
                  {r.projectCount > r.projects.length && <li className="text-xs text-slate-400">等共 {r.projectCount} 个项目</li>}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
