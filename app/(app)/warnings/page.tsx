import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { LIGHT_KINDS } from "@/lib/domain/warnings";
import type { Stage } from "@/lib/domain/stages";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { pageFrom } from "@/lib/validation/paging";
import { listRedProjects } from "@/lib/server/warnings/list-red-projects";
import { openLettersByProject } from "@/lib/server/supervision/open-supervisions";
import { can } from "@/lib/domain/permissions";
import { RedRowSupervision } from "@/components/supervision/supervision-links";
import { getLightTrend } from "@/lib/server/warnings/light-snapshots";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { RuleLight } from "@/components/warnings/warning-light";
import { LightTrend } from "@/components/warnings/light-trend";
import { Section } from "@/components/ui/section";
import { buttonClass } from "@/components/ui/button";
import { DataTable, EmptyState, ROW, TitleCell } from "@/components/ui/data-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/server-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("warnings");
  return { title: t("title") };
}

const filtersSchema = z.object({
  park: z.coerce.number({ message: "园区须为数字" }).int("园区须为整数").min(1, "园区无效").max(2_147_483_647, "园区无效").optional(),
  kind: z.enum(LIGHT_KINDS, { message: "亮灯类型无效" }).optional(),
});

export default async function WarningsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const raw = await searchParams;
  const { filters, errors } = parseUrlFilters(filtersSchema, raw);
  const [result, parks, trend] = await Promise.all([
    orNotFound(listRedProjects(actor, { parkId: filters.park, kind: filters.kind }, { page: pageFrom(raw.page), pageSize: 50 })),
    listVisibleParks(actor),
    orNotFound(getLightTrend(actor, { parkId: filters.park })),
  ]);
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const letters = await openLettersByProject(result.rows.map((r) => r.id));
  const parkName = parks.find((p) => p.id === filters.park)?.name ?? (parks.length === 1 ? parks[0].name : undefined);
  const [t, tc, locale] = await Promise.all([getT("warnings"), getT("common"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["warnings"]}>
      <PageHeader
        title={t("heading", { park: parkName ?? t("allParks") })}
        subtitle={t("subtitle", { date: todayInShanghai() })}
      >
        <div className="no-print flex gap-2">
          <Link href={`/progress/missing${filters.park ? `?park=${filters.park}` : ""}`} className={buttonClass({ variant: "secondary" })}>
            {t("missingList")}
          </Link>
          <PrintButton landscape />
        </div>
      </PageHeader>
      <FilterBar action="/warnings">
        <FilterSelect label={t("park")} name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />
        <FilterSelect label={t("redKind")} name="kind" value={filters.kind} options={LIGHT_KINDS.map((k) => [k, t("kindRed", { kind: tc(`enum.lightKind.${k}`) })] as const)} allLabel={t("anyRed")} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {trend.length > 1 && (
        <Section title={t("trend")} className="mb-4" testId="light-trend">
          <LightTrend points={trend} />
        </Section>
      )}
      <p className="mb-2 text-sm text-slate-700" data-testid="red-total">
        {t.rich("redTotal", { count: result.total, strong: (c) => <strong className="text-red-700">{c}</strong> })}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>{t("noRed")}</EmptyState>
      ) : (
        <DataTable
          testId="red-list"
          rows={result.rows}
          rowKey={(r) => r.id}
          rowClassName={() => `${ROW} align-top`}
          rowProps={(r) => ({ "data-testid": "red-row", "data-project-id": r.id })}
          columns={[
            { header: t("col.no"), cell: (_, i) => (result.page - 1) * result.pageSize + i + 1, className: "tabular-nums text-slate-500" },
            { header: t("col.park"), cell: (r) => r.parkName, className: "whitespace-nowrap text-slate-700" },
            { header: t("col.project"), cell: (r) => <TitleCell href={`/projects/${r.id}`} title={r.name} sub={`${r.code} · ${r.enterpriseName}`} /> },
            { header: t("col.stage"), cell: (r) => tc(`enum.stage.${r.stage as Stage}`), className: "whitespace-nowrap text-slate-700" },
            {
              header: t("col.light"),
              cell: (r) => (
                <div className="flex flex-col gap-1">
                  {LIGHT_KINDS.filter((k) => r.light[k] === "RED" || r.light[k] === "YELLOW").map((k) => (
                    <RuleLight key={k} kind={k} light={r.light[k]} />
                  ))}
                </div>
              ),
            },
            {
              header: t("col.reasons"),
              cell: (r) => (
                <ul className="space-y-0.5">
                  {r.light.reasons.map((reason) => (
                    <li key={reason}>{translateMessage(reason, locale)}</li>
                  ))}
                </ul>
              ),
              className: "text-xs text-slate-700",
            },
            { header: t("col.liaison"), cell: (r) => r.liaisonName ?? t("col.unassigned"), className: "whitespace-nowrap text-slate-700" },
            { header: t("col.leader"), cell: (r) => r.leaderName ?? t("col.unassigned"), className: "whitespace-nowrap text-slate-700" },
            {
              header: t("col.supervision"),
              cell: (r) => <RedRowSupervision letters={letters.get(r.id) ?? []} projectId={r.id} canIssue={can(actor, "supervision.issue", r.parkId)} />,
            },
          ]}
        />
      )}
      <Pagination basePath="/warnings" params={{ park: filters.park, kind: filters.kind }} page={result.page} pageCount={pageCount} total={result.total} />
    </ClientMessages>
  );
}
