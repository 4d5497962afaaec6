"use client";

import { useState, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "./alert";

/**
 * A confirmation that outlives the page that made it: a form that saves and then opens
 * another page (a visit opens its problem) calls `flash("已保存走访记录")` before
 * router.push, and the shell's <FlashNotice> shows it on the next page until the person
 * goes on or closes it. Kept in memory: client navigation keeps it, a reload drops it.
 */
type Flash = { id: number; text: string; from: string };

let current: Flash | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

export function flash(text: string) {
  current = { id: nextId++, text, from: window.location.pathname };
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function FlashNotice() {
  const message = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  const pathname = usePathname();
  // The page the message was first shown on: it disappears on the page after that.
  const t = useTranslations("shell");
  const [shownOn, setShownOn] = useState<{ id: number; path: string } | null>(null);
  const [closed, setClosed] = useState(0);
  if (message && message.from !== pathname && shownOn?.id !== message.id) setShownOn({ id: message.id, path: pathname });
  if (!message || !shownOn || shownOn.id !== message.id || shownOn.path !== pathname || closed === message.id) return null;
  return (
    <Alert tone="success" testId="flash-notice" className="no-print mb-4 flex items-start justify-between gap-3">
      <span>{message.text}</span>
      <button type="button" onClick={() => setClosed(message.id)} className="shrink-0 text-emerald-800 hover:underline" aria-label={t("closeNotice")}>
        ×
      </button>
    </Alert>
  );
}
