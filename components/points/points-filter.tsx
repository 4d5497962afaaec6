import { FilterBar, FilterErrors, FilterSelect, recentYears } from "@/components/ui/filter-select";
import { PERIOD_TYPES, type PeriodType } from "@/lib/domain/points";

const PERIOD_LABELS: Record<PeriodType, string> = { month: "月度", quarter: "季度", year: "年度" };
const MONTHS = Array.from({ length: 12 }, (_, i) => [i + 1, `${i + 1}月`] as const);
const QUARTERS = [1, 2, 3, 4].map((q) => [q, `第${"一二三四"[q - 1]}季度`] as const);

/** The points pages' GET filter: scope (park or region), period type, year and month/quarter; `hidden` keeps other parameters (tab, earner, person). */
export function PointsFilter({
  action,
  parks,
  regions,
  value,
  hidden = {},
  errors = [],
}: {
  action: string;
  parks: { id: number; name: string }[];
  regions: { id: number; name: string }[];
  value: { park?: number; region?: number; period: PeriodType; year: number; n: number };
  hidden?: Record<string, string | number | undefined>;
  errors?: string[];
}) {
  return (
    <>
      <FilterBar action={action} aria-label="选择范围和期间" reset={action}>
        {Object.entries(hidden).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />))}
        {parks.length > 1 && <FilterSelect label="园区" name="park" value={value.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel="全部园区" />}
        {regions.length > 0 && <FilterSelect label="市州（园区并列）" name="region" value={value.region} options={regions.map((r) => [r.id, r.name] as const)} allLabel="—" />}
        <FilterSelect label="统计周期" name="period" value={value.period} options={PERIOD_TYPES.map((t) => [t, PERIOD_LABELS[t]] as const)} allLabel={null} />
        <FilterSelect label="年份" name="year" value={value.year} options={recentYears()} allLabel={null} />
        {value.period === "month" && <FilterSelect label="月份" name="n" value={value.n} options={MONTHS} allLabel={null} />}
        {value.period === "quarter" && <FilterSelect label="季度" name="n" value={value.n} options={QUARTERS} allLabel={null} />}
      </FilterBar>
      <FilterErrors errors={errors} />
    </>
  );
}

/** URL parameters of a scope and period (for links that keep them). */
export function scopeParams(v: { park?: number; region?: number; period: PeriodType; year: number; n: number }): Record<string, string> {
  const out: Record<string, string> = { period: v.period, year: String(v.year) };
  if (v.period !== "year") out.n = String(v.n);
  if (v.park) out.park = String(v.park);
  else if (v.region) out.region = String(v.region);
  return out;
}

export function qs(params: Record<string, string | number | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : "";
}
