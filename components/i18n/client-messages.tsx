import { NextIntlClientProvider } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { type Namespace, SHARED_CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/messages";

/**
 * The messages the client components below need, in the request's language (`locale`, from
 * getRequestLocale() or getT): the shared namespaces (shell, UI kit, common words) and the
 * ones named. A page wraps its client parts in it with its own namespaces, so no page ships
 * every message of the app. Synchronous, so pages rendered with renderToString in tests work.
 */
export function ClientMessages({ locale, namespaces = [], children }: { locale: Locale; namespaces?: readonly Namespace[]; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={pickMessages(locale, [...SHARED_CLIENT_NAMESPACES, ...namespaces])} timeZone="Asia/Shanghai">
      {children}
    </NextIntlClientProvider>
  );
}
