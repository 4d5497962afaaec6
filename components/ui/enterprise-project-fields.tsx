"use client";
import { type EnterpriseChoice, EnterpriseCombobox } from "./enterprise-combobox";
import { Field } from "./field";
import { FieldErrors } from "./field-errors";

/**
 * An enterprise (searched, required) and then one of its projects (optional: blank is the
 * enterprise as a whole), as a visit or a problem received directly names them. The form
 * keeps the chosen enterprise (`target`, set through `onChange`) for what it sends.
 */
export function EnterpriseProjectFields({
  target,
  onChange,
  initial = null,
  errors,
  errorId,
  labels,
  inputClassName,
}: {
  target: EnterpriseChoice | null;
  onChange: (choice: EnterpriseChoice | null) => void;
  initial?: EnterpriseChoice | null;
  errors: Record<string, string[]>;
  /** The id of the enterprise's error text (linked from the search box). */
  errorId: string;
  labels: { enterprise: string; project: string; anyProject: string };
  inputClassName: string;
}) {
  return (
    <>
      <div>
        <EnterpriseCombobox label={labels.enterprise} name="enterpriseId" purpose="visit" initial={initial} onChange={onChange} required invalid={Boolean(errors.enterpriseId)} errorId={errorId} />
        <span id={errorId}>
          <FieldErrors name="enterpriseId" errors={errors} />
        </span>
      </div>
      <Field label={labels.project} name="projectId" errors={errors}>
        <select name="projectId" className={inputClassName} key={target?.id ?? 0} disabled={!target}>
          <option value="">{labels.anyProject}</option>
          {target?.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
