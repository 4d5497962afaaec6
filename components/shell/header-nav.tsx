"use client";

import { useEffect, useId, useRef, useState } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The header's navigation. From md up it is a row of links under the title bar. On a phone
 * it folds behind a 菜单 disclosure button (aria-expanded, aria-controls) beside the bell:
 * the links as a two-column grid, then `account` (role names, 我的账号, 退出), which the
 * title bar shows itself from md up. The panel closes when a page is opened and on Escape
 * (the focus goes back to the button).
 */
export function HeaderNav({ bar, account, children }: { bar: React.ReactNode; account: React.ReactNode; children: React.ReactNode }) {
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A link followed closes the panel: adjusted while rendering, as React advises, not in an effect.
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <>
      <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2 md:gap-6 md:pb-0 md:pt-3">
        {bar}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded border border-white/30 px-2 py-1 text-sm hover:bg-white/10 md:hidden"
          data-testid="nav-toggle"
        >
          <svg aria-hidden viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          {t("menu")}
        </button>
      </div>
      {/* Hidden on a phone until opened; always shown from md up. */}
      <div id={panelId} className={`${open ? "block" : "hidden"} border-t border-white/10 md:block md:border-t-0`}>
        <nav aria-label={t("mainNav")} className="mx-auto grid max-w-7xl grid-cols-2 gap-1 px-3 py-2 sm:grid-cols-3 md:flex md:flex-wrap">
          {children}
        </nav>
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 border-t border-white/10 px-4 py-2 text-sm md:hidden">{account}</div>
      </div>
    </>
  );
}
