import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/** A page's element inside the messages of a language, as the root layout provides them in the app. */
export function withIntl(node: ReactNode, locale: Locale = "zh-CN") {
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Shanghai">
      {node}
    </NextIntlClientProvider>
  );
}
