import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { parksWith } from "@/lib/domain/permissions";
import { listCoverage, listCoverageLiaisons } from "@/lib/server/coverage/list-coverage";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { parseCoverageFilters } from "@/lib/validation/assignments";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { FilterBar, FilterCheck, FilterErrors, FilterInput, FilterSelect } from "@/components/ui/filter-select";
import { CoverageTable } from "@/components/coverage/coverage-table";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "包保挂牌公示" };

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "park.read");
  const sp = await searchParams;
  const readable = parksWith(actor, "park.read");
  const wanted = typeof sp.park === "string" ? Number(sp.park) : readable[0];
  if (!Number.isInteger(wanted)) notFound();
  const { filters, errors } = parseCoverageFilters(sp);
  const [list, liaisons, parks] = await Promise.all([orNotFound(listCoverage(actor, wanted, filters)), orNotFound(listCoverageLiaisons(actor, wanted)), listVisibleParks(actor)]);
  const s = list.summary;
  const manages = parksWith(actor, "assignment.manage");
  return (
    <>
      <PageHeader title={`${list.park.name} · 包保挂牌公示`} subtitle={`企业 ${s.enterprises} 家，已落实包保 ${s.covered} 家，未落实 ${s.uncovered} 家；包保责任人 ${s.liaisons} 名，包保领导 ${s.leaders} 名`}>
        <div className="no-print flex items-center gap-2">
          {manages.length > 0 && (
            <Link href={manages.includes(list.park.id) ? `/coverage/reassign?park=${list.park.id}` : "/coverage/reassign"} className={buttonClass({ variant: "secondary" })}>
              包保移交
            </Link>
          )}
          <PrintButton />
        </div>
      </PageHeader>
      <FilterBar aria-label="筛选">
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={list.park.id} options={parks.map((p) => [p.id, p.name] as const)} allLabel={null} />}
        {parks.length === 1 && <input type="hidden" name="park" value={list.park.id} />}
        <FilterInput label="搜索" name="q" defaultValue={filters.q ?? ""} placeholder="企业或项目名称" className="w-48" />
        <FilterSelect label="包保责任人" name="liaison" value={filters.liaison} options={liaisons.map((l) => [l.id, `${l.name}（${l.count}）`] as const)} />
        <FilterCheck label="只看未落实包保" name="uncovered" checked={filters.uncovered === true} />
        <FilterSelect label="每页" name="pageSize" value={filters.pageSize} options={[20, 50, 100, 500].map((n) => [n, `${n} 家`] as const)} allLabel={null} />
      </FilterBar>
      <FilterErrors errors={errors} />
      <CoverageTable rows={list.rows} />
      <Pagination basePath="/coverage" params={{ park: list.park.id, q: filters.q, liaison: filters.liaison, uncovered: filters.uncovered ? "1" : undefined, pageSize: filters.pageSize }} page={list.page} pageCount={list.pageCount} total={list.total} />
    </>
  );
}
