"use client";

import { type ParkSettings, parkSettingsWithRulesSchema } from "@/lib/validation/park-settings";
import type { WarningRulesForm } from "@/lib/validation/warning-rules";
import { DEFAULT_WARNING_RULES } from "@/lib/domain/warnings";
import { fieldErrors } from "@/lib/validation/field-errors";
import { updateParkSettingsAction } from "@/lib/actions/parks/update-park-settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

const FIELDS: [keyof ParkSettings, string, string][] = [
  ["staleDaysSigned", "签约后未落地，超过（天）", "默认 90 天"],
  ["staleDaysLanded", "落地后未开工，超过（天）", "默认 180 天"],
  ["staleDaysStarted", "开工后未投产，超过（天）", "默认 365 天"],
  ["visitIntervalDays", "包保走访间隔（天）", "默认 30 天"],
];

const D = DEFAULT_WARNING_RULES;
const RULE_NUMBERS: [keyof WarningRulesForm, string, string, number, number][] = [
  ["startRedMonthsLate", "开工：超过计划开工日期几个月仍未开工亮红灯", `默认 ${D.start.redMonthsLate} 个月；计划开工在本月或已过期亮黄灯`, 1, 24],
  ["progressYellowPoints", "投资进度：落后序时进度多少个百分点起亮黄灯", `默认 ${D.progress.yellowPoints} 个百分点`, 1, 100],
  ["progressRedPoints", "投资进度：落后序时进度超过多少个百分点亮红灯", `默认 ${D.progress.redPoints} 个百分点`, 1, 100],
];
const RULE_SWITCHES: [keyof WarningRulesForm, string][] = [
  ["startEnabled", "启用开工亮灯"],
  ["progressEnabled", "启用投资进度亮灯"],
  ["filingEnabled", "启用月报亮灯（上月月报未报亮黄灯，过月末后第 5 个工作日仍未报亮红灯）"],
];

export function ParkSettingsForm({ parkId, initial }: { parkId: number; initial: ParkSettings & { rules: WarningRulesForm } }) {
  const { errors, notice, pending, submit, fail } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const values: Record<string, unknown> = Object.fromEntries(new FormData(form).entries());
    // Unchecked boxes are absent from FormData: send them as false.
    for (const [name] of RULE_SWITCHES) values[name] = (form.elements.namedItem(name) as HTMLInputElement).checked;
    const parsed = parkSettingsWithRulesSchema.safeParse(values);
    if (!parsed.success) return fail("请检查标红的字段", fieldErrors(parsed.error));
    submit(() => updateParkSettingsAction(parkId, parsed.data), () => "已保存");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">看板滞留与走访</legend>
        {FIELDS.map(([name, label, hint]) => (
          <Field key={name} label={label} name={name} errors={errors} hint={hint}>
            <input id={name} name={name} type="number" min={1} defaultValue={initial[name]} className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5" />
          </Field>
        ))}
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-200 pt-4" data-testid="warning-rules">
        <legend className="mb-2 pt-4 font-semibold">亮灯规则</legend>
        {RULE_SWITCHES.map(([name, label]) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={initial.rules[name] as boolean} />
            <span className="text-slate-700">{label}</span>
          </label>
        ))}
        {RULE_NUMBERS.map(([name, label, hint, min, max]) => (
          <Field key={name} label={label} name={name} errors={errors} hint={hint} labelClassName="block">
            <input id={name} name={name} type="number" min={min} max={max} defaultValue={initial.rules[name] as number} className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5" />
          </Field>
        ))}
      </fieldset>
      {notice && (
        <Alert as="p" tone={notice.kind}>
          {notice.text}
        </Alert>
      )}
      <Button type="submit" pending={pending}>
        {pending ? "保存中…" : "保存"}
      </Button>
    </form>
  );
}
