"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { createPointAdjustmentAction } from "@/lib/actions/points/create-point-adjustment";
import { POINT_EARNERS, POINT_EARNER_LABELS, type PointEarner } from "@/lib/domain/points";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { FormFooter } from "@/components/ui/form-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

/** 人工加分/减分: a person of the park or a 责任单位, the date, the points and the reason. */
export function PointAdjustmentForm({ parkId, people, today }: { parkId: number; people: { id: number; name: string; unit: string | null }[]; today: string }) {
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
        return "已记录，计入当期积分并标明为人工加减分";
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="人工加减分" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="得分对象" name="earner" errors={errors} required>
          <select name="earner" className={INPUT_CLASS} value={earner} onChange={(e) => setEarner(e.target.value as PointEarner)}>
            {POINT_EARNERS.map((k) => (
              <option key={k} value={k}>
                {POINT_EARNER_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        {earner === "UNIT" ? (
          <TextField label="责任单位" name="unit" maxLength={100} required errors={errors} />
        ) : (
          <Field label="人员" name="userId" errors={errors} required>
            <select name="userId" className={INPUT_CLASS} defaultValue="">
              <option value="">请选择</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.unit ? `（${p.unit}）` : ""}
                </option>
              ))}
            </select>
          </Field>
        )}
        <TextField label="日期" name="date" type="date" max={today} defaultValue={today} required errors={errors} />
        <TextField label="分值（减分填负数）" name="points" type="number" step={1} min={-100} max={100} required errors={errors} />
      </div>
      <TextField label="理由" name="reason" maxLength={500} required errors={errors} hint="写明台账记录中没有的事实，如获企业书面表扬、被上级通报批评" />
      <FormFooter notice={notice} pending={pending} submitLabel="记录加减分" />
    </form>
  );
}
