import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { translateMessage } from "@/lib/i18n/server-messages";
import type { DailyDigest } from "@/lib/server/notifications/daily-digest";

/** The daily digest: one block per kind of work, overdue first, each line a link. Prints on A4. */
export function DigestView({ d }: { d: DailyDigest }) {
  const t = useTranslations("liaison.digest");
  const locale = useLocale();
  if (d.total === 0) return <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="space-y-4" data-testid="digest">
      {d.sections.map((s) => (
        <section key={s.kind} className="rounded-lg border border-slate-200 bg-white p-4 print:border-0 print:p-0" aria-labelledby={`digest-${s.kind}`}>
          <h2 id={`digest-${s.kind}`} className="mb-2 text-base font-semibold">
            {t("sectionTotal", { label: t(`section.${s.kind}`), total: s.total })}
            {s.overdue > 0 && <span className="ml-1 text-red-700">{t("sectionOverdue", { overdue: s.overdue })}</span>}
          </h2>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {s.items.map((i, n) => (
              <li key={`${n}:${i.link}`}>
                <Link href={i.link} className="text-brand-600 hover:underline">
                  {i.title}
                </Link>
                <span className="ml-2 text-slate-600">{translateMessage(i.detail, locale)}</span>
                {i.due && <span className={`ml-2 ${i.overdue ? "font-medium text-red-700" : "text-slate-600"}`}>{i.overdue ? t("overdue", { due: i.due }) : t("due", { due: i.due })}</span>}
              </li>
            ))}
          </ol>
          {s.total > s.items.length && <p className="mt-1 text-xs text-slate-500">{t("truncated", { count: s.items.length })}</p>}
        </section>
      ))}
    </div>
  );
}

/** One line on the notifications page: how much is due today, with the way to the digest. */
export function DigestSummary({ d }: { d: DailyDigest }) {
  const t = useTranslations("liaison.digest");
  if (d.total === 0) return null;
  const items = d.sections.map((s) =>
    s.overdue ? t("summaryItemOverdue", { item: t(`sectionShort.${s.kind}`, { total: s.total }), overdue: s.overdue }) : t("summaryItem", { item: t(`sectionShort.${s.kind}`, { total: s.total }) }),
  );
  return (
    <p className="mb-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="digest-summary">
      {t("summary", { items: items.join(t("separator")) })}
      <Link href="/digest" className="ml-2 underline">
        {t("summaryLink")}
      </Link>
    </p>
  );
}
