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
  return (
    <FilterBar action={action} submitLabel="查看">
      <FilterSelect label="园区" name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={allParks ? "全部园区" : null} />
      <FilterSelect label="月份" name="month" value={month} options={months} allLabel={null} />
      {extra}
    </FilterBar>
  );
}
