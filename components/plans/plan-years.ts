/** The years a plan page offers: three back and three ahead of this year, and the one shown, newest first. */
export function planYearOptions(currentYear: number, selected?: number): [number, string][] {
  const years = new Set<number>();
  for (let y = currentYear + 3; y >= currentYear - 3; y--) years.add(y);
  if (selected !== undefined) years.add(selected);
  return [...years].sort((a, b) => b - a).map((y) => [y, y === currentYear ? `${y}年（今年）` : `${y}年`]);
}
