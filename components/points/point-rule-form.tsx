"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { setPointRuleAction } from "@/lib/actions/points/set-point-rule";
import { POINT_EARNERS, POINT_EARNER_LABELS, POINT_KINDS, POINT_KIND_INFO, type PointEarner, type PointKind } from "@/lib/domain/points";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { FormFooter } from "@/components/ui/form-footer";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

/** A new version of one rule: the kind, who earns it, the points and the date it takes effect (not before this month). */
export function PointRuleForm({ target, earliest }: { target: { parkId?: number; regionId?: number }; earliest: string }) {
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
        return "已保存：自生效日期起按新分值计分，此前的积分不变";
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="调整积分规则" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field label="积分事项" name="kind" errors={errors} required>
          <select name="kind" className={INPUT_CLASS} defaultValue={POINT_KINDS[0]}>
            {POINT_KINDS.map((k) => (
              <option key={k} value={k}>
                {POINT_KIND_INFO[k].label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="得分对象" name="earner" errors={errors} required>
          <select name="earner" className={INPUT_CLASS} defaultValue="LIAISON">
            {POINT_EARNERS.map((k) => (
              <option key={k} value={k}>
                {POINT_EARNER_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <TextField label="分值（负数为扣分，0 为不计）" name="points" type="number" step={1} min={-100} max={100} required errors={errors} />
        <TextField label="生效日期" name="effectiveFrom" type="date" min={earliest} defaultValue={earliest} required errors={errors} hint={`不早于 ${earliest}`} />
        <TextField label="说明" name="note" maxLength={200} errors={errors} />
      </div>
      <FormFooter notice={notice} pending={pending} submitLabel="保存规则" />
    </form>
  );
}
