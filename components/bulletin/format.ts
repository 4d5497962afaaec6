// The bulletins' instants in the active language: formatPublishedAt ("2026/11/05 10:30",
// Beijing time) in Chinese, "5 Nov 2026, 10:30" in English.

import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import type { Locale } from "@/lib/i18n/locales";

const EN_PUBLISHED_AT = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

/** An instant (ISO) as Beijing time, in the active language. */
export function formatPublishedAtIn(locale: Locale, iso: string): string {
  return locale === "zh-CN" ? formatPublishedAt(iso) : EN_PUBLISHED_AT.format(new Date(iso));
}
