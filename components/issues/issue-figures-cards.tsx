import Link from "next/link";
import { useTranslations } from "next-intl";
import type { IssueFigures } from "@/lib/server/issues/issue-figures";
import { formatPercent } from "@/lib/domain/indicators";

function Card({ label, value, href, hint, tone }: { label: string; value: string | number; href: string; hint: string; tone?: "red" }) {
  return (
    <Link href={href} title={hint} className="block rounded-lg border border-slate-200 bg-white px-4 py-3 hover:border-brand-600">
      <div className="text-xs text-slate-500">{label}</div>
      <div className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "red" ? "text-red-600" : "text-slate-900"}`}>{value}</div>
      <div className="mt-0.5 text-[11px] text-slate-400">{hint}</div>
    </Link>
  );
}

/** The leaders' figures; each drills down to exactly the problems behind it (same filters + one more). */
export function IssueFiguresCards({ f, drill }: { f: IssueFigures; drill: (extra: Record<string, string>) => string }) {
  const t = useTranslations("issues.figures");
  const tc = useTranslations("common.enum");
  const days = (v: number | null) => (v === null ? "—" : t("days", { days: v.toFixed(1) }));
  return (
    <div className="mb-5 space-y-3" data-testid="issue-figures">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <Card label={t("total")} value={f.total} href={drill({})} hint={t("totalHint")} />
        <Card label={t("open")} value={f.open} href={drill({ open: "1" })} hint={t("openHint")} />
        <Card label={t("overdue")} value={f.overdue} href={drill({ overdue: "1" })} hint={t("overdueHint")} tone={f.overdue ? "red" : undefined} />
        <Card label={t("resolutionRate")} value={formatPercent(f.resolutionRate)} href={drill({ status: "CLOSED" })} hint={t("resolutionRateHint", { closed: f.closed, total: f.total })} />
        <Card label={t("avgDays")} value={days(f.avgDaysToClose)} href={drill({ status: "CLOSED" })} hint={t("avgDaysHint")} />
        <Card label={t("p90")} value={days(f.p90DaysToClose)} href={drill({ status: "CLOSED" })} hint={t("p90Hint")} />
        <Card label={t("satisfactionRate")} value={formatPercent(f.satisfactionRate)} href={drill({ status: "CLOSED", satisfaction: "SATISFIED" })} hint={t("satisfactionRateHint", { satisfied: f.satisfied, rated: f.rated })} />
      </div>
      <div className="flex flex-wrap gap-2 text-xs">
        {f.byCategory.map((c) => (
          <Link key={c.category} href={drill({ category: c.category })} className="rounded border border-slate-200 bg-white px-2 py-1 hover:border-brand-600">
            {tc(`issueCategory.${c.category}`)} <span className="font-semibold tabular-nums">{c.total}</span>
            {c.overdue > 0 && <span className="ml-1 text-red-600">{t("categoryOverdue", { count: c.overdue })}</span>}
          </Link>
        ))}
        {f.openByLevel.map((l) => (
          <Link key={l.level} href={drill({ open: "1", level: String(l.level) })} className="rounded border border-slate-200 bg-white px-2 py-1 hover:border-brand-600">
            {t("levelOpen", { level: tc(`issueLevel.L${l.level as 1 | 2 | 3}`) })} <span className="font-semibold tabular-nums">{l.open}</span>
          </Link>
        ))}
      </div>
    </div>
  );
}
