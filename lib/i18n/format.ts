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
// Written out rather than through Intl: ICU versions differ ("Sep" / "Sept" in en-GB).
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const enParts = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Shanghai" });

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
  return `${EN_MONTHS[ym.month - 1]} ${ym.year}`;
}

/** "2026年10月5日" / "5 Oct 2026"; "—" for nothing. */
export function formatDateIn(locale: Locale, value: string | Date | null | undefined): string {
  if (locale === "zh-CN" || !value) return formatDateZh(value);
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** A moment in Beijing time: "2026年10月5日 09:30" / "5 Oct 2026, 09:30". */
export function formatDateTimeIn(locale: Locale, at: Date): string {
  if (locale === "zh-CN") return formatDateTimeZh(at);
  const p = Object.fromEntries(enParts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${Number(p.day)} ${EN_MONTHS[Number(p.month) - 1]} ${p.year}, ${p.hour}:${p.minute}`;
}

/** A remark in brackets after a value: "（12 KB）" in Chinese, " (12 KB)" in English. */
export function parenIn(locale: Locale, text: string): string {
  return locale === "zh-CN" ? `（${text}）` : ` (${text})`;
}

/** A count with the locale's grouping: "12,345". */
export function formatCountIn(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * A label (a role, a stage …) placed inside a sentence: English writes it with a small letter
 * ("End Zhang San as liaison leader", "Remove park leader (…)") where the label standing alone
 * is capitalised ("Liaison leader"); an acronym and Chinese stay as they are.
 */
export function inSentence(locale: Locale, label: string): string {
  if (locale === "zh-CN" || !/^[A-Z][a-z]/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
