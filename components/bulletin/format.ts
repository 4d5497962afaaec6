// The bulletins' instants in the active language: formatPublishedAt ("2026/11/05 10:30",
// Beijing time) in Chinese, "5 Nov 2026, 10:30" in English (lib/i18n/format).

import { formatPublishedAt } from "@/lib/domain/published-bulletins";
import { formatDateTimeIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** An instant (ISO) as Beijing time, in the active language. */
export function formatPublishedAtIn(locale: Locale, iso: string): string {
  return locale === "zh-CN" ? formatPublishedAt(iso) : formatDateTimeIn(locale, new Date(iso));
}
