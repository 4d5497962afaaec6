import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatWanIn } from "@/lib/i18n/format";
import { CARRY_MODES, type CarryOutcome, describePlan } from "@/lib/domain/year-plans";
import { carryOverPageSchema } from "@/lib/validation/year-plans";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { type CarryRow, previewCarryOver } from "@/lib/server/plans/carry-over";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { CarryOverConfirm } from "@/components/plans/carry-over-confirm";
import { planYearOptions } from "@/components/plans/plan-years";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("plans");
  return { title: t("carry.title") };
}

function ProjectCell({ r }: { r: CarryRow }) {
  const tc = useTranslations("common.enum");
  return (
    <div>
      <Link href={`/projects/${r.projectId}`} className="text-brand-600 hover:underline">
        {r.name}
      </Link>
      <div className="text-xs text-slate-500">
        {r.code} · {tc(`stage.${r.stage}`)}
        {r.status !== "ACTIVE" && `（${tc(`status.${r.status}`)}）`}
      </div>
    </div>
  );
}

const why = (o: CarryOutcome) => ("why" in o ? o.why : []).map((w) => <div key={w}>{w}</div>);

export default async function CarryOverPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.write");
  const { filters, errors } = parseUrlFilters(carryOverPageSchema, await searchParams);
  const today = todayInShanghai();
  const currentYear = Number(today.slice(0, 4));
  // In the last quarter the year about to end; before that, last year.
  const year = filters.year ?? (Number(today.slice(5, 7)) >= 10 ? currentYear : currentYear - 1);
  const park = filters.park ?? parksWith(actor, "project.write")[0];
  const mode = filters.mode ?? "remainder";
  const [parks, preview] = await Promise.all([
    listVisibleParks(actor, { permission: "project.write" }),
    orNotFound(previewCarryOver(actor, { parkId: park, year, mode }, today)).catch((e) => {
      if (e?.code === "VALIDATION") return e.message as string;
      throw e;
    }),
  ]);
  const carry = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "carry");
  const exists = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "exists");
  const none = typeof preview === "string" ? [] : preview.rows.filter((r) => r.outcome.kind === "none");
  const [t, locale] = await Promise.all([getT("plans"), getRequestLocale()]);
  const formatWan = (v: Parameters<typeof formatWanIn>[1]) => formatWanIn(locale, v);
  const next = year + 1;
  return (
    <ClientMessages locale={locale} namespaces={["plans"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/plans?park=${park}&year=${year}`} className="text-brand-600 hover:underline">
          {t("carry.back", { year })}
        </Link>
      </div>
      <PageHeader
        title={typeof preview === "string" ? t("carry.title") : t("carry.titleOf", { park: preview.parkName, year, next })}
        subtitle={t("carry.subtitle")}
      />
      <FilterBar action="/plans/carry-over" submitLabel={t("carry.preview")} aria-label={t("carry.filterLabel")}>
        <FilterSelect label={t("carry.park")} name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />
        <FilterSelect label={t("carry.year")} name="year" value={year} options={planYearOptions(currentYear, year, (y, cur) => t(cur ? "thisYear" : "year", { year: y })).filter(([y]) => y <= currentYear)} allLabel={null} />
        <FilterSelect label={t("carry.mode")} name="mode" value={mode} options={CARRY_MODES.map((m) => [m, t(`carryMode.${m}`)] as const)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      {typeof preview === "string" ? (
        <Alert tone="warning">{preview}</Alert>
      ) : (
        <>
          {!preview.yearEnded && (
            <Alert tone="warning" className="mb-3">
              {t("carry.notEnded", { year, today })}
            </Alert>
          )}
          <p className="mb-4 text-sm text-slate-700" data-testid="carry-summary">
            {t.rich("carry.summary", {
              year,
              next,
              planned: preview.counts.planned,
              carry: preview.counts.carry,
              exists: preview.counts.exists,
              none: preview.counts.none,
              mode: t(`carryMode.${mode}`),
              strong: (c) => <strong>{c}</strong>,
              green: (c) => <strong className="text-emerald-700">{c}</strong>,
            })}
          </p>
          <Section title={t("carry.willCarry", { year: next, count: carry.length })} labelled>
            <DataTable
              testId="carry-rows"
              rows={carry}
              rowKey={(r) => r.projectId}
              rowProps={(r) => ({ "data-project-id": r.projectId })}
              empty={t("carry.noneToCarry", { year: next })}
              columns={[
                { header: t("carry.project"), cell: (r) => <ProjectCell r={r} /> },
                { header: t("carry.yearPlan", { year }), cell: (r) => describePlan(r.plan) },
                { header: t("carry.completed"), cell: (r) => formatWan(r.completed), numeric: true },
                { header: t("carry.why"), cell: (r) => why(r.outcome), className: "text-xs text-slate-600" },
                { header: t("carry.nextPlan", { year: next }), cell: (r) => (r.outcome.kind === "carry" ? <strong>{describePlan(r.outcome.next)}</strong> : null) },
              ]}
            />
          </Section>
          {exists.length > 0 && (
            <Section title={t("carry.kept", { year: next, count: exists.length })} labelled>
              <DataTable
                testId="carry-kept"
                rows={exists}
                rowKey={(r) => r.projectId}
                rowProps={(r) => ({ "data-project-id": r.projectId })}
                columns={[
                  { header: t("carry.project"), cell: (r) => <ProjectCell r={r} /> },
                  { header: t("carry.yearPlan", { year }), cell: (r) => describePlan(r.plan) },
                  { header: t("carry.why"), cell: (r) => why(r.outcome), className: "text-xs text-slate-600" },
                  { header: t("carry.wouldBe"), cell: (r) => (r.outcome.kind === "exists" ? describePlan(r.outcome.proposed) : null), className: "text-slate-500" },
                  { header: t("carry.reason"), cell: (r) => (r.outcome.kind === "exists" ? r.outcome.reason : null) },
                ]}
              />
            </Section>
          )}
          {none.length > 0 && (
            <details className="mb-4 text-sm">
              <summary className="cursor-pointer text-slate-600">{t("carry.notCarried", { count: none.length })}</summary>
              <ul className="mt-2 list-disc pl-6 text-slate-600">
                {none.map((r) => (
                  <li key={r.projectId}>
                    {t("carry.notCarriedRow", { code: r.code, name: r.name, reason: r.outcome.kind === "none" ? r.outcome.reason : "" })}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <CarryOverConfirm parkId={preview.parkId} year={year} mode={mode} projectIds={preview.carryIds} />
        </>
      )}
    </ClientMessages>
  );
}
