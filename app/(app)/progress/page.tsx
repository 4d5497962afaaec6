import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { can, parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatYearMonth, lastCompletedMonth, parseYearMonth, recentCompletedMonths, ymKey } from "@/lib/domain/filing";
import { filingPageSchema } from "@/lib/validation/progress";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { pageFrom } from "@/lib/validation/paging";
import { listFilingGrid } from "@/lib/server/progress/list-filing-grid";
import { getMonthClosure } from "@/lib/server/progress/closed-months";
import { pendingCorrections } from "@/lib/server/progress/list-progress-corrections";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterErrors } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { MonthParkFilter } from "@/components/progress/month-park-filter";
import { ProgressGrid } from "@/components/progress/progress-grid";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "月度填报" };

export default async function ProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const raw = await searchParams;
  const { filters, errors } = parseUrlFilters(filingPageSchema, raw);
  const today = todayInShanghai();
  const filers = parksWith(actor, "progress.file");
  const readable = parksWith(actor, "project.read");
  const park = filters.park ?? filers[0] ?? readable[0];
  const ym = (filters.month && parseYearMonth(filters.month)) || lastCompletedMonth(today);
  const onlyMissing = filters.only === "missing";
  const [grid, parks] = await Promise.all([
    orNotFound(listFilingGrid(actor, { parkId: park, year: ym.year, month: ym.month }, { onlyMissing, page: pageFrom(raw.page), pageSize: 50 })).catch((e) => {
      // A month that is not over yet (typed into the URL) is a filter error, not a 404.
      if (e?.code === "VALIDATION") return e.message as string;
      throw e;
    }),
    listVisibleParks(actor),
  ]);
  const parkName = parks.find((p) => p.id === park)?.name ?? "";
  const monthKey = ymKey(ym);
  // A month closed by a published bulletin is filed or corrected only through a request a park leader approves.
  const [closedBy, pending] = typeof grid === "string" ? [null, new Map()] : await Promise.all([getMonthClosure(actor, park, ym), pendingCorrections(actor, park, ym)]);
  const approves = can(actor, "progress.approveCorrection", park);
  return (
    <>
      <PageHeader title={`${parkName} · 月度填报`} subtitle="已开工（含已投产）的项目每月填报本月完成投资、到位资金、形象进度和存在问题；每月报表须在月末后第 5 个工作日内报送，已报月份可更正，修改留痕。">
        <div className="no-print flex gap-2">
          <Link href={`/progress/corrections?park=${park}${approves ? "&status=PENDING" : ""}`} className={buttonClass({ variant: "secondary" })}>
            {approves ? "月报更正审批" : "更正申请"}
          </Link>
          <Link href={`/progress/missing?park=${park}&month=${monthKey}`} className={buttonClass({ variant: "secondary" })}>
            未填报清单
          </Link>
          <PrintButton />
        </div>
      </PageHeader>
      <MonthParkFilter
        action="/progress"
        parks={parks}
        park={park}
        month={monthKey}
        months={recentCompletedMonths(today)}
        extra={
          <label className="flex items-center gap-1 pb-1.5 text-sm text-slate-700">
            <input type="checkbox" name="only" value="missing" defaultChecked={onlyMissing} /> 只看未填报
          </label>
        }
      />
      <FilterErrors errors={errors} />
      {typeof grid === "string" ? (
        <Alert tone="warning">
          {grid}
        </Alert>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700" data-testid="filing-summary">
            {formatYearMonth(ym)}月报截止 <strong>{grid.dueDate ?? "待定"}</strong>
            {grid.dueDate === null ? "" : grid.overdue ? "（已过截止日）" : "（未到截止日）"}：应报 {onlyMissing ? "—" : grid.total} 项，已报 {grid.filed} 项
            {!onlyMissing && grid.total - grid.filed > 0 && (
              <span className={grid.overdue ? "font-medium text-red-700" : "text-amber-800"}>，{grid.overdue ? "逾期未报" : "待报"} {grid.total - grid.filed} 项</span>
            )}
            {!grid.canFile && <span className="ml-2 text-slate-500">（您在本园区只能查看，不能填报）</span>}
          </p>
          {grid.calendarMissing && (
            <Alert tone="warning" className="mb-3">
              截止日无法确定：{grid.calendarMissing}
            </Alert>
          )}
          {closedBy && (
            <Alert tone="info" className="mb-3" testId="month-closed">
              {formatYearMonth(ym)}已随《{closedBy.scopeName}
              {formatYearMonth(closedBy)}项目推进情况通报》定稿发布，月报已关闭：填报或更正须提交申请，经园区领导审批后生效，并在下期通报的“更正说明”中列出。
              {pending.size > 0 && <span className="ml-1">本月待审批的更正申请 {pending.size} 件。</span>}
            </Alert>
          )}
          <ProgressGrid rows={grid.rows} year={ym.year} month={ym.month} canFile={grid.canFile} closed={closedBy !== null} pending={Object.fromEntries(pending)} />
          <Pagination basePath="/progress" params={{ park, month: monthKey, only: filters.only }} page={grid.page} pageCount={grid.pageCount} total={grid.total} />
        </>
      )}
    </>
  );
}
