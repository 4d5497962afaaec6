"use client";

import { useTranslations } from "next-intl";
import { createParkAction } from "@/lib/actions/org/create-park";
import { updateParkAction } from "@/lib/actions/org/update-park";
import { PARK_LEVEL_LABELS, PARK_TYPE_LABELS, type ParkLevel, type ParkType } from "@/lib/domain/labels";
import { Alert } from "@/components/ui/alert";
import { INPUT_CLASS, TextField } from "@/components/ui/text-field";
import { formText, useSaveForm } from "@/components/ui/use-save-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

interface ParkValues {
  id: number;
  name: string;
  code: string;
  level: keyof typeof PARK_LEVEL_LABELS;
  type: keyof typeof PARK_TYPE_LABELS;
  regionId: number;
}

/** Creates a park, or edits one when `park` is given. */
export function ParkForm({ park, regions }: { park?: ParkValues; regions: { id: number; name: string }[] }) {
  const t = useTranslations("admin.parkForm");
  const tc = useTranslations("common.enum");
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => {
      const input = {
        name: formText(f, "name"),
        code: formText(f, "code"),
        level: f.get("level") || undefined,
        type: f.get("type") || undefined,
        regionId: f.get("regionId") || undefined,
      };
      return park ? updateParkAction(park.id, input) : createParkAction(input);
    },
    (_, f, form) => {
      if (park) return t("saved");
      form.reset();
      return t("created", { name: formText(f, "name") });
    },
  );
  const select = (name: string, label: string, options: [string | number, string][], value?: string | number) => (
    <Field label={label} name={name} errors={errors}>
      <select name={name} defaultValue={value ?? ""} className={INPUT_CLASS}>
        <option value="">{t("choose")}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={park ? t("editAria") : t("createAria")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label={t("name")} name="name" defaultValue={park?.name} maxLength={50} errors={errors} />
        <TextField label={t("code")} name="code" defaultValue={park?.code} maxLength={30} errors={errors} hint={t("codeHint")} />
        {select("level", t("level"), (Object.keys(PARK_LEVEL_LABELS) as ParkLevel[]).map((k) => [k, tc(`parkLevel.${k}`)]), park?.level)}
        {select("type", t("type"), (Object.keys(PARK_TYPE_LABELS) as ParkType[]).map((k) => [k, tc(`parkType.${k}`)]), park?.type)}
        {select("regionId", t("region"), regions.map((r) => [r.id, r.name]), park?.regionId)}
      </div>
      <Button type="submit" pending={pending}>
        {park ? t("save") : t("create")}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
