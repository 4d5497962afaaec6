import type { ProjectListItem } from "@/lib/server/projects/list-projects";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { formatMoney } from "@/lib/domain/money";
import { KEY_LEVEL_LABELS } from "@/lib/domain/labels";
import { StageBadge } from "@/components/ui/stage-badge";
import { type LightSummary, WarningLight } from "@/components/warnings/warning-light";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

export function ProjectTable({ items, lights }: { items: ProjectListItem[]; lights?: Record<number, LightSummary> }) {
  if (items.length === 0) {
    return <EmptyState>没有符合条件的项目</EmptyState>;
  }
  return (
    <DataTable
      testId="project-table"
      rows={items}
      rowKey={(p) => p.id}
      rowClassName={() => `${ROW} hover:bg-slate-50`}
      columns={[
        { header: "项目名称", cell: (p) => <TitleCell href={`/projects/${p.id}`} title={p.name} sub={p.code} /> },
        { header: "投资主体", cell: (p) => p.enterpriseName, className: "text-slate-700" },
        { header: "园区", cell: (p) => p.parkName, className: "text-slate-700" },
        { header: "产业链", cell: (p) => p.industry, className: "text-slate-700" },
        { header: "级别", cell: (p) => KEY_LEVEL_LABELS[p.keyLevel], className: "text-slate-700" },
        { header: "阶段", cell: (p) => <StageBadge stage={p.stage as Stage} status={p.status as ProjectStatus} /> },
        { header: "签约日期", cell: (p) => p.signedDate, className: "tabular-nums text-slate-700" },
        { header: "总投资", cell: (p) => formatMoney(p.totalInvestment), numeric: true },
        { header: "包保责任人", cell: (p) => p.liaisonName ?? "—", className: "text-slate-700" },
        lights && { header: "亮灯", cell: (p) => <WarningLight light={lights[p.id]} /> },
      ]}
    />
  );
}
