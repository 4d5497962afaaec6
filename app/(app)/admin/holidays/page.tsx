import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listHolidays } from "@/lib/server/holidays/list-holidays";
import { listEnteredCalendarYears } from "@/lib/server/holidays/list-calendar-years";
import { holidayYearSchema } from "@/lib/validation/issues";
import { todayInShanghai } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteHolidayButton, HolidayForm } from "@/components/holidays/holiday-form";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getRequestLocale, getT } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT("admin");
  return { title: t("holidays.metaTitle") };
}

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  requirePermission(actor, "holiday.manage");
  const raw = (await searchParams).year;
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const parsed = raw === undefined || raw === "" ? null : holidayYearSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  const year = parsed?.success ? parsed.data : thisYear;
  const [rows, entered] = await Promise.all([listHolidays(actor, year), listEnteredCalendarYears(actor)]);
  const off = rows.filter((r) => r.kind === "HOLIDAY").length;
  const enteredYears = new Set(entered.map((y) => y.year));
  const [t, locale] = await Promise.all([getT("admin"), getRequestLocale()]);
  // The weekday in the page's language ("星期日" / "Sunday"); dates are civil days.
  const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const y = (n: number) => t("holidays.year", { year: String(n) });
  const link = "rounded border px-3 py-1 text-sm";
  return (
    <>
      <PageHeader
        title={t("holidays.title", { year: String(year) })}
        subtitle={t("holidays.subtitle", { off, work: rows.length - off })}
      >
        <nav aria-label={t("holidays.yearNav")} className="no-print flex items-center gap-2">
          {year > 2000 && (
            <Link href={`/admin/holidays?year=${year - 1}`} className={`${link} border-slate-300 bg-white hover:bg-slate-100`}>
              ‹ {y(year - 1)}
            </Link>
          )}
          <span aria-current="page" className={`${link} border-brand-600 bg-brand-600 text-white`}>
            {y(year)}
          </span>
          {year < 2100 && (
            <Link href={`/admin/holidays?year=${year + 1}`} className={`${link} border-slate-300 bg-white hover:bg-slate-100`}>
              {y(year + 1)} ›
            </Link>
          )}
          {year !== thisYear && (
            <Link href="/admin/holidays" className="text-sm text-brand-700 hover:underline">
              {t("holidays.thisYear")}
            </Link>
          )}
        </nav>
      </PageHeader>
      {parsed && !parsed.success && (
        <Alert tone="warning" testId="filter-errors" className="mb-3">
          {t("holidays.invalidYear", { error: parsed.error.issues[0].message })}
        </Alert>
      )}
      <section className="mb-4 text-sm" data-testid="calendar-years" aria-label={t("holidays.enteredLabel")}>
        <p className="text-slate-700">
          {t("holidays.entered")}
          {entered.length === 0 ? (
            <span className="font-medium text-red-700">{t("holidays.noneEntered")}</span>
          ) : (
            entered.map((y, i) => (
              <span key={y.year}>
                {i > 0 && t("holidays.separator")}
                <Link href={`/admin/holidays?year=${y.year}`} className="text-brand-700 hover:underline" data-year={y.year}>
                  {t("holidays.year", { year: String(y.year) })}
                </Link>
                <span className="text-slate-500">
                  {t("holidays.enteredYear", { holidays: y.holidays, workdays: y.workdays })}
                </span>
              </span>
            ))
          )}
        </p>
        {[thisYear, thisYear + 1]
          .filter((n) => !enteredYears.has(n))
          .map((n) => (
            <Alert key={n} tone={n === thisYear ? "error" : "warning"} className="mt-2" testId={`calendar-missing-${n}`}>
              {n === thisYear ? t("holidays.missingThisYear", { year: String(n) }) : t("holidays.missingNextYear", { year: String(n) })}
            </Alert>
          ))}
      </section>
      <ClientMessages locale={locale} namespaces={["admin"]}>
      <section className="mb-5">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">{t("holidays.addOrChange")}</h2>
        <HolidayForm year={year} existing={rows.map((r) => r.date)} />
      </section>
      <DataTable
        testId="holiday-table"
        rows={rows}
        rowKey={(r) => r.date}
        rowProps={(r) => ({ "data-date": r.date })}
        empty={t("holidays.empty", { year: String(year) })}
        columns={[
          { header: t("holidays.col.date"), cell: (r) => r.date, className: "tabular-nums" },
          { header: t("holidays.col.weekday"), cell: (r) => weekdayFormat.format(new Date(`${r.date}T00:00:00Z`)), className: "text-slate-600" },
          {
            header: t("holidays.col.kind"),
            cell: (r) => <span className={`rounded px-2 py-0.5 text-xs font-medium ${r.kind === "HOLIDAY" ? "bg-red-100 text-red-700" : "bg-sky-100 text-sky-800"}`}>{t(`holidays.kind.${r.kind}`)}</span>,
          },
          { header: t("holidays.col.name"), cell: (r) => r.name },
          { key: "actions", header: <span className="sr-only">{t("holidays.col.actions")}</span>, cell: (r) => <DeleteHolidayButton date={r.date} name={r.name} lastOfYear={rows.length === 1} />, align: "right" },
        ]}
      />
      </ClientMessages>
    </>
  );
}
