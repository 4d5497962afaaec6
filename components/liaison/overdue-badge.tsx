import { useTranslations } from "next-intl";

/** "逾期 3 天" / "剩 2 天" / "今天到期" with the colour leaders expect. */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number }) {
  const t = useTranslations("liaison.badge");
  if (daysLeft < 0) return <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-700">{t("overdue", { days: -daysLeft })}</span>;
  if (daysLeft === 0) return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">{t("today")}</span>;
  return <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{t("left", { days: daysLeft })}</span>;
}
