// Display helpers of the 每月会商 pages in the request's language (docs/i18n.md).
import { createTranslator, useLocale } from "next-intl";
import { formatYearMonthIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES, type Namespace } from "@/lib/i18n/messages";
import { doneLate, monthLabel } from "@/lib/domain/meetings";

/** A meeting's month ("2026 年 10 月" as the domain writes it in Chinese, "Oct 2026" in English) from its first day. */
export function meetingMonth(locale: Locale, start: string): string {
  if (locale === "zh-CN") return monthLabel(start);
  return formatYearMonthIn(locale, { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) });
}

/** The key of a follow-up task's state under `meetings.taskState` (the domain's taskStateLabel, by key). */
export function taskStateKey(t: { status: "OPEN" | "DONE"; deadline: string; doneDate: string | null; overdue: boolean }): "open" | "overdue" | "done" | "doneLate" {
  if (t.status === "DONE") return doneLate(t) ? "doneLate" : "done";
  return t.overdue ? "overdue" : "open";
}

/**
 * A translator of one namespace for synchronous Server Components that other parts' pages render
 * (timelines, a problem's page, the red list): it reads the app's messages in the active language,
 * not the nearest client provider, which may hold only the page's own namespaces. Server only.
 */
export function useNamespaceT<N extends Namespace>(namespace: N) {
  const locale = useLocale() as Locale;
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
