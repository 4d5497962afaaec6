import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { termIn, translateMessage } from "@/lib/i18n/server-messages";
import { Alert } from "./alert";
import { Button } from "./button";
import { PhoneDisclosure } from "./phone-disclosure";

export const filterField = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

/** A labelled <select> of a GET filter form; the empty option means "all". */
export function FilterSelect({
  label,
  name,
  value,
  options,
  allLabel,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  options: readonly (readonly [value: string | number, label: string])[];
  allLabel?: string | null;
}) {
  const t = useTranslations("ui");
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={filterField}>
        {allLabel !== null && <option value="">{allLabel ?? t("all")}</option>}
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The last eight years, newest first, for "year signed" filters ("2026年" in Chinese, "2026" in English). */
export function recentYears(locale: string = "zh-CN"): [number, string][] {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => [thisYear - i, locale === "zh-CN" ? `${thisYear - i}年` : String(thisYear - i)]);
}

/**
 * A list page's GET filter form: its fields, the submit button (`submitLabel`) and, with
 * `reset`, a 重置 link to that address. The filters live in the URL, so a view can be shared
 * and bookmarked. Other form attributes (action, aria-label, role) pass through.
 */
export function FilterBar({
  submitLabel,
  reset,
  children,
  ...form
}: { submitLabel?: string; reset?: string; children: React.ReactNode } & Omit<React.FormHTMLAttributes<HTMLFormElement>, "method" | "className" | "children">) {
  const t = useTranslations("ui");
  return (
    <form method="get" {...form} className="no-print mb-4 rounded-lg border border-slate-200 bg-white p-3">
      {/* A phone folds the fields behind 筛选条件 (with how many are set, and 清除): the list comes first. */}
      <PhoneDisclosure label={t("filters")} className="flex-wrap items-end gap-3" filters={{ reset: reset ?? (typeof form.action === "string" ? form.action : undefined) }}>
        {children}
        <Button type="submit">{submitLabel ?? t("filter")}</Button>
        {reset && (
          <Link href={reset} className="px-2 py-1.5 text-sm text-slate-600 hover:text-brand-600">
            {t("reset")}
          </Link>
        )}
      </PhoneDisclosure>
    </form>
  );
}

/** A labelled <input> of a GET filter form (text, date, month); `className` adds to the field's (a width). */
export function FilterInput({ label, className, ...input }: { label: string; className?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "className">) {
  return (
    <label className="flex flex-col gap-1 text-xs text-slate-600">
      {label}
      <input {...input} className={className ? `${filterField} ${className}` : filterField} />
    </label>
  );
}

/** A checkbox of a GET filter form, sent as `name=1` when ticked. */
export function FilterCheck({ label, name, checked }: { label: string; name: string; checked: boolean }) {
  return (
    <label className="flex items-center gap-1.5 self-center pt-4 text-sm text-slate-700">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} />
      {label}
    </label>
  );
}

/** The amber note above a list when some of the URL's filters were invalid and left out. */
export function FilterErrors({ errors, what, className = "" }: { errors: string[]; what?: string; className?: string }) {
  const t = useTranslations("ui");
  const locale = useLocale();
  if (errors.length === 0) return null;
  return (
    <Alert tone="warning" testId="filter-errors" className={`mb-3 ${className}`.trim()}>
      {t("filterErrors", { what: what ? termIn(what, locale) : t("filters"), errors: errors.map((e) => translateMessage(e, locale)).join(locale === "zh-CN" ? "；" : "; ") })}
    </Alert>
  );
}
