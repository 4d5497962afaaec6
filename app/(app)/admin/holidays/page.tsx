import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/guards";
import { listHolidays } from "@/lib/server/holidays/list-holidays";
import { listEnteredCalendarYears } from "@/lib/server/holidays/list-calendar-years";
import { holidayYearSchema } from "@/lib/validation/issues";
import { todayInShanghai } from "@/lib/domain/dates";
import { weekday } from "@/lib/domain/working-days";
import { HOLIDAY_KIND_LABELS } from "@/lib/domain/labels";
import { PageHeader } from "@/components/ui/page-header";
import { DeleteHolidayButton, HolidayForm } from "@/components/holidays/holiday-form";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "节假日" };

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

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
  const link = "rounded border px-3 py-1 text-sm";
  return (
    <>
      <PageHeader
        title={`${year}年节假日安排`}
        subtitle={`法定节假日 ${off} 天，调休上班 ${rows.length - off} 天；问题办理时限和月报截止日按此日历计算工作日（已录入的年份中，未列出的日期按周一至周五上班；一天都没有录入的年份无法计算工作日期限）`}
      >
        <nav aria-label="年份" className="no-print flex items-center gap-2">
          {year > 2000 && (
            <Link href={`/admin/holidays?year=${year - 1}`} className={`${link} border-slate-300 bg-white hover:bg-slate-100`}>
              ‹ {year - 1}年
            </Link>
          )}
          <span aria-current="page" className={`${link} border-brand-600 bg-brand-600 text-white`}>
            {year}年
          </span>
          {year < 2100 && (
            <Link href={`/admin/holidays?year=${year + 1}`} className={`${link} border-slate-300 bg-white hover:bg-slate-100`}>
              {year + 1}年 ›
            </Link>
          )}
          {year !== thisYear && (
            <Link href="/admin/holidays" className="text-sm text-brand-700 hover:underline">
              回到今年
            </Link>
          )}
        </nav>
      </PageHeader>
      {parsed && !parsed.success && (
        <Alert tone="warning" testId="filter-errors" className="mb-3">
          {parsed.error.issues[0].message}，已显示今年
        </Alert>
      )}
      <section className="mb-4 text-sm" data-testid="calendar-years" aria-label="已录入的年份">
        <p className="text-slate-700">
          已录入节假日安排的年份：
          {entered.length === 0 ? (
            <span className="font-medium text-red-700">无（任何工作日期限都无法计算，请先录入今年的安排）</span>
          ) : (
            entered.map((y, i) => (
              <span key={y.year}>
                {i > 0 && "、"}
                <Link href={`/admin/holidays?year=${y.year}`} className="text-brand-700 hover:underline" data-year={y.year}>
                  {y.year}年
                </Link>
                <span className="text-slate-500">
                  （{y.holidays} 天假{y.workdays > 0 ? `，${y.workdays} 天调休上班` : ""}）
                </span>
              </span>
            ))
          )}
        </p>
        {[thisYear, thisYear + 1]
          .filter((y) => !enteredYears.has(y))
          .map((y) => (
            <Alert key={y} tone={y === thisYear ? "error" : "warning"} className="mt-2" testId={`calendar-missing-${y}`}>
              {y === thisYear
                ? `今年（${y} 年）的节假日安排尚未录入：登记问题、计算月报截止日时将提示无法计算工作日期限，请尽快录入。`
                : `明年（${y} 年）的节假日安排尚未录入：期限跨入 ${y} 年的问题将无法登记。国务院办公厅公布安排后，请在此录入（选择“${y}年 ›”后逐日添加法定节假日和调休上班日）。`}
            </Alert>
          ))}
      </section>
      <section className="mb-5">
        <h2 className="mb-2 text-sm font-semibold text-slate-700">添加或修改</h2>
        <HolidayForm year={year} existing={rows.map((r) => r.date)} />
      </section>
      <DataTable
        testId="holiday-table"
        rows={rows}
        rowKey={(r) => r.date}
        rowProps={(r) => ({ "data-date": r.date })}
        empty={`${year}年尚未录入节假日安排`}
        columns={[
          { header: "日期", cell: (r) => r.date, className: "tabular-nums" },
          { header: "星期", cell: (r) => WEEKDAYS[weekday(r.date)], className: "text-slate-600" },
          {
            header: "类型",
            cell: (r) => <span className={`rounded px-2 py-0.5 text-xs font-medium ${r.kind === "HOLIDAY" ? "bg-red-100 text-red-700" : "bg-sky-100 text-sky-800"}`}>{HOLIDAY_KIND_LABELS[r.kind]}</span>,
          },
          { header: "名称", cell: (r) => r.name },
          { key: "actions", header: <span className="sr-only">操作</span>, cell: (r) => <DeleteHolidayButton date={r.date} name={r.name} lastOfYear={rows.length === 1} />, align: "right" },
        ]}
      />
    </>
  );
}
