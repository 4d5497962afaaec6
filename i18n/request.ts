// next-intl's request configuration (found by the plugin in next.config.mjs): the language
// and the messages for Server Components that use next-intl directly and for
// NextIntlClientProvider. The language rule is lib/i18n/request-locale.ts.
import { getRequestConfig } from "next-intl/server";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/request-locale";

export default getRequestConfig(async () => {
  const locale = await getRequestLocale();
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Shanghai" };
});
