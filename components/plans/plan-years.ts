/**
 * The years a plan page offers: three back and three ahead of this year, and the one shown,
 * newest first; `label` names a year in the page's language ("2026年（今年）" / "2026 (this year)").
 */
export function planYearOptions(currentYear: number, selected: number | undefined, label: (year: number, isCurrent: boolean) => string): [number, string][] {
  const years = new Set<number>();
  for (let y = currentYear + 3; y >= currentYear - 3; y--) years.add(y);
  if (selected !== undefined) years.add(selected);
  return [...years].sort((a, b) => b - a).map((y) => [y, label(y, y === currentYear)]);
}
