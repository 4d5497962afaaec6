"use server";

import { cookies, headers } from "next/headers";
import { actionClient, formSchema, shapeErrors } from "@/lib/actions/safe-action";
import { getSessionActor } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setOwnLocale } from "@/lib/server/users/set-locale";
import { localeChoiceSchema } from "@/lib/validation/locale";

/**
 * 界面语言: a signed-in person's choice is kept on their account (it follows them to any
 * device); everyone's, signed in or not, also in a cookie, so the sign-in page and the next
 * sign-in keep it.
 */
export const setLocaleAction = actionClient
  .metadata({ permission: null })
  .inputSchema(formSchema(localeChoiceSchema), shapeErrors)
  .action(async ({ parsedInput, clientInput }) => {
    const actor = await getSessionActor();
    if (actor) await setOwnLocale(actor, clientInput);
    const https = (await headers()).get("x-forwarded-proto") === "https" || process.env.NEXTAUTH_URL?.startsWith("https://");
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true, secure: Boolean(https) });
    return { locale: parsedInput.locale };
  });
