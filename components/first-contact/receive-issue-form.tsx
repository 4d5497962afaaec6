"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { receiveIssueAction } from "@/lib/actions/first-contact/receive-issue";
import { todayInShanghai } from "@/lib/domain/dates";
import { INTAKE_CHANNELS } from "@/lib/domain/first-contact";
import { ISSUE_CATEGORIES } from "@/lib/domain/issues";
import type { EnterpriseChoice } from "@/components/ui/enterprise-combobox";
import { EnterpriseProjectFields } from "@/components/ui/enterprise-project-fields";
import { Field } from "@/components/ui/field";
import { flash } from "@/components/ui/flash";
import { FormFooter } from "@/components/ui/form-footer";
import { INPUT_CLASS } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * 直接受理: a problem an enterprise raised by phone, at the window, by letter or online, logged by
 * whoever received it (首问责任人). The responsible person (blank: the enterprise's 包保责任人)
 * accepts the hand-off; deadlines follow the category in working days.
 */
export function ReceiveIssueForm() {
  const t = useTranslations("firstContact");
  const tc = useTranslations("common.enum");
  const router = useRouter();
  const [target, setTarget] = useState<EnterpriseChoice | null>(null);
  const { errors, notice, pending, submit } = useActionForm();
  const today = todayInShanghai();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const s = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    submit(
      () =>
        receiveIssueAction({
          enterpriseId: target?.id,
          projectId: s("projectId"),
          intakeChannel: s("intakeChannel"),
          raisedDate: s("raisedDate"),
          raisedBy: s("raisedBy"),
          category: s("category"),
          title: s("title"),
          description: s("description"),
          responsibleUnit: s("responsibleUnit"),
        }),
      (r) => {
        flash(r.handoffPending ? t("form.receivedPending", { code: r.code }) : t("form.received", { code: r.code }));
        router.push(`/issues/${r.id}`);
        router.refresh();
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="receive-issue-form">
      <EnterpriseProjectFields
        target={target}
        onChange={setTarget}
        errors={errors}
        errorId="receive-enterprise-error"
        labels={{ enterprise: t("form.enterprise"), project: t("form.project"), anyProject: t("form.anyProject") }}
        inputClassName={INPUT_CLASS}
      />
      <Field label={t("form.channel")} name="intakeChannel" errors={errors}>
        <select name="intakeChannel" className={INPUT_CLASS} defaultValue="">
          <option value="">{t("form.choose")}</option>
          {INTAKE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("form.date")} name="raisedDate" errors={errors}>
        <input type="date" name="raisedDate" max={today} defaultValue={today} className={INPUT_CLASS} />
      </Field>
      <Field label={t("form.raisedBy")} name="raisedBy" errors={errors}>
        <input name="raisedBy" maxLength={50} className={INPUT_CLASS} placeholder={t("form.raisedByPlaceholder")} />
      </Field>
      <Field label={t("form.category")} name="category" errors={errors}>
        <select name="category" className={INPUT_CLASS} defaultValue="">
          <option value="">{t("form.choose")}</option>
          {ISSUE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {tc(`issueCategory.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("form.title")} name="title" errors={errors} className="sm:col-span-2">
        <input name="title" maxLength={100} className={INPUT_CLASS} />
      </Field>
      <Field label={t("form.description")} name="description" errors={errors} className="sm:col-span-2">
        <textarea name="description" rows={4} maxLength={2000} className={INPUT_CLASS} />
      </Field>
      <Field label={t("form.unit")} name="responsibleUnit" errors={errors}>
        <input name="responsibleUnit" maxLength={100} className={INPUT_CLASS} placeholder={t("form.unitPlaceholder")} />
      </Field>
      <div className="sm:col-span-2">
        <FormFooter notice={notice} pending={pending} submitLabel={t("form.submit")} />
      </div>
    </form>
  );
}
