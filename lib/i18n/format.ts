// Numbers, money and dates in the active language (docs/i18n.md). Pure: the caller passes the
// locale (useLocale() in components, getRequestLocale() on the server). Chinese keeps the
// domain's own formats (万元/亿元, 2026年10月); English shows million yuan and "Oct 2026".

import { formatDateZh } from "@/lib/domain/dates";
import { type YearMonth, formatYearMonth } from "@/lib/domain/filing";
import { formatMoney, formatWan } from "@/lib/domain/money";
import { formatDateTimeZh } from "@/lib/domain/project-fields";
import type { Locale } from "./locales";

type Amount = string | number | { toString(): string } | null | undefined;

const enMillions = new Intl.NumberFormat("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const enMonth = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const enDateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" });
const enDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** An amount kept in 万元: "1.23 亿元" / "456 万元" in Chinese, "CNY 123.00 m" in English. */
export function formatMoneyIn(locale: Locale, value: Amount): string {
  if (value === null || value === undefined) return "—";
  if (locale === "zh-CN") return formatMoney(value);
  return `CNY ${enMillions.format(Number(value.toString()) / 100)} m`;
}

/** An amount always in 万元 (tables): "12,345.6 万元" / "CNY 123.46 m". */
export function formatWanIn(locale: Locale, value: Amount): string {
  if (locale === "zh-CN") return formatWan(value);
  return formatMoneyIn(locale, value);
}

/** "2026年10月" / "Oct 2026". */
export function formatYearMonthIn(locale: Locale, ym: YearMonth): string {
  if (locale === "zh-CN") return formatYearMonth(ym);
  return enMonth.format(Date.UTC(ym.year, ym.month - 1, 1));
}

/** "2026年10月5日" / "5 Oct 2026"; "—" for nothing. */
export function formatDateIn(locale: Locale, value: string | Date | null | undefined): string {
  if (locale === "zh-CN" || !value) return formatDateZh(value);
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  return enDate.format(new Date(`${iso}T00:00:00Z`));
}

/** A moment in Beijing time: "2026年10月5日 09:30" / "5 Oct 2026, 09:30". */
export function formatDateTimeIn(locale: Locale, at: Date): string {
  return locale === "zh-CN" ? formatDateTimeZh(at) : enDateTime.format(at);
}

/** A count with the locale's grouping: "12,345". */
export function formatCountIn(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}
