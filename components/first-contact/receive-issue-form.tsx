"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { receiveIssueAction } from "@/lib/actions/first-contact/receive-issue";
import { todayInShanghai } from "@/lib/domain/dates";
import { INTAKE_CHANNELS, INTAKE_CHANNEL_LABELS } from "@/lib/domain/first-contact";
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS } from "@/lib/domain/issues";
import { type EnterpriseChoice, EnterpriseCombobox } from "@/components/ui/enterprise-combobox";
import { Field } from "@/components/ui/field";
import { FieldErrors } from "@/components/ui/field-errors";
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
        flash(r.handoffPending ? `已受理 ${r.code}，待负责人接收；接收前您是首问责任人` : `已受理 ${r.code}，由您负责办理`);
        router.push(`/issues/${r.id}`);
        router.refresh();
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2" data-testid="receive-issue-form">
      <div>
        <EnterpriseCombobox label="企业" name="enterpriseId" purpose="visit" onChange={setTarget} required invalid={Boolean(errors.enterpriseId)} errorId="receive-enterprise-error" />
        <span id="receive-enterprise-error">
          <FieldErrors name="enterpriseId" errors={errors} />
        </span>
      </div>
      <Field label="相关项目" name="projectId" errors={errors}>
        <select name="projectId" className={INPUT_CLASS} key={target?.id ?? 0} disabled={!target}>
          <option value="">（不限项目）</option>
          {target?.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="来源" name="intakeChannel" errors={errors}>
        <select name="intakeChannel" className={INPUT_CLASS} defaultValue="">
          <option value="">请选择</option>
          {INTAKE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {INTAKE_CHANNEL_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="受理日期" name="raisedDate" errors={errors}>
        <input type="date" name="raisedDate" max={today} defaultValue={today} className={INPUT_CLASS} />
      </Field>
      <Field label="企业反映人" name="raisedBy" errors={errors}>
        <input name="raisedBy" maxLength={50} className={INPUT_CLASS} placeholder="如 办公室主任 王五" />
      </Field>
      <Field label="问题类别" name="category" errors={errors}>
        <select name="category" className={INPUT_CLASS} defaultValue="">
          <option value="">请选择</option>
          {ISSUE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {ISSUE_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </Field>
      <Field label="问题标题" name="title" errors={errors} className="sm:col-span-2">
        <input name="title" maxLength={100} className={INPUT_CLASS} />
      </Field>
      <Field label="问题描述" name="description" errors={errors} className="sm:col-span-2">
        <textarea name="description" rows={4} maxLength={2000} className={INPUT_CLASS} />
      </Field>
      <Field label="建议责任单位" name="responsibleUnit" errors={errors}>
        <input name="responsibleUnit" maxLength={100} className={INPUT_CLASS} placeholder="如 自然资源局" />
      </Field>
      <div className="sm:col-span-2">
        <FormFooter notice={notice} pending={pending} submitLabel="受理并移交" />
      </div>
    </form>
  );
}
