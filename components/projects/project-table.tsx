import type { ProjectListItem } from "@/lib/server/projects/list-projects";
import type { ProjectStatus, Stage } from "@/lib/domain/stages";
import { useLocale, useTranslations } from "next-intl";
import { formatMoneyIn } from "@/lib/i18n/format";
import type { KEY_LEVELS } from "@/lib/validation/project-filters";

type KeyLevel = (typeof KEY_LEVELS)[number];
import { StageBadge } from "@/components/ui/stage-badge";
import { type LightSummary, WarningLight } from "@/components/warnings/warning-light";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";

export function ProjectTable({ items, lights }: { items: ProjectListItem[]; lights?: Record<number, LightSummary> }) {
  const t = useTranslations("projects.table");
  const tc = useTranslations("common");
  const locale = useLocale();
  if (items.length === 0) {
    return <EmptyState>{t("empty")}</EmptyState>;
  }
  return (
    <DataTable
      testId="project-table"
      rows={items}
      rowKey={(p) => p.id}
      rowClassName={() => `${ROW} hover:bg-slate-50`}
      columns={[
        { header: t("name"), cell: (p) => <TitleCell href={`/projects/${p.id}`} title={p.name} sub={p.code} /> },
        { header: t("enterprise"), cell: (p) => p.enterpriseName, className: "text-slate-700" },
        { header: t("park"), cell: (p) => p.parkName, className: "text-slate-700" },
        { header: t("industry"), cell: (p) => p.industry, className: "text-slate-700" },
        { header: t("keyLevel"), cell: (p) => tc(`enum.keyLevel.${p.keyLevel as KeyLevel}`), className: "text-slate-700" },
        { header: t("stage"), cell: (p) => <StageBadge stage={p.stage as Stage} status={p.status as ProjectStatus} /> },
        { header: tc("enum.stageDate.SIGNED"), cell: (p) => p.signedDate, className: "tabular-nums text-slate-700" },
        { header: t("totalInvestment"), cell: (p) => formatMoneyIn(locale, p.totalInvestment), numeric: true },
        { header: t("liaison"), cell: (p) => p.liaisonName ?? "—", className: "text-slate-700" },
        lights && { header: t("light"), cell: (p) => <WarningLight light={lights[p.id]} /> },
      ]}
    />
  );
}
