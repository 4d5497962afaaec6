"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { EnterpriseOption } from "@/lib/server/enterprises/search-enterprises";
import type { EnterprisePickerPurpose } from "@/lib/validation/enterprises";

export type EnterpriseChoice = EnterpriseOption;

const LIMIT = 20;
const DEBOUNCE_MS = 200;

interface Props {
  label: string;
  /** Select mode: a hidden input of this name carries the chosen enterprise's id. */
  name?: string;
  /**
   * Free-text mode: the text box itself is the form field of this name (the project form's
   * 企业名称, where a new name is allowed) and the options are suggestions.
   */
  textName?: string;
  purpose: EnterprisePickerPurpose;
  /** Only this park's enterprises. */
  parkId?: number;
  /** Select mode: the enterprise chosen when the form opens. */
  initial?: EnterpriseChoice | null;
  /** Free-text mode: the text when the form opens. */
  initialText?: string;
  /** Left out of the options (the enterprise a merge starts from). */
  excludeId?: number;
  /** A choice made (or, in select mode, undone by typing). */
  onChange?: (choice: EnterpriseChoice | null) => void;
  required?: boolean;
  invalid?: boolean;
  /** Id of the element holding the field's error messages. */
  errorId?: string;
  placeholder?: string;
  maxLength?: number;
  className?: string;
}

type Status = { kind: "idle" } | { kind: "loading" } | { kind: "error"; message: string } | { kind: "done"; hasMore: boolean };

/**
 * A searchable enterprise picker backed by the paged SQL search (/api/enterprises/search):
 * type part of a name or 统一社会信用代码, pick from the best matches. No list is loaded up
 * front, so every enterprise can be found however many a park has.
 *
 * ARIA 1.2 combobox: the text box has role="combobox" with aria-expanded, aria-controls and
 * aria-activedescendant; the options are a listbox. Arrow keys move, Enter picks, Escape
 * closes (and, with the list closed, clears the text in select mode).
 */
export function EnterpriseCombobox({
  label,
  name,
  textName,
  purpose,
  parkId,
  initial = null,
  initialText,
  excludeId,
  onChange,
  required,
  invalid,
  errorId,
  placeholder,
  maxLength = 100,
  className = "",
}: Props) {
  const t = useTranslations("ui.enterprise");
  // The search answers in the API's error shape, its message in both languages.
  const lang = useLocale() === "en" ? "en" : "zh";
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(initial?.name ?? initialText ?? "");
  const [selected, setSelected] = useState<EnterpriseChoice | null>(initial);
  const [options, setOptions] = useState<EnterpriseChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  // A different park makes the options (and, in select mode, a choice from another park) stale.
  useEffect(() => {
    // The reset also tells the surrounding form (onChange), which must not happen during a
    // render, so it stays an effect of the park changing.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOptions([]);
    setStatus({ kind: "idle" });
    if (!textName && selected && parkId !== undefined && selected.parkId !== parkId) {
      setSelected(null);
      setText("");
      onChange?.(null);
    }
    // Only the park matters here; the choice is read as it stands when the park changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parkId]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  function search(q: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setStatus({ kind: "loading" });
      const params = new URLSearchParams({ purpose, limit: String(LIMIT) });
      if (q.trim()) params.set("q", q.trim().slice(0, 100));
      if (parkId !== undefined) params.set("park", String(parkId));
      try {
        const res = await fetch(`/api/enterprises/search?${params}`, { signal: controller.signal, headers: { accept: "application/json" } });
        const body = await res.json();
        if (!res.ok) {
          setOptions([]);
          setStatus({ kind: "error", message: body?.error?.message?.[lang] ?? t("searchFailed") });
          return;
        }
        const items = (body.items as EnterpriseChoice[]).filter((o) => o.id !== excludeId);
        setOptions(items);
        setActive(items.length > 0 ? 0 : -1);
        setStatus({ kind: "done", hasMore: Boolean(body.hasMore) });
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setOptions([]);
        setStatus({ kind: "error", message: t("networkFailed") });
      }
    }, DEBOUNCE_MS);
  }

  function openList() {
    setOpen(true);
    search(text);
  }

  function pick(option: EnterpriseChoice) {
    setSelected(option);
    setText(option.name);
    setOpen(false);
    setActive(-1);
    onChange?.(option);
  }

  function type(value: string) {
    setText(value);
    setOpen(true);
    if (!textName && selected) {
      setSelected(null);
      onChange?.(null);
    }
    search(value);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!open) return openList();
      if (options.length === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (e.key === "Enter") {
      if (open && active >= 0 && options[active]) {
        e.preventDefault();
        pick(options[active]);
      } else if (!textName) {
        // In select mode Enter never submits a half-typed name.
        e.preventDefault();
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else if (!textName && text) {
        e.preventDefault();
        type("");
        setOpen(false);
      }
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  }

  const activeId = open && active >= 0 && options[active] ? `${id}-opt-${options[active].id}` : undefined;
  const announce =
    status.kind === "loading"
      ? t("searching")
      : status.kind === "error"
        ? status.message
        : status.kind === "done"
          ? options.length === 0
            ? t("noMatch")
            : t("found", { count: options.length, more: String(status.hasMore) })
          : "";

  return (
    <div className={`relative text-sm ${className}`}>
      <label htmlFor={`${id}-input`} className="text-slate-700">
        {label}
        {required && <span className="text-red-600"> *</span>}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-invalid={invalid || undefined}
        aria-describedby={errorId}
        aria-required={required || undefined}
        autoComplete="off"
        name={textName}
        value={text}
        maxLength={maxLength}
        placeholder={placeholder ?? t("placeholder")}
        onChange={(e) => type(e.target.value)}
        onFocus={() => {
          if (!open) openList();
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500"
        data-testid={name ? `${name}-combobox` : textName ? `${textName}-combobox` : undefined}
      />
      {name && <input type="hidden" name={name} value={selected?.id ?? ""} />}
      {selected && !textName && selected.creditCode && <span className="mt-0.5 block text-xs text-slate-500">{t("creditCode", { code: selected.creditCode })}</span>}
      <ul
        id={listId}
        role="listbox"
        aria-label={t("results")}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded border border-slate-200 bg-white py-1 shadow-lg"
      >
        {options.map((o, i) => (
          // The keyboard picks from the text box (aria-activedescendant), not from the option.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={o.id}
            id={`${id}-opt-${o.id}`}
            role="option"
            aria-selected={i === active}
            // Keeps the focus in the text box, so the click picks before the blur closes the list.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
            onMouseEnter={() => setActive(i)}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
          >
            <span className="font-medium">{o.name}</span>
            <span className="ml-2 text-xs text-slate-500">
              {o.parkName}
              {o.creditCode ? ` · ${o.creditCode}` : ""}
            </span>
          </li>
        ))}
        {open && status.kind === "done" && options.length === 0 && (
          <li role="presentation" className="px-3 py-1.5 text-slate-500">
            {textName ? t("willCreate") : t("noMatch")}
          </li>
        )}
        {open && status.kind === "done" && status.hasMore && (
          <li role="presentation" className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-500">
            {t("limited", { limit: LIMIT })}
          </li>
        )}
        {open && status.kind === "error" && (
          <li role="presentation" className="px-3 py-1.5 text-red-600">
            {status.message}
          </li>
        )}
      </ul>
      <span role="status" aria-live="polite" className="sr-only">
        {open ? announce : ""}
      </span>
    </div>
  );
}
