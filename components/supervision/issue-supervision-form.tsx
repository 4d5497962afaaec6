"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { issueSupervisionAction } from "@/lib/actions/supervision/issue-supervision";
import { DEFAULT_WORKDAYS, WORKDAYS_MAX, WORKDAYS_MIN } from "@/lib/domain/supervision";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

export interface RecipientOption {
  id: number;
  name: string;
  hint: string;
}

/** 下发督办函: to whom (a person of the park and their unit), what, the rectification required and the 办理时限 in working days. */
export function IssueSupervisionForm({
  target,
  recipients,
  defaults,
}: {
  target: { projectId: number } | { issueId: number };
  recipients: RecipientOption[];
  defaults: { recipientUserId: number | null; recipientUnit: string; subject: string };
}) {
  const t = useTranslations("supervision.form");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const s = (k: string) => String(f.get(k) ?? "");
    submit(
      () => issueSupervisionAction({ ...target, recipientUserId: s("recipientUserId"), recipientUnit: s("recipientUnit"), subject: s("subject"), requirement: s("requirement"), workdays: s("workdays") }),
      (r) => {
        router.push(`/supervision/${r.id}`);
        return t("issued", { code: r.code, deadline: r.deadline });
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate>
      <Field label={t("recipient")} name="recipientUserId" errors={errors} hint={t("recipientHint")}>
        <select name="recipientUserId" defaultValue={defaults.recipientUserId ?? ""} className={INPUT_CLASS}>
          <option value="">{t("choose")}</option>
          {recipients.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
              {r.hint ? t("recipientOption", { hint: r.hint }) : ""}
            </option>
          ))}
        </select>
      </Field>
      <TextField label={t("unit")} name="recipientUnit" errors={errors} defaultValue={defaults.recipientUnit} maxLength={100} />
      <TextField label={t("subject")} name="subject" errors={errors} defaultValue={defaults.subject} maxLength={200} required />
      <Field label={t("requirement")} name="requirement" errors={errors}>
        <textarea name="requirement" rows={5} maxLength={2000} className={INPUT_CLASS} required />
      </Field>
      <TextField
        label={t("workdays")}
        name="workdays"
        type="number"
        min={WORKDAYS_MIN}
        max={WORKDAYS_MAX}
        defaultValue={DEFAULT_WORKDAYS}
        errors={errors}
        hint={t("workdaysHint")}
        className="max-w-48"
      />
      <FormFooter notice={notice} pending={pending} submitLabel={t("submit")} />
    </form>
  );
}
