"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { mergeEnterprisesAction } from "@/lib/actions/enterprises/merge-enterprises";
import { type EnterpriseChoice, EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { FieldErrors } from "@/components/ui/field-errors";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * A park leader merges this enterprise with a duplicate record of the same company: pick
 * the other record, which of the two survives, and why; a second step says what will
 * happen before anything is written.
 */
export function MergeForm({ enterprise }: { enterprise: { id: number; name: string; parkId: number } }) {
  const t = useTranslations("enterprises.merge");
  const router = useRouter();
  const [other, setOther] = useState<EnterpriseChoice | null>(null);
  const [keep, setKeep] = useState<"this" | "other">("this");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { errors, notice, pending, submit, fail, clear, setErrors } = useActionForm();

  const survivor = keep === "this" ? { id: enterprise.id, name: enterprise.name } : other;
  const duplicate = keep === "this" ? other : { id: enterprise.id, name: enterprise.name };
  // The picker is the duplicate's or the survivor's field depending on which one is kept here.
  const pickerKey = keep === "this" ? "duplicateId" : "survivorId";

  function review(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!other) problems[pickerKey] = [t("pickOther")];
    if (!reason.trim()) problems.reason = [t("reasonRequired")];
    if (Object.keys(problems).length > 0) return fail(t("checkFields"), problems);
    clear();
    setConfirming(true);
  }

  function merge() {
    if (!survivor || !duplicate) return;
    submit(
      () => mergeEnterprisesAction({ survivorId: survivor.id, duplicateId: duplicate.id, reason }),
      (data) => {
        router.push(`/enterprises/${data.survivorId}`);
        router.refresh();
      },
      {
        // The picker shows the other record's errors whichever role it plays.
        mapFieldErrors: (fields) => {
          const mapped: Record<string, string[]> = { ...fields };
          for (const key of ["survivorId", "duplicateId"]) if (fields[key] && key !== pickerKey) mapped[pickerKey] = [...(mapped[pickerKey] ?? []), ...fields[key]];
          return mapped;
        },
        onError: () => setConfirming(false),
      },
    );
  }

  return (
    <Section title={t("title")} testId="merge-panel">
      <p className="mb-3 text-xs text-slate-500">
        {t("intro")}
      </p>
      <form onSubmit={review} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("title")}>
        <div>
          <EnterpriseCombobox
            label={t("other")}
            purpose="read"
            parkId={enterprise.parkId}
            excludeId={enterprise.id}
            onChange={(c) => {
              setOther(c);
              setConfirming(false);
            }}
            required
            invalid={Boolean(errors[pickerKey])}
            errorId="merge-other-error"
          />
          <span id="merge-other-error">
            <FieldErrors name={pickerKey} errors={errors} />
          </span>
        </div>
        <fieldset className="text-sm">
          <legend className="text-slate-700">{t("keep")}</legend>
          <label className="mt-1 flex items-center gap-2">
            <input type="radio" name="keep" value="this" checked={keep === "this"} onChange={() => { setKeep("this"); setConfirming(false); setErrors({}); }} />
            {t("keepThis", { name: enterprise.name })}
          </label>
          <label className="mt-1 flex items-center gap-2">
            <input type="radio" name="keep" value="other" checked={keep === "other"} onChange={() => { setKeep("other"); setConfirming(false); setErrors({}); }} />
            {other ? t("keepOtherNamed", { name: other.name }) : t("keepOther")}
          </label>
        </fieldset>
        <Field label={t("reason")} name="reason" errors={errors} required className="sm:col-span-2">
          <input
            name="reason"
            value={reason}
            maxLength={500}
            onChange={(e) => {
              setReason(e.target.value);
              setConfirming(false);
            }}
            placeholder={t("reasonPlaceholder")}
            className="mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500"
          />
        </Field>
        {notice && (
          <Alert as="p" tone={notice.kind} testId="merge-error" className="sm:col-span-2">
            {notice.text}
          </Alert>
        )}
        {!confirming && (
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary" tone="danger">
              {t("start")}
            </Button>
          </div>
        )}
      </form>
      {confirming && survivor && duplicate && (
        <div role="alertdialog" aria-labelledby="merge-confirm-text" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="merge-confirm">
          <p id="merge-confirm-text" className="text-red-900">
            {t("confirmText", { duplicate: duplicate.name, survivor: survivor.name })}
          </p>
          <div className="mt-2 flex gap-2">
            <Button type="button" onClick={merge} ref={(el) => el?.focus()} variant="danger" pending={pending}>
              {pending ? t("merging") : t("confirm")}
            </Button>
            <Button type="button" onClick={() => setConfirming(false)} variant="secondary">
              {t("back")}
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}
