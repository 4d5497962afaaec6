import { useTranslations, useLocale } from "next-intl";
import { FilterBar, FilterErrors, FilterSelect, recentYears } from "@/components/ui/filter-select";
import { PERIOD_TYPES, type PeriodType } from "@/lib/domain/points";

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
  const t = useTranslations("points.filter");
  const locale = useLocale();
  const months = Array.from({ length: 12 }, (_, i) => [i + 1, t("monthOption", { n: String(i + 1) })] as const);
  const quarters = [1, 2, 3, 4].map((q) => [q, t("quarterOption", { n: String(q) })] as const);
  return (
    <>
      <FilterBar action={action} aria-label={t("aria")} reset={action}>
        {Object.entries(hidden).map(([k, v]) => (v === undefined ? null : <input key={k} type="hidden" name={k} value={v} />))}
        {parks.length > 1 && <FilterSelect label={t("park")} name="park" value={value.park} options={parks.map((p) => [p.id, p.name] as const)} allLabel={t("allParks")} />}
        {regions.length > 0 && <FilterSelect label={t("region")} name="region" value={value.region} options={regions.map((r) => [r.id, r.name] as const)} allLabel="—" />}
        <FilterSelect label={t("period")} name="period" value={value.period} options={PERIOD_TYPES.map((k) => [k, t(`periodType.${k}`)] as const)} allLabel={null} />
        <FilterSelect label={t("year")} name="year" value={value.year} options={recentYears(locale)} allLabel={null} />
        {value.period === "month" && <FilterSelect label={t("month")} name="n" value={value.n} options={months} allLabel={null} />}
        {value.period === "quarter" && <FilterSelect label={t("quarter")} name="n" value={value.n} options={quarters} allLabel={null} />}
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
