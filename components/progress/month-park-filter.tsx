import { useTranslations } from "next-intl";
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
  return (
    <FilterBar action={action} submitLabel={t("view")}>
      <FilterSelect label={t("park")} name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={allParks ? t("allParks") : null} />
      <FilterSelect label={t("month")} name="month" value={month} options={months} allLabel={null} />
      {extra}
    </FilterBar>
  );
}
