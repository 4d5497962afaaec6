"use client";

import { useLocale } from "next-intl";
import { parenIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

const XLSX = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Choosing the .xlsx an import reads: a button in the page's language (the native one speaks
 * the browser's), the chosen file's name and size, and the hidden file input. Choosing the same
 * file again (after editing it) fires `onChoose` again.
 */
export function XlsxFilePicker({
  file,
  busy,
  onChoose,
  chooseLabel,
  noFileLabel,
  inputLabel,
  showSize = true,
}: {
  file: File | null;
  busy: boolean;
  onChoose: (file: File | null) => void;
  chooseLabel: string;
  noFileLabel: string;
  inputLabel: string;
  showSize?: boolean;
}) {
  const locale = useLocale() as Locale;
  return (
    <label className={`inline-flex items-center gap-3 text-sm ${busy ? "opacity-50" : "cursor-pointer"}`}>
      <span className="rounded border border-slate-300 bg-slate-50 px-3 py-2 hover:bg-slate-100">{chooseLabel}</span>
      <span className={file ? "text-slate-800" : "text-slate-500"}>{file ? `${file.name}${showSize ? parenIn(locale, `${(file.size / 1024).toFixed(0)} KB`) : ""}` : noFileLabel}</span>
      <input
        type="file"
        name="file"
        aria-label={inputLabel}
        accept={XLSX}
        disabled={busy}
        onChange={(e) => {
          onChoose(e.target.files?.[0] ?? null);
          e.target.value = "";
        }}
        className="sr-only"
      />
    </label>
  );
}
