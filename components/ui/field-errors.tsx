/** The messages for one form field, as returned by zod or by a server action's fieldErrors. */
export function FieldErrors({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  return (
    <>
      {errors[name]?.map((m) => (
        <span key={m} className="mt-1 block text-xs text-red-600" data-field-error={name}>
          {m}
        </span>
      ))}
    </>
  );
}
