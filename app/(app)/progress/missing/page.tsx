import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { todayInShanghai } from "@/lib/domain/dates";
import { formatPercent, rate } from "@/lib/domain/indicators";
import { lastCompletedMonth, parseYearMonth, recentCompletedMonths, ymKey } from "@/lib/domain/filing";
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
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { formatYearMonthIn } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("progress");
  return { title: t("missing.title") };
}

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
  const [t, locale] = await Promise.all([getT("progress"), getRequestLocale()]);
  return (
    <ClientMessages locale={locale} namespaces={["progress"]}>
      <div className="no-print mb-2 text-sm">
        <Link href={`/progress?month=${monthKey}${filters.park ? `&park=${filters.park}` : ""}`} className="text-brand-600 hover:underline">
          {t("missing.back")}
        </Link>
      </div>
      <PageHeader title={t("missing.titleOf", { month: formatYearMonthIn(locale, ym) })} subtitle={t("missing.subtitle")}>
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
              {t("missing.calendarMissing", { reason: result.calendarMissing ?? "" })}
            </Alert>
          ) : (
            <p className="mb-3 text-sm text-slate-700">
              {t.rich("missing.due", { date: result.dueDate, strong: (c) => <strong>{c}</strong> })}
              {result.overdue ? t("missing.overdue") : t("missing.notYetDue")}
            </p>
          )}
          <div className="mb-4 grid gap-4 lg:grid-cols-2">
            <section>
              <h2 className="mb-2 font-semibold">{t("missing.byPark")}</h2>
              <DataTable
                testId="missing-by-park"
                rows={result.byPark}
                rowKey={(r) => r.parkId}
                empty={t("missing.noneOwed")}
                columns={[
                  {
                    header: t("missing.park"),
                    cell: (r) => (
                      <Link className="text-brand-600 hover:underline" href={`/progress/missing${qs({ park: r.parkId, liaison: undefined })}`}>
                        {r.parkName}
                      </Link>
                    ),
                  },
                  { header: t("missing.owed"), cell: (r) => r.owed, numeric: true },
                  { header: t("missing.missing"), cell: (r) => r.missing, numeric: true, cellProps: (r) => (r.missing > 0 ? { className: "font-medium text-red-700" } : {}) },
                  { header: t("missing.rate"), cell: (r) => formatPercent(rate(r.owed - r.missing, r.owed)), numeric: true },
                ]}
              />
            </section>
            <section>
              <h2 className="mb-2 font-semibold">{t("missing.byPerson")}</h2>
              <DataTable
                testId="missing-by-person"
                rows={result.byPerson}
                rowKey={(r) => r.liaisonId ?? 0}
                rowClassName={(r) => `${ROW} ${filters.liaison === r.liaisonId ? "bg-brand-50" : ""}`}
                empty={t("missing.allFiled")}
                columns={[
                  {
                    header: t("missing.liaison"),
                    cell: (r) =>
                      r.liaisonId ? (
                        <Link className="text-brand-600 hover:underline" href={`/progress/missing${qs({ liaison: r.liaisonId })}`}>
                          {r.liaisonName}
                        </Link>
                      ) : (
                        <span className="text-slate-500">{t("missing.noLiaison")}</span>
                      ),
                  },
                  { header: t("missing.projects"), cell: (r) => r.owed, numeric: true },
                  { header: t("missing.missing"), cell: (r) => r.missing, numeric: true, className: "font-medium text-red-700" },
                ]}
              />
            </section>
          </div>
          <h2 className="mb-2 font-semibold">{filters.liaison ? t("missing.listHeadingOf", { name: result.byPerson.find((p) => p.liaisonId === filters.liaison)?.liaisonName ?? "" }) : t("missing.listHeading")}</h2>
          <DataTable
            testId="missing-list"
            rows={result.rows}
            rowKey={(r) => r.id}
            empty={t("missing.noneMissing")}
            columns={[
              { header: t("missing.park"), cell: (r) => r.parkName, className: "text-slate-700" },
              { header: t("missing.liaison"), cell: (r) => r.liaisonName ?? t("missing.unassigned"), className: "text-slate-700" },
              { header: t("missing.project"), cell: (r) => <TitleCell href={`/projects/${r.id}`} title={r.name} sub={r.code} /> },
              { header: t("missing.enterprise"), cell: (r) => r.enterpriseName, className: "text-slate-700" },
              { header: t("missing.startDate"), cell: (r) => r.actualStartDate, className: "tabular-nums text-slate-700" },
            ]}
          />
          <Pagination basePath="/progress/missing" params={{ ...params, liaison: filters.liaison }} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </ClientMessages>
  );
}
