import Link from "next/link";
import type { IssueFigures } from "@/lib/server/issues/issue-figures";
import { ISSUE_LEVEL_LABELS } from "@/lib/domain/issues";
import { formatPercent } from "@/lib/domain/indicators";

const days = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} 天`);

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
  return (
    <div className="mb-5 space-y-3" data-testid="issue-figures">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <Card label="问题总数" value={f.total} href={drill({})} hint="筛选范围内提出的问题" />
        <Card label="未销号" value={f.open} href={drill({ open: "1" })} hint="尚未销号" />
        <Card label="超期未办结" value={f.overdue} href={drill({ overdue: "1" })} hint="已过办结时限仍未销号" tone={f.overdue ? "red" : undefined} />
        <Card label="办结率" value={formatPercent(f.resolutionRate)} href={drill({ status: "CLOSED" })} hint={`已销号 ${f.closed} ÷ 问题总数 ${f.total}`} />
        <Card label="平均办结天数" value={days(f.avgDaysToClose)} href={drill({ status: "CLOSED" })} hint="提出至销号的自然日，已销号问题平均" />
        <Card label="90% 问题办结于" value={days(f.p90DaysToClose)} href={drill({ status: "CLOSED" })} hint="办结天数的第 90 百分位" />
        <Card label="满意率" value={formatPercent(f.satisfactionRate)} href={drill({ status: "CLOSED", satisfaction: "SATISFIED" })} hint={`满意 ${f.satisfied} ÷ 已评价 ${f.rated}`} />
      </div>
      <div className="flex flex-wrap gap-2 text-xs">
        {f.byCategory.map((c) => (
          <Link key={c.category} href={drill({ category: c.category })} className="rounded border border-slate-200 bg-white px-2 py-1 hover:border-brand-600">
            {c.label} <span className="font-semibold tabular-nums">{c.total}</span>
            {c.overdue > 0 && <span className="ml-1 text-red-600">超期 {c.overdue}</span>}
          </Link>
        ))}
        {f.openByLevel.map((l) => (
          <Link key={l.level} href={drill({ open: "1", level: String(l.level) })} className="rounded border border-slate-200 bg-white px-2 py-1 hover:border-brand-600">
            {ISSUE_LEVEL_LABELS[l.level]}在办 <span className="font-semibold tabular-nums">{l.open}</span>
          </Link>
        ))}
      </div>
    </div>
  );
}
