"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { setPointRuleAction } from "@/lib/actions/points/set-point-rule";
import { POINT_EARNERS, POINT_KINDS, type PointEarner, type PointKind } from "@/lib/domain/points";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { FormFooter } from "@/components/ui/form-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

/** A new version of one rule: the kind, who earns it, the points and the date it takes effect (not before this month). */
export function PointRuleForm({ target, earliest }: { target: { parkId?: number; regionId?: number }; earliest: string }) {
  const t = useTranslations("points");
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const { errors, notice, pending, submit } = useActionForm();
  useFocusFirstInvalid(formRef, errors);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "");
    submit(
      () => setPointRuleAction({ ...target, kind: text("kind") as PointKind, earner: text("earner") as PointEarner, points: text("points"), effectiveFrom: text("effectiveFrom"), note: text("note") }),
      () => {
        router.refresh();
        return t("ruleForm.saved");
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("ruleForm.aria")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field label={t("ruleForm.kind")} name="kind" errors={errors} required>
          <select name="kind" className={INPUT_CLASS} defaultValue={POINT_KINDS[0]}>
            {POINT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("ruleForm.earner")} name="earner" errors={errors} required>
          <select name="earner" className={INPUT_CLASS} defaultValue="LIAISON">
            {POINT_EARNERS.map((k) => (
              <option key={k} value={k}>
                {t(`earner.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <TextField label={t("ruleForm.points")} name="points" type="number" step={1} min={-100} max={100} required errors={errors} />
        <TextField label={t("ruleForm.effectiveFrom")} name="effectiveFrom" type="date" min={earliest} defaultValue={earliest} required errors={errors} hint={t("ruleForm.notBefore", { date: earliest })} />
        <TextField label={t("ruleForm.note")} name="note" maxLength={200} errors={errors} />
      </div>
      <FormFooter notice={notice} pending={pending} submitLabel={t("ruleForm.submit")} />
    </form>
  );
}
