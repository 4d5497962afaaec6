import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { orNotFound, requirePermission } from "@/lib/auth/guards";
import { can, parksWith } from "@/lib/domain/permissions";
import { todayInShanghai } from "@/lib/domain/dates";
import { lastCompletedMonth, parseYearMonth, recentCompletedMonths, ymKey } from "@/lib/domain/filing";
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
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";
import { formatYearMonthIn } from "@/lib/i18n/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("progress");
  return { title: t("title") };
}

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
  const [t, locale] = await Promise.all([getT("progress"), getRequestLocale()]);
  const monthLabel = formatYearMonthIn(locale, ym);
  return (
    <ClientMessages locale={locale} namespaces={["progress"]}>
      <PageHeader title={t("titleOf", { park: parkName })} subtitle={t("subtitle")}>
        <div className="no-print flex gap-2">
          <Link href={`/progress/corrections?park=${park}${approves ? "&status=PENDING" : ""}`} className={buttonClass({ variant: "secondary" })}>
            {approves ? t("correctionsApprove") : t("correctionsRequests")}
          </Link>
          <Link href={`/progress/missing?park=${park}&month=${monthKey}`} className={buttonClass({ variant: "secondary" })}>
            {t("missingList")}
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
            <input type="checkbox" name="only" value="missing" defaultChecked={onlyMissing} /> {t("onlyMissing")}
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
            {t.rich("summary.due", { month: monthLabel, date: grid.dueDate ?? t("summary.dueTbd"), strong: (c) => <strong>{c}</strong> })}
            {grid.dueDate === null ? "" : grid.overdue ? t("summary.overdue") : t("summary.notYetDue")}
            {t("summary.counts", { owed: onlyMissing ? "—" : grid.total, filed: grid.filed })}
            {!onlyMissing && grid.total - grid.filed > 0 && (
              <span className={grid.overdue ? "font-medium text-red-700" : "text-amber-800"}>{grid.overdue ? t("summary.late", { count: grid.total - grid.filed }) : t("summary.toFile", { count: grid.total - grid.filed })}</span>
            )}
            {!grid.canFile && <span className="ml-2 text-slate-500">{t("summary.readOnly")}</span>}
          </p>
          {grid.calendarMissing && (
            <Alert tone="warning" className="mb-3">
              {t("calendarMissing", { reason: grid.calendarMissing })}
            </Alert>
          )}
          {closedBy && (
            <Alert tone="info" className="mb-3" testId="month-closed">
              {t("closed", { month: monthLabel, scope: closedBy.scopeName, bulletinMonth: formatYearMonthIn(locale, closedBy) })}
              {pending.size > 0 && <span className="ml-1">{t("closedPending", { count: pending.size })}</span>}
            </Alert>
          )}
          <ProgressGrid rows={grid.rows} year={ym.year} month={ym.month} canFile={grid.canFile} closed={closedBy !== null} pending={Object.fromEntries(pending)} />
          <Pagination basePath="/progress" params={{ park, month: monthKey, only: filters.only }} page={grid.page} pageCount={grid.pageCount} total={grid.total} />
        </>
      )}
    </ClientMessages>
  );
}
