import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { POINT_EARNER_LABELS, formatPoints, pointKindLabel } from "@/lib/domain/points";
import type { PointEventRow } from "@/lib/server/points/list-point-events";

function Source({ r }: { r: PointEventRow }) {
  if (r.kind === "MANUAL") {
    return (
      <span>
        <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">人工{r.points > 0 ? "加分" : "减分"}</span>
        {r.detail}
        <span className="text-xs text-slate-500">（{r.adjustedByName ?? ""}录入）</span>
      </span>
    );
  }
  const links: React.ReactNode[] = [];
  if (r.projectId) links.push(<Link key="p" href={`/projects/${r.projectId}`} className="text-brand-700 hover:underline">{r.projectName}</Link>);
  if (r.supervisionId) links.push(<Link key="s" href={`/supervision/${r.supervisionId}`} className="text-brand-700 hover:underline">督办函</Link>);
  if (r.issueId) links.push(<Link key="i" href={`/issues/${r.issueId}`} className="text-brand-700 hover:underline">诉求 {r.issueCode}</Link>);
  if (r.enterpriseId && (!r.projectId || r.visitId)) {
    links.push(
      <Link key="e" href={`/enterprises/${r.enterpriseId}`} className="text-brand-700 hover:underline">
        {r.enterpriseName}
        {r.visitId ? `（${r.eventDate} 走访）` : ""}
      </Link>,
    );
  }
  return (
    <span>
      {links.map((l, i) => (
        <span key={i}>
          {i > 0 && " · "}
          {l}
        </span>
      ))}
      <span className="block text-xs text-slate-500">{r.detail}</span>
    </span>
  );
}

/** Each point with the event behind it (a link to the project, problem, enterprise or visit) or the adjustment's reason. */
export function PointEventsTable({ rows, showEarner = true }: { rows: PointEventRow[]; showEarner?: boolean }) {
  return (
    <DataTable
      caption="积分明细"
      testId="point-events"
      rows={rows}
      rowKey={(r, i) => `${r.kind}-${r.earner}-${r.eventDate}-${r.projectId}-${r.issueId}-${r.visitId}-${r.adjustmentId}-${i}`}
      empty="本期间没有积分事项"
      columns={[
        { header: "日期", cell: (r) => r.eventDate, stacked: "title" },
        { header: "积分事项", cell: (r) => pointKindLabel(r.kind) },
        {
          header: "分值",
          numeric: true,
          cell: (r) => <strong className={r.points > 0 ? "text-emerald-700" : "text-red-700"}>{formatPoints(r.points)}</strong>,
        },
        ...(showEarner
          ? [{ header: "得分对象", cell: (r: PointEventRow) => `${POINT_EARNER_LABELS[r.earner]}：${r.userName ?? r.unit ?? ""}` }]
          : []),
        { header: "园区", cell: (r) => r.parkName },
        { header: "依据（记录）", cell: (r) => <Source r={r} /> },
      ]}
    />
  );
}
