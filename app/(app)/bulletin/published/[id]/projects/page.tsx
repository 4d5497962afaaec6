import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { formatYearMonth } from "@/lib/domain/filing";
import { METRICS, METRIC_LABELS } from "@/lib/domain/indicators";
import { STAGE_LABELS, STATUS_LABELS, type ProjectStatus, type Stage } from "@/lib/domain/stages";
import { pageFrom } from "@/lib/validation/paging";
import { urlId } from "@/lib/validation/url-filters";
import { listPublishedFigureProjects } from "@/lib/server/bulletin/published-bulletin";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, TitleCell } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "定稿数字背后的项目" };

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
  const list = await orNotFound(listPublishedFigureProjects(actor, id.data, wanted, { page: pageFrom(raw.page), pageSize: 50 }));
  const b = list.bulletin;
  return (
    <>
      <PageHeader
        title={`${b.scopeName}${formatYearMonth(b)}通报（定稿第 ${b.revision} 版）· 数字背后的项目`}
        subtitle="定稿时计入各数字的项目，按定稿时冻结的清单列出；阶段与状态一栏是项目今天的情况"
      >
        <Link href={`/bulletin/published/${b.id}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          返回定稿通报
        </Link>
      </PageHeader>
      <nav aria-label="数字" className="no-print mb-4 flex flex-wrap gap-2 text-sm">
        {METRICS.map((m) => (
          <Link
            key={m}
            href={`/bulletin/published/${b.id}/projects?metric=${m}`}
            aria-current={m === list.metric ? "page" : undefined}
            className={`rounded border px-2 py-1 ${m === list.metric ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white hover:bg-slate-100"}`}
          >
            {METRIC_LABELS[m]}
          </Link>
        ))}
      </nav>
      <p className="mb-2 text-sm text-slate-700" data-testid="figure-total">
        {METRIC_LABELS[list.metric]}：定稿时共 <strong>{list.total}</strong> 个
      </p>
      <DataTable
        aria-label={METRIC_LABELS[list.metric]}
        testId="figure-projects"
        rows={list.rows}
        rowKey={(r) => r.id}
        empty="定稿时该数字为 0"
        columns={[
          { header: "项目", cell: (r) => <TitleCell href={`/projects/${r.id}`} title={r.name} sub={r.code} /> },
          { header: "企业", cell: (r) => r.enterpriseName },
          { header: "园区", cell: (r) => r.parkName },
          { header: "今天的阶段 / 状态", cell: (r) => `${STAGE_LABELS[r.stage as Stage] ?? r.stage} / ${STATUS_LABELS[r.status as ProjectStatus] ?? r.status}` },
        ]}
      />
      <Pagination basePath={`/bulletin/published/${b.id}/projects`} params={{ metric: list.metric }} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
