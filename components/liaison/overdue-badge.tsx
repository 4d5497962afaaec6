/** "逾期 3 天" / "剩 2 天" / "今天到期" with the colour leaders expect. */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  if (daysLeft < 0) return <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700">逾期 {-daysLeft} 天</span>;
  if (daysLeft === 0) return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">今天到期</span>;
  return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">剩 {daysLeft} 天</span>;
}
