import { Field } from "./field";

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
  return (
    <Field label={label} name={name} errors={errors} hint={hint} className={className}>
      <input name={name} className={INPUT_CLASS} {...input} />
    </Field>
  );
}
