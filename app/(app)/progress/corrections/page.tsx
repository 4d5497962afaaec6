import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { CORRECTION_STATUSES, CORRECTION_STATUS_LABELS } from "@/lib/domain/published-bulletins";
import { correctionListSchema } from "@/lib/validation/published-bulletins";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { listProgressCorrections } from "@/lib/server/progress/list-progress-corrections";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterBar, FilterErrors, FilterSelect } from "@/components/ui/filter-select";
import { Pagination, filterParams } from "@/components/ui/pagination";
import { CorrectionTable } from "@/components/progress/correction-table";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "月报更正审批" };

export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const { filters, errors } = parseUrlFilters(correctionListSchema, await searchParams);
  const query = { ...filters, pageSize: 20 };
  const [list, parks] = await Promise.all([orNotFound(listProgressCorrections(actor, query)), listVisibleParks(actor)]);
  return (
    <>
      <PageHeader
        title="月报更正审批"
        subtitle="已随通报定稿的月份，月报关闭：填报人提交更正或补报申请，园区领导批准后写入月报（留痕），并在下期通报的“更正说明”中列出；驳回须说明理由。"
      >
        <Link href={`/progress${filters.park ? `?park=${filters.park}` : ""}`} className={`no-print ${buttonClass({ variant: "secondary" })}`}>
          返回月度填报
        </Link>
      </PageHeader>
      <FilterBar action="/progress/corrections" aria-label="筛选更正申请" reset="/progress/corrections">
        <FilterSelect label="园区" name="park" value={filters.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />
        <FilterSelect label="状态" name="status" value={filters.status} options={CORRECTION_STATUSES.map((s) => [s, CORRECTION_STATUS_LABELS[s]] as const)} allLabel="全部" />
      </FilterBar>
      <FilterErrors errors={errors} />
      <p className="mb-2 text-sm text-slate-700" data-testid="corrections-summary">
        共 {list.total} 件，其中待审批 <strong>{list.pending}</strong> 件
      </p>
      <CorrectionTable rows={list.rows} />
      <Pagination basePath="/progress/corrections" params={filterParams({ park: filters.park, status: filters.status })} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
