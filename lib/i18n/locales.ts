// The interface languages (docs/i18n.md): Chinese is the source and the default, English the
// second language. Pure: used by the server (request locale, the account form's schema) and
// by tests.

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** The cookie that carries the choice of someone not signed in (the sign-in page). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Each language's own name, as the switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { "zh-CN": "中文", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The supported locale a language tag means (zh, zh-Hans-CN, zh-TW → zh-CN; en-GB → en), else null. */
export function matchLocale(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (t === "zh" || t.startsWith("zh-")) return "zh-CN";
  if (t === "en" || t.startsWith("en-")) return "en";
  return null;
}

/**
 * The browser's preferred supported language from an Accept-Language header ("en-US,en;q=0.9,
 * zh;q=0.8"), highest quality first (ties keep the header's order); DEFAULT_LOCALE when none
 * is supported or the header is missing or malformed.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag, ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((x) => x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  for (const { tag } of ranked) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
