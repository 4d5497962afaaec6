import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatPercent, rate } from "@/lib/domain/indicators";
import { formatYearMonth, lastCompletedMonth, parseYearMonth, recentCompletedMonths, ymKey } from "@/lib/domain/filing";
import { filingPageSchema } from "@/lib/validation/progress";
import { parseUrlFilters } from "@/lib/validation/url-filters";
import { pageFrom } from "@/lib/validation/paging";
import { listMissingFilings } from "@/lib/server/progress/list-missing-filings";
import { listVisibleParks } from "@/lib/server/parks/list-visible-parks";
import { PageHeader } from "@/components/ui/page-header";
import { FilterErrors } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { PrintButton } from "@/components/ui/print-button";
import { MonthParkFilter } from "@/components/progress/month-park-filter";
import { Alert } from "@/components/ui/alert";
import { DataTable, ROW, TitleCell } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "未填报清单" };

export default async function MissingFilingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "project.read");
  const raw = await searchParams;
  const { filters, errors } = parseUrlFilters(filingPageSchema, raw);
  const today = todayInShanghai();
  const ym = (filters.month && parseYearMonth(filters.month)) || lastCompletedMonth(today);
  const monthKey = ymKey(ym);
  const [result, parks] = await Promise.all([
    orNotFound(listMissingFilings(actor, { parkId: filters.park, year: ym.year, month: ym.month, liaisonId: filters.liaison }, { page: pageFrom(raw.page), pageSize: 50 })).catch((e) => {
      if (e?.code === "VALIDATION") return e.message as string;
      throw e;
    }),
    listVisibleParks(actor),
  ]);
  const params = { park: filters.park, month: monthKey };
  const qs = (extra: Record<string, string | number | undefined>) =>
    "?" + new URLSearchParams(Object.entries({ ...params, ...extra }).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return (
    <>
      <div className="no-print mb-2 text-sm">
        <Link href={`/progress?month=${monthKey}${filters.park ? `&park=${filters.park}` : ""}`} className="text-brand-600 hover:underline">
          ← 月度填报
        </Link>
      </div>
      <PageHeader title={`${formatYearMonth(ym)} 未填报清单`} subtitle="按园区和包保责任人列出应报未报的项目（已开工、正常推进的项目，当月或以前开工）">
        <PrintButton />
      </PageHeader>
      <MonthParkFilter action="/progress/missing" parks={parks} park={filters.park} month={monthKey} months={recentCompletedMonths(today)} allParks />
      <FilterErrors errors={errors} />
      {typeof result === "string" ? (
        <Alert tone="warning">
          {result}
        </Alert>
      ) : (
        <>
          {result.dueDate === null ? (
            <Alert tone="warning" className="mb-3">
              截止日（月末后第 5 个工作日）无法确定：{result.calendarMissing}；以下为未报项目
            </Alert>
          ) : (
            <p className="mb-3 text-sm text-slate-700">
              截止日 <strong>{result.dueDate}</strong>（月末后第 5 个工作日）{result.overdue ? "，已过截止日，以下为逾期未报" : "，尚未到截止日，以下为待报"}
            </p>
          )}
          <div className="mb-4 grid gap-4 lg:grid-cols-2">
            <section>
              <h2 className="mb-2 font-semibold">按园区</h2>
              <DataTable
                testId="missing-by-park"
                rows={result.byPark}
                rowKey={(r) => r.parkId}
                empty="该月没有应报项目"
                columns={[
                  {
                    header: "园区",
                    cell: (r) => (
                      <Link className="text-brand-600 hover:underline" href={`/progress/missing${qs({ park: r.parkId, liaison: undefined })}`}>
                        {r.parkName}
                      </Link>
                    ),
                  },
                  { header: "应报", cell: (r) => r.owed, numeric: true },
                  { header: "未报", cell: (r) => r.missing, numeric: true, cellProps: (r) => (r.missing > 0 ? { className: "font-medium text-red-700" } : {}) },
                  { header: "报送率", cell: (r) => formatPercent(rate(r.owed - r.missing, r.owed)), numeric: true },
                ]}
              />
            </section>
            <section>
              <h2 className="mb-2 font-semibold">按包保责任人</h2>
              <DataTable
                testId="missing-by-person"
                rows={result.byPerson}
                rowKey={(r) => r.liaisonId ?? 0}
                rowClassName={(r) => `${ROW} ${filters.liaison === r.liaisonId ? "bg-brand-50" : ""}`}
                empty="全部已报"
                columns={[
                  {
                    header: "包保责任人",
                    cell: (r) =>
                      r.liaisonId ? (
                        <Link className="text-brand-600 hover:underline" href={`/progress/missing${qs({ liaison: r.liaisonId })}`}>
                          {r.liaisonName}
                        </Link>
                      ) : (
                        <span className="text-slate-500">未分配包保责任人</span>
                      ),
                  },
                  { header: "负责项目", cell: (r) => r.owed, numeric: true },
                  { header: "未报", cell: (r) => r.missing, numeric: true, className: "font-medium text-red-700" },
                ]}
              />
            </section>
          </div>
          <h2 className="mb-2 font-semibold">未填报项目{filters.liaison ? `（${result.byPerson.find((p) => p.liaisonId === filters.liaison)?.liaisonName ?? ""}）` : ""}</h2>
          <DataTable
            testId="missing-list"
            rows={result.rows}
            rowKey={(r) => r.id}
            empty="没有未填报的项目"
            columns={[
              { header: "园区", cell: (r) => r.parkName, className: "text-slate-700" },
              { header: "包保责任人", cell: (r) => r.liaisonName ?? "未分配", className: "text-slate-700" },
              { header: "项目", cell: (r) => <TitleCell href={`/projects/${r.id}`} title={r.name} sub={r.code} /> },
              { header: "投资主体", cell: (r) => r.enterpriseName, className: "text-slate-700" },
              { header: "开工日期", cell: (r) => r.actualStartDate, className: "tabular-nums text-slate-700" },
            ]}
          />
          <Pagination basePath="/progress/missing" params={{ ...params, liaison: filters.liaison }} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
