"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ENTERPRISE_FIELD_LABELS, enterpriseCreateSchema, enterpriseUpdateSchema } from "@/lib/validation/enterprises";
import { fieldErrors } from "@/lib/validation/field-errors";
import { createEnterpriseAction } from "@/lib/actions/enterprises/create-enterprise";
import { updateEnterpriseAction } from "@/lib/actions/enterprises/update-enterprise";
import { FormFooter } from "@/components/ui/form-footer";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

export type EnterpriseFormValues = Partial<Record<"name" | "creditCode" | "legalPerson" | "contactName" | "contactPhone" | "address" | "industry", string | null>> & { parkId?: number };

interface Props {
  mode: "create" | "edit";
  enterpriseId?: number;
  /** Create mode: the parks the user may register enterprises in (not archived). */
  parks?: { id: number; name: string }[];
  initial: EnterpriseFormValues;
  industries: string[];
}

/** Create or edit an enterprise's record; the same zod schema runs here and on the server. */
export function EnterpriseForm({ mode, enterpriseId, parks = [], initial, industries }: Props) {
  const t = useTranslations("enterprises");
  const L = (name: keyof typeof ENTERPRISE_FIELD_LABELS) => t(`field.${name}`);
  const router = useRouter();
  const { errors, notice, pending, submit, fail, clear } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
    const parsed = (mode === "create" ? enterpriseCreateSchema : enterpriseUpdateSchema).safeParse(values);
    if (!parsed.success) return fail(t("form.checkFields"), fieldErrors(parsed.error));
    clear();
    submit(
      () => (mode === "create" ? createEnterpriseAction(values) : updateEnterpriseAction(enterpriseId!, values)),
      (data) => {
        router.push(`/enterprises/${data.id}`);
        router.refresh();
      },
    );
  }

  const field = (name: keyof typeof ENTERPRISE_FIELD_LABELS) => ({ name, id: `enterprise-${name}` });
  const text = (name: Exclude<keyof typeof ENTERPRISE_FIELD_LABELS, "parkId">, props: React.InputHTMLAttributes<HTMLInputElement> = {}, required = false, wide = false) => (
    <Field label={L(name)} name={name} errors={errors} required={required} className={wide ? "sm:col-span-2" : ""}>
      <input {...field(name)} defaultValue={initial[name] ?? ""} className={input} {...props} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" data-testid="enterprise-form">
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("form.info")}</legend>
        {mode === "create" && (
          <Field label={L("parkId")} name="parkId" errors={errors} required>
            <select {...field("parkId")} defaultValue={initial.parkId ?? parks[0]?.id} className={input}>
              {parks.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {text("name", { maxLength: 100 }, true, true)}
        {text("creditCode", { maxLength: 18, placeholder: t("form.creditCodePlaceholder"), className: `${input} font-mono uppercase` })}
        <Field label={L("industry")} name="industry" errors={errors}>
          <input {...field("industry")} list="enterprise-industries" defaultValue={initial.industry ?? ""} maxLength={50} className={input} />
        </Field>
        <datalist id="enterprise-industries">
          {industries.map((i) => (
            <option key={i} value={i} />
          ))}
        </datalist>
        {text("address", { maxLength: 200 }, false, true)}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t("form.contacts")}</legend>
        {text("legalPerson", { maxLength: 50 })}
        {text("contactName", { maxLength: 50 })}
        {text("contactPhone", { maxLength: 20, inputMode: "tel" })}
      </fieldset>
      <FormFooter notice={notice} pending={pending} submitLabel={mode === "create" ? t("form.save") : t("form.saveChanges")} onCancel={() => router.back()} />
    </form>
  );
}
