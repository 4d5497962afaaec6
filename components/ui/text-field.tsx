import { useId } from "react";

export const INPUT_CLASS = "mt-1 block w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

/**
 * A labelled input whose errors are linked to it (aria-describedby), so a screen reader
 * reads the rule with the field. Extra input props pass through.
 */
export function TextField({
  label,
  name,
  errors,
  hint,
  className = "",
  ...input
}: { label: string; name: string; errors: Record<string, string[]>; hint?: string; className?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const messages = errors[name] ?? [];
  const describedBy = [hint ? `${id}-hint` : "", messages.length ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`text-sm text-slate-700 ${className}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={messages.length > 0 || undefined} aria-describedby={describedBy} className={INPUT_CLASS} {...input} />
      {hint && (
        <span id={`${id}-hint`} className="mt-1 block text-xs text-slate-500">
          {hint}
        </span>
      )}
      {messages.length > 0 && (
        <span id={`${id}-err`} className="mt-1 block text-xs text-red-600" data-field-error={name}>
          {messages.join("；")}
        </span>
      )}
    </div>
  );
}
