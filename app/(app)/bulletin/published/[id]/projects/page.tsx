import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { METRICS } from "@/lib/domain/indicators";
import { PROJECT_STATUSES, STAGES, type ProjectStatus, type Stage } from "@/lib/domain/stages";
import { pageFrom } from "@/lib/validation/paging";
import { urlId } from "@/lib/validation/url-filters";
import { listPublishedFigureProjects } from "@/lib/server/bulletin/published-bulletin";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { metricLabel } from "@/components/dashboard/labels";
import { formatYearMonthIn } from "@/lib/i18n/format";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("bulletin");
  return { title: t("figures.metaTitle") };
}

export default async function PublishedFigureProjectsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  requirePermission(actor, "dashboard.read");
  const id = urlId("通报").safeParse((await params).id);
  if (!id.success) notFound();
  const raw = await searchParams;
  const wanted = typeof raw.metric === "string" && (METRICS as readonly string[]).includes(raw.metric) ? raw.metric : "cohort.signed";
  const [list, t, td, tc, locale] = await Promise.all([
    orNotFound(listPublishedFigureProjects(actor, id.data, wanted, { page: pageFrom(raw.page), pageSize: 50 })),
    getT("bulletin"),
    getT("dashboard"),
    getT("common"),
    getRequestLocale(),
  ]);
  const b = list.bulletin;
  const stage = (s: string) => ((STAGES as readonly string[]).includes(s) ? tc(`enum.stage.${s as Stage}`) : s);
  const status = (s: string) => ((PROJECT_STATUSES as readonly string[]).includes(s) ? tc(`enum.status.${s as ProjectStatus}`) : s);
  return (
    <>
      <PageHeader title={t("figures.title", { scope: b.scopeName, month: formatYearMonthIn(locale, b), revision: b.revision })} subtitle={t("figures.subtitle")}>
        <Link href={`/bulletin/published/${b.id}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          {t("figures.back")}
        </Link>
      </PageHeader>
      <nav aria-label={t("figures.nav")} className="no-print mb-4 flex flex-wrap gap-2 text-sm">
        {METRICS.map((m) => (
          <Link
            key={m}
            href={`/bulletin/published/${b.id}/projects?metric=${m}`}
            aria-current={m === list.metric ? "page" : undefined}
            className={`rounded border px-2 py-1 ${m === list.metric ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {metricLabel(td, m)}
          </Link>
        ))}
      </nav>
      <p className="mb-2 text-sm text-slate-700" data-testid="figure-total">
        {t.rich("figures.total", { metric: metricLabel(td, list.metric), count: list.total, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <DataTable
        aria-label={metricLabel(td, list.metric)}
        testId="figure-projects"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty={t("figures.empty")}
        columns={[
          { header: t("figures.project"), cell: (r) => <TitleCell href={`/projects/${r.id}`} title={r.name} sub={r.code} /> },
          { header: t("figures.enterprise"), cell: (r) => r.enterpriseName },
          { header: t("figures.park"), cell: (r) => r.parkName },
          { header: t("figures.stageStatus"), cell: (r) => `${stage(r.stage)} / ${status(r.status)}` },
        ]}
      />
      <Pagination basePath={`/bulletin/published/${b.id}/projects`} params={{ metric: list.metric }} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
