"use client";

import { useTranslations } from "next-intl";
import { createRegionAction } from "@/lib/actions/org/create-region";
import { updateRegionAction } from "@/lib/actions/org/update-region";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { formText, useSaveForm } from "@/components/ui/use-save-form";
import { Button } from "@/components/ui/button";

/** Creates a region, or edits one (name, code) when `region` is given. */
export function RegionForm({ region }: { region?: { id: number; name: string; code: string } }) {
  const t = useTranslations("admin.regionForm");
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => {
      const input = { name: formText(f, "name"), code: formText(f, "code") };
      return region ? updateRegionAction(region.id, input) : createRegionAction(input);
    },
    (_, f, form) => {
      if (region) return t("saved");
      form.reset();
      return t("created", { name: formText(f, "name") });
    },
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={region ? t("editAria") : t("createAria")} className="flex flex-wrap items-start gap-3">
      <TextField label={t("name")} name="name" defaultValue={region?.name} maxLength={50} errors={errors} className="w-48" />
      <TextField label={t("code")} name="code" defaultValue={region?.code} maxLength={30} errors={errors} className="w-40" hint={t("codeHint")} />
      <Button type="submit" className="mt-6" pending={pending}>
        {region ? t("save") : t("create")}
      </Button>
      {notice && <Alert tone={notice.kind} className="w-full">{notice.text}</Alert>}
    </form>
  );
}
