import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import { LOCALE_COOKIE, type Locale, isLocale } from "@/lib/i18n/locales";
import { localeChoiceSchema } from "@/lib/validation/locale";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseOrThrow } from "@/lib/server/errors";

/** The language a Cookie header chose (the sign-in page's 中文/English), or null. */
export function cookieLocale(cookieHeader: string | string[] | undefined | null): Locale | null {
  const header = Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? "");
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === LOCALE_COOKIE) {
      const value = decodeURIComponent(rest.join("="));
      return isLocale(value) ? value : null;
    }
  }
  return null;
}

/**
 * At sign-in: the language chosen on the sign-in page (its cookie) becomes the account's, so
 * the pages after sign-in stay in it. Audited like a change from the account page. A browser's
 * preference alone (no choice made) changes nothing.
 */
export async function adoptSignInLocale(userId: number, cookieHeader: string | string[] | undefined | null): Promise<void> {
  const locale = cookieLocale(cookieHeader);
  if (!locale) return;
  await writeLocale(userId, locale);
}

/** 界面语言: one's own interface language (User.locale), audited when it changes. Anyone signed in, for themselves. */
export async function setOwnLocale(actor: Actor, input: unknown): Promise<{ locale: Locale; changed: boolean }> {
  const { locale } = parseOrThrow(localeChoiceSchema, input);
  return { locale, changed: await writeLocale(actor.userId, locale) };
}

/** The person's own language, and its audit row, when it changes; whether it did. */
async function writeLocale(userId: number, locale: Locale): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } });
    if (before.locale === locale) return false;
    await tx.user.update({ where: { id: userId }, data: { locale } });
    await writeAudit(tx, { actorId: userId, action: "user.setLocale", entityType: "User", entityId: userId, before: { locale: before.locale }, after: { locale } });
    return true;
  });
}
