export const filterField = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A labelled <select> of a GET filter form; the empty option means "all". */
export function FilterSelect({
  label,
  name,
  value,
  options,
  allLabel = "全部",
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  options: readonly (readonly [value: string | number, label: string])[];
  allLabel?: string | null;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={filterField}>
        {allLabel !== null && <option value="">{allLabel}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The last eight years, newest first, for "year signed" filters. */
export function recentYears(): [number, string][] {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => [thisYear - i, `${thisYear - i}年`]);
}
