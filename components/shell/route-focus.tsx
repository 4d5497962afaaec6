"use client";

import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/** Form fields a new page focuses itself (autoFocus): left alone. */
const FIELD = "input, select, textarea, [contenteditable='true']";

/**
 * After a client-side move to another page, focus goes to the new page's heading (its first
 * <h1> in <main>), or to <main> when it has none yet, so a screen reader reads the new page
 * and the keyboard continues from its top instead of from the link that was clicked (which
 * App Router leaves focused, or drops to <body> when it was replaced). Nothing happens on
 * the first load (the browser starts at the top) nor when only the query changes (a filter,
 * a page of a list, a tab): the person stays where they were.
 */
export function RouteFocus({ mainId }: { mainId: string }) {
  const pathname = usePathname();
  const shown = useRef(pathname);

  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    // The new page is committed when the path changes; wait one frame for the browser's own
    // scroll restoration and for the page's own autofocus.
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById(mainId);
      if (!main) return;
      const active = document.activeElement;
      if (active instanceof HTMLElement && active !== main && main.contains(active) && active.matches(FIELD)) return;
      const heading = main.querySelector<HTMLElement>("h1");
      const target = heading ?? main;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname, mainId]);

  return null;
}
