import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CoveragePerson, CoverageRow } from "@/lib/server/coverage/list-coverage";
import { StageBadge } from "@/components/ui/stage-badge";
import { DataTable, EmptyState, ROW } from "@/components/ui/data-table";

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
  const t = useTranslations("coverage.table");
  if (rows.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <DataTable
      testId="coverage-table"
      rows={rows}
      rowKey={(r) => r.enterpriseId}
      rowClassName={() => `break-inside-avoid ${ROW} align-top`}
      columns={[
        {
          header: t("enterprise"),
          cell: (r) => (
            <>
              <div className="font-medium">{r.enterpriseName}</div>
              {r.industry && <div className="text-xs text-slate-500">{r.industry}</div>}
            </>
          ),
        },
        { header: t("liaison"), cell: (r) => <Person p={r.liaison} empty={t("none")} /> },
        { header: t("leader"), cell: (r) => <Person p={r.leader} empty={t("none")} /> },
        {
          header: t("projects"),
          cell: (r) => (
            <ul className="space-y-1">
              {r.projects.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`/projects/${p.id}`} className="hover:text-brand-600">
                    {p.name}
                  </Link>
                  <StageBadge stage={p.stage} status={p.status} />
                </li>
              ))}
              {r.projectCount > r.projects.length && <li className="text-xs text-slate-400">{t("more", { count: r.projectCount })}</li>}
            </ul>
          ),
        },
      ]}
    />
  );
}
