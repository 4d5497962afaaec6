"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/actions/users/set-locale";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";

/**
 * 中文 / English: switches the interface language (kept on the account when signed in, and in
 * a cookie), then re-renders the page in it. Each language is named in itself.
 */
export function LocaleSwitcher({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const t = useTranslations("shell");
  const current = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  function choose(locale: Locale) {
    if (locale === current) return;
    start(async () => {
      const result = await setLocaleAction({ locale });
      if (result?.data) router.refresh();
    });
  }
  const base = tone === "dark" ? "text-slate-300 hover:bg-white/10 hover:text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900";
  const active = tone === "dark" ? "bg-white/15 text-white" : "bg-slate-200 text-slate-900";
  return (
    <div role="group" aria-label={t("language")} aria-busy={pending || undefined} className="flex shrink-0 items-center gap-0.5 text-xs" data-testid="locale-switcher">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          onClick={() => choose(l)}
          aria-pressed={l === current}
          disabled={pending}
          className={`rounded px-1.5 py-1 whitespace-nowrap ${l === current ? active : base} disabled:opacity-60`}
        >
          {LOCALE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
