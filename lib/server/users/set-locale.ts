import "server-only";
import { getDb } from "@/lib/db/client";
import { type Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { localeChoiceSchema } from "@/lib/validation/locale";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { parseOrThrow } from "@/lib/server/errors";

/** 界面语言: one's own interface language (User.locale), audited when it changes. Anyone signed in, for themselves. */
export async function setOwnLocale(actor: Actor, input: unknown): Promise<{ locale: Locale; changed: boolean }> {
  const { locale } = parseOrThrow(localeChoiceSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
    if (before.locale === locale) return { locale, changed: false };
    await tx.user.update({ where: { id: actor.userId }, data: { locale } });
    await writeAudit(tx, { actorId: actor.userId, action: "user.setLocale", entityType: "User", entityId: actor.userId, before: { locale: before.locale }, after: { locale } });
    return { locale, changed: true };
  });
}
