import { useLocale, useTranslations } from "next-intl";
import { parseYearMonth } from "@/lib/domain/filing";
import { formatYearMonthIn } from "@/lib/i18n/format";
import { FilterBar, FilterSelect } from "@/components/ui/filter-select";

/** GET form: park and month (the last completed months), shared by the filing pages. */
export function MonthParkFilter({
  action,
  parks,
  park,
  month,
  months,
  allParks,
  extra,
}: {
  action: string;
  parks: { id: number; name: string }[];
  park: number | undefined;
  month: string;
  months: [string, string][];
  allParks?: boolean;
  extra?: React.ReactNode;
}) {
  const t = useTranslations("progress.filter");
  const locale = useLocale();
  // The months' labels in the page's language ("2026年10月" / "Oct 2026").
  const monthOptions = months.map(([key, label]): [string, string] => {
    const ym = parseYearMonth(key);
    return [key, ym ? formatYearMonthIn(locale, ym) : label];
  });
  return (
    <FilterBar action={action} submitLabel={t("view")}>
      <FilterSelect label={t("park")} name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={allParks ? t("allParks") : null} />
      <FilterSelect label={t("month")} name="month" value={month} options={monthOptions} allLabel={null} />
      {extra}
    </FilterBar>
  );
}
