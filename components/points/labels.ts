// Display helpers of the 积分考核 pages in the request's language (docs/i18n.md).
import { createTranslator } from "next-intl";
import { type Period, periodLabel } from "@/lib/domain/points";
import { formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/** A period: the domain's "2026年第一季度" in Chinese, "Q1 2026" / "Oct 2026" / "2026" in English. */
export function periodText(locale: Locale, p: Period): string {
  if (locale === "zh-CN") return periodLabel(p);
  if (p.type === "month") return formatYearMonthIn(locale, { year: p.year, month: p.n });
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points.period" });
  return p.type === "year" ? t("year", { year: String(p.year) }) : t("quarter", { year: String(p.year), n: String(p.n) });
}

/** The scope's name: a park's or region's own, or the server's words for several parks (全部可见园区, 本人所在园区) in the language. */
export function scopeText(locale: Locale, name: string): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "points.scope" });
  if (name === "全部可见园区") return t("allVisible");
  if (name === "本人所在园区") return t("own");
  return name;
}
