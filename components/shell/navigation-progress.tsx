"use client";

import { useEffect, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

/** After this long the bar gives up (a link that led nowhere new, a cancelled load). */
const GIVE_UP_MS = 20_000;

function isPageLink(a: HTMLAnchorElement): boolean {
  if (a.target && a.target !== "_self") return false;
  if (a.hasAttribute("download")) return false;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return false;
  // Same page, another anchor (the skip link, a tab within the page): nothing loads.
  return url.pathname !== window.location.pathname || url.search !== window.location.search;
}

/**
 * A thin bar across the top while the next page loads: started by a click on a link to
 * another page of the app or by a GET form (the list filters), ended when the address
 * changes. App Router has no navigation events, so it listens to the clicks themselves
 * (capture phase: next/link prevents the default before a bubbling listener would see it).
 * No loading.tsx on purpose: a streamed page answers 200 before a notFound() deeper down
 * could answer 404. Its styles are in globals.css (the CSP allows no injected <style>).
 */
export function NavigationProgress() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const where = `${pathname}?${search}`;
  const t = useTranslations("shell");
  const [loading, setLoading] = useState(false);
  // A new address ends the loading: adjusted while rendering, not in an effect.
  const [shownWhere, setShownWhere] = useState(where);
  if (shownWhere !== where) {
    setShownWhere(where);
    setLoading(false);
  }

  useEffect(() => {
    function onClick(e: MouseEvent) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (a instanceof HTMLAnchorElement && isPageLink(a)) setLoading(true);
    }
    function onSubmit(e: SubmitEvent) {
      const form = e.target;
      if (e.defaultPrevented || !(form instanceof HTMLFormElement)) return;
      if (form.method.toLowerCase() === "get" && (!form.target || form.target === "_self")) setLoading(true);
    }
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit);
    };
  }, []);

  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setLoading(false), GIVE_UP_MS);
    return () => clearTimeout(timer);
  }, [loading]);

  return (
    <>
      {loading && <div className="nav-progress no-print" aria-hidden data-testid="nav-progress" />}
      <span role="status" className="sr-only">
        {loading ? t("loadingPage") : ""}
      </span>
    </>
  );
}
