"use client";

import { useTranslations } from "next-intl";
import { type ParkSettings, parkSettingsWithRulesSchema } from "@/lib/validation/park-settings";
import type { WarningRulesForm } from "@/lib/validation/warning-rules";
import { DEFAULT_WARNING_RULES } from "@/lib/domain/warnings";
import { fieldErrors } from "@/lib/validation/field-errors";
import { updateParkSettingsAction } from "@/lib/actions/parks/update-park-settings";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

// Each field with its default (the hint).
const FIELDS: [keyof ParkSettings, number][] = [
  ["staleDaysSigned", 90],
  ["staleDaysLanded", 180],
  ["staleDaysStarted", 365],
  ["visitIntervalDays", 30],
];

const D = DEFAULT_WARNING_RULES;
// Each rule number with its default (for the hint) and bounds.
const RULE_NUMBERS = [
  ["startRedMonthsLate", D.start.redMonthsLate, 1, 24],
  ["progressYellowPoints", D.progress.yellowPoints, 1, 100],
  ["progressRedPoints", D.progress.redPoints, 1, 100],
] as const satisfies readonly (readonly [keyof WarningRulesForm, number, number, number])[];
const RULE_SWITCHES = ["startEnabled", "progressEnabled", "filingEnabled"] as const satisfies readonly (keyof WarningRulesForm)[];

export function ParkSettingsForm({ parkId, initial }: { parkId: number; initial: ParkSettings & { rules: WarningRulesForm } }) {
  const t = useTranslations("parks.settings");
  const tu = useTranslations("ui");
  const { errors, notice, pending, submit, fail } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const values: Record<string, unknown> = Object.fromEntries(new FormData(form).entries());
    // Unchecked boxes are absent from FormData: send them as false.
    for (const name of RULE_SWITCHES) values[name] = (form.elements.namedItem(name) as HTMLInputElement).checked;
    const parsed = parkSettingsWithRulesSchema.safeParse(values);
    if (!parsed.success) return fail(t("checkFields"), fieldErrors(parsed.error));
    submit(() => updateParkSettingsAction(parkId, parsed.data), () => t("saved"));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">{t("staleAndVisits")}</legend>
        {FIELDS.map(([name, days]) => (
          <Field key={name} label={t(`field.${name}`)} name={name} errors={errors} hint={t("defaultDays", { days })}>
            <input id={name} name={name} type="number" min={1} defaultValue={initial[name]} className="mt-1 w-40 rounded border border-slate-300 px-2 py-1.5" />
          </Field>
        ))}
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-200 pt-4" data-testid="warning-rules">
        <legend className="mb-2 pt-4 font-semibold">{t("rules")}</legend>
        {RULE_SWITCHES.map((name) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} defaultChecked={initial.rules[name] as boolean} />
            <span className="text-slate-700">{t(`rule.${name}`)}</span>
          </label>
        ))}
        {RULE_NUMBERS.map(([name, dflt, min, max]) => (
          <Field key={name} label={t(`rule.${name}`)} name={name} errors={errors} hint={name === "startRedMonthsLate" ? t("rule.startHint", { months: dflt }) : t("rule.pointsHint", { points: dflt })} labelClassName="block">
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
        {pending ? tu("saving") : t("save")}
      </Button>
    </form>
  );
}
