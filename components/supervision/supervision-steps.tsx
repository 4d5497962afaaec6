"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { replySupervisionAction } from "@/lib/actions/supervision/reply-supervision";
import { reviewSupervisionAction } from "@/lib/actions/supervision/review-supervision";
import { attachmentProblems } from "@/lib/domain/attachments";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Alert } from "@/components/ui/alert";

/** The recipient's reply: what was done, with scans or photos (images or PDF). */
export function ReplyForm({ supervisionId, version }: { supervisionId: number; version: number }) {
  const t = useTranslations("supervision.steps");
  const router = useRouter();
  const { errors, notice, pending, submit, fail } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const files = f.getAll("attachments").filter((x): x is File => typeof x !== "string" && x.size > 0);
    const problems = attachmentProblems(files.map((x) => ({ name: x.name, type: x.type, size: x.size })));
    if (problems.length) return fail(problems[0], { attachments: problems });
    let upload: FormData | undefined;
    if (files.length) {
      upload = new FormData();
      for (const file of files) upload.append("attachments", file);
    }
    submit(
      () => replySupervisionAction({ supervisionId, version, note: String(f.get("note") ?? "") }, upload),
      () => {
        form.reset();
        router.refresh();
        return t("replied");
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="no-print space-y-3" noValidate>
      <Field label={t("note")} name="note" errors={errors}>
        <textarea name="note" rows={4} maxLength={2000} className={INPUT_CLASS} required />
      </Field>
      <Field label={t("attachments")} name="attachments" errors={errors}>
        <input type="file" name="attachments" multiple accept="image/jpeg,image/png,application/pdf" className="mt-1 block text-sm" />
      </Field>
      <FormFooter notice={notice} pending={pending} submitLabel={t("submitReply")} />
    </form>
  );
}

/** The leader's review of a reply: 销号 (with an optional opinion) or 退回 with a reason. */
export function ReviewForm({ supervisionId, version }: { supervisionId: number; version: number }) {
  const t = useTranslations("supervision.steps");
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  const [decision, setDecision] = useState<"accept" | "return">("accept");

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    submit(
      () => reviewSupervisionAction({ supervisionId, version, decision, note: String(f.get("note") ?? "") }),
      (r) => {
        router.refresh();
        return r.status === "CLOSED" ? t("closed") : t("returned");
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="no-print space-y-3" noValidate>
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 text-xs text-slate-500">{t("conclusion")}</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="decision" value="accept" checked={decision === "accept"} onChange={() => setDecision("accept")} /> {t("accept")}
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="decision" value="return" checked={decision === "return"} onChange={() => setDecision("return")} /> {t("return")}
        </label>
      </fieldset>
      <Field label={decision === "return" ? t("returnReason") : t("opinion")} name="note" errors={errors}>
        <textarea name="note" rows={3} maxLength={500} className={INPUT_CLASS} required={decision === "return"} />
      </Field>
      {errors.decision && <Alert tone="error">{errors.decision.join(t("errorSeparator"))}</Alert>}
      <FormFooter notice={notice} pending={pending} submitLabel={decision === "return" ? t("submitReturn") : t("submitAccept")} />
    </form>
  );
}

