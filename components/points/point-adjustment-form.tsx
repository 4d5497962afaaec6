"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createPointAdjustmentAction } from "@/lib/actions/points/create-point-adjustment";
import { POINT_EARNERS, type PointEarner } from "@/lib/domain/points";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { FormFooter } from "@/components/ui/form-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

/** 人工加分/减分: a person of the park or a 责任单位, the date, the points and the reason. */
export function PointAdjustmentForm({ parkId, people, today }: { parkId: number; people: { id: number; name: string; unit: string | null }[]; today: string }) {
  const t = useTranslations("points");
  const formRef = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const [earner, setEarner] = useState<PointEarner>("LIAISON");
  const { errors, notice, pending, submit } = useActionForm();
  useFocusFirstInvalid(formRef, errors);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const text = (k: string) => String(f.get(k) ?? "");
    submit(
      () =>
        createPointAdjustmentAction({
          parkId,
          earner,
          userId: earner === "UNIT" ? null : text("userId") || null,
          unit: earner === "UNIT" ? text("unit") : null,
          date: text("date"),
          points: text("points"),
          reason: text("reason"),
        }),
      () => {
        form.reset();
        router.refresh();
        return t("adjustmentForm.saved");
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("adjustmentForm.aria")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t("adjustmentForm.earner")} name="earner" errors={errors} required>
          <select name="earner" className={INPUT_CLASS} value={earner} onChange={(e) => setEarner(e.target.value as PointEarner)}>
            {POINT_EARNERS.map((k) => (
              <option key={k} value={k}>
                {t(`earner.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {earner === "UNIT" ? (
          <TextField label={t("adjustmentForm.unit")} name="unit" maxLength={100} required errors={errors} />
        ) : (
          <Field label={t("adjustmentForm.person")} name="userId" errors={errors} required>
            <select name="userId" className={INPUT_CLASS} defaultValue="">
              <option value="">{t("adjustmentForm.choose")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.unit ? t("adjustmentForm.personUnit", { unit: p.unit }) : ""}
                </option>
              ))}
            </select>
          </Field>
        )}
        <TextField label={t("adjustmentForm.date")} name="date" type="date" max={today} defaultValue={today} required errors={errors} />
        <TextField label={t("adjustmentForm.points")} name="points" type="number" step={1} min={-100} max={100} required errors={errors} />
      </div>
      <TextField label={t("adjustmentForm.reason")} name="reason" maxLength={500} required errors={errors} hint={t("adjustmentForm.reasonHint")} />
      <FormFooter notice={notice} pending={pending} submitLabel={t("adjustmentForm.submit")} />
    </form>
  );
}
