import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { translateMessage } from "@/lib/i18n/server-messages";
import { DataTable } from "@/components/ui/data-table";
import { POINT_KINDS, type PointKind, formatPoints } from "@/lib/domain/points";
import type { PointEventRow } from "@/lib/server/points/list-point-events";

/** A points item's key under points.kind, or null for an unknown one (shown as stored). */
export function pointKindKey(kind: string): PointKind | "MANUAL" | null {
  return kind === "MANUAL" || (POINT_KINDS as readonly string[]).includes(kind) ? (kind as PointKind | "MANUAL") : null;
}

function Source({ r }: { r: PointEventRow }) {
  const t = useTranslations("points.table");
  const locale = useLocale();
  if (r.kind === "MANUAL") {
    return (
      <span>
        <span className="mr-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">{r.points > 0 ? t("manualPlus") : t("manualMinus")}</span>
        {r.detail}
        <span className="text-xs text-slate-500">{t("enteredBy", { name: r.adjustedByName ?? "" })}</span>
      </span>
    );
  }
  const links: React.ReactNode[] = [];
  if (r.projectId) links.push(<Link key="p" href={`/projects/${r.projectId}`} className="text-brand-700 hover:underline">{r.projectName}</Link>);
  if (r.supervisionId) links.push(<Link key="s" href={`/supervision/${r.supervisionId}`} className="text-brand-700 hover:underline">{t("supervision")}</Link>);
  if (r.issueId) links.push(<Link key="i" href={`/issues/${r.issueId}`} className="text-brand-700 hover:underline">{t("issue", { code: r.issueCode ?? "" })}</Link>);
  if (r.enterpriseId && (!r.projectId || r.visitId)) {
    links.push(
      <Link key="e" href={`/enterprises/${r.enterpriseId}`} className="text-brand-700 hover:underline">
        {r.enterpriseName}
        {r.visitId ? t("visit", { date: r.eventDate }) : ""}
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
      <span className="block text-xs text-slate-500">{translateMessage(r.detail, locale)}</span>
    </span>
  );
}

/** Each point with the event behind it (a link to the project, problem, enterprise or visit) or the adjustment's reason. */
export function PointEventsTable({ rows, showEarner = true }: { rows: PointEventRow[]; showEarner?: boolean }) {
  const t = useTranslations("points");
  const kindLabel = (kind: string) => {
    const k = pointKindKey(kind);
    return k ? t(`kind.${k}`) : kind;
  };
  return (
    <DataTable
      caption={t("table.caption")}
      testId="point-events"
      rows={rows}
      rowKey={(r, i) => `${r.kind}-${r.earner}-${r.eventDate}-${r.projectId}-${r.issueId}-${r.visitId}-${r.adjustmentId}-${i}`}
      empty={t("table.empty")}
      columns={[
        { header: t("table.date"), cell: (r) => r.eventDate, stacked: "title" },
        { header: t("table.kind"), cell: (r) => kindLabel(r.kind) },
        {
          header: t("table.points"),
          numeric: true,
          cell: (r) => <strong className={r.points > 0 ? "text-emerald-700" : "text-red-700"}>{formatPoints(r.points)}</strong>,
        },
        ...(showEarner
          ? [{ header: t("table.earner"), cell: (r: PointEventRow) => t("table.earnerOf", { earner: t(`earner.${r.earner}`), name: r.userName ?? r.unit ?? "" }) }]
          : []),
        { header: t("table.park"), cell: (r) => r.parkName },
        { header: t("table.source"), cell: (r) => <Source r={r} /> },
      ]}
    />
  );
}
