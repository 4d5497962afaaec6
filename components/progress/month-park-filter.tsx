import { FilterSelect } from "@/components/ui/filter-select";
import { Button } from "@/components/ui/button";

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
    <form method="get" action={action} className="no-print mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      <FilterSelect label="园区" name="park" value={park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={allParks ? "全部园区" : null} />
      <FilterSelect label="月份" name="month" value={month} options={months} allLabel={null} />
      {extra}
      <Button type="submit">
        查看
      </Button>
    </form>
  );
}
