"use client";

import { useTranslations } from "next-intl";
import { Suspense, useCallback, useId, useState } from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** The names of a form's fields a person sets (not hidden inputs, not buttons), each once. */
function fieldNames(form: HTMLFormElement): string[] {
  const names = new Set<string>();
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
    if (!el.name || el.type === "hidden" || el.type === "submit" || el.type === "button" || el.type === "reset") continue;
    names.add(el.name);
  }
  return [...names];
}

/**
 * How many of the fields' filters the address sets: a field counts when the URL gives it a
 * value other than empty and other than the one the reset address keeps (the board's reset
 * keeps its park).
 */
function useActiveCount(names: readonly string[], reset: string | undefined): number {
  const params = useSearchParams();
  const kept = new URLSearchParams(reset?.split("?")[1] ?? "");
  return names.filter((n) => {
    const values = params.getAll(n).filter((v) => v !== "");
    return values.length > 0 && values.join("\u0000") !== kept.getAll(n).join("\u0000");
  }).length;
}

function ActiveBadge({ names, reset }: { names: readonly string[]; reset?: string }) {
  const t = useTranslations("ui");
  const count = useActiveCount(names, reset);
  if (count === 0) return null;
  return (
    <>
      <span aria-hidden data-testid="filter-count" className="ml-1.5 inline-flex min-w-5 justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold leading-5 text-white">
        {count}
      </span>
      <span className="sr-only">{t("filtersSet", { count })}</span>
    </>
  );
}

function ClearLink({ names, reset }: { names: readonly string[]; reset?: string }) {
  const t = useTranslations("ui");
  const count = useActiveCount(names, reset);
  const pathname = usePathname();
  if (count === 0) return null;
  return (
    <Link href={reset ?? pathname} className="shrink-0 px-2 py-1 text-sm text-slate-600 underline hover:text-brand-600" data-testid="filter-clear">
      {t("clear")}
    </Link>
  );
}

/**
 * Content that a phone folds behind a button (a list's filters) and wider screens always
 * show. The button is a disclosure (aria-expanded, aria-controls) and exists below md only.
 * Inside a GET form (`filters`), the folded button counts the filters the address sets
 * ("筛选条件 2") and a 清除 link beside it goes to `filters.reset` (or the bare path).
 */
export function PhoneDisclosure({
  label,
  children,
  className = "",
  filters,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
  filters?: { reset?: string };
}) {
  const t = useTranslations("ui");
  const [open, setOpen] = useState(false);
  const id = useId();
  const [names, setNames] = useState<readonly string[]>([]);
  // The form's fields are read once they are in the page (the form is the server's).
  const measure = useCallback((el: HTMLDivElement | null) => {
    const form = el?.closest("form");
    if (!form) return;
    const found = fieldNames(form);
    setNames((prev) => (prev.join() === found.join() ? prev : found));
  }, []);
  return (
    <>
      <div className="flex items-center gap-2 md:hidden">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="flex min-w-0 flex-1 items-center justify-between text-sm font-medium text-slate-700"
        >
          <span className="flex items-center">
            {label}
            {filters && (
              <Suspense fallback={null}>
                <ActiveBadge names={names} reset={filters.reset} />
              </Suspense>
            )}
          </span>
          <span aria-hidden className="text-slate-500">
            {open ? t("collapse") : t("expand")}
          </span>
        </button>
        {filters && (
          <Suspense fallback={null}>
            <ClearLink names={names} reset={filters.reset} />
          </Suspense>
        )}
      </div>
      <div id={id} ref={filters ? measure : undefined} className={`${open ? "mt-3 flex" : "hidden"} md:mt-0 md:flex ${className}`}>
        {children}
      </div>
    </>
  );
}
