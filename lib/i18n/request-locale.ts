import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getSessionActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, isLocale, negotiateLocale } from "./locales";

/**
 * The language of this request (memoised per request): a signed-in person's own choice
 * (User.locale), else the language cookie (chosen on the sign-in page), else the browser's
 * Accept-Language, else Chinese. Outside a request (scripts, tests rendering a page) Chinese.
 */
export const getRequestLocale = cache(async (): Promise<Locale> => {
  try {
    const actor = await getSessionActor();
    if (actor && isLocale(actor.locale)) return actor.locale;
    const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
    if (isLocale(cookie)) return cookie;
    return negotiateLocale((await headers()).get("accept-language"));
  } catch {
    return DEFAULT_LOCALE;
  }
});
