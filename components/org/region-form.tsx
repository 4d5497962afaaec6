"use client";

import { createRegionAction } from "@/lib/actions/org/create-region";
import { updateRegionAction } from "@/lib/actions/org/update-region";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { formText, useSaveForm } from "@/components/ui/use-save-form";
import { Button } from "@/components/ui/button";

/** Creates a region, or edits one (name, code) when `region` is given. */
export function RegionForm({ region }: { region?: { id: number; name: string; code: string } }) {
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => {
      const input = { name: formText(f, "name"), code: formText(f, "code") };
      return region ? updateRegionAction(region.id, input) : createRegionAction(input);
    },
    (_, f, form) => {
      if (region) return "已保存";
      form.reset();
      return `已新增市州「${formText(f, "name")}」`;
    },
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={region ? "编辑市州" : "新增市州"} className="flex flex-wrap items-start gap-3">
      <TextField label="市州名称" name="name" defaultValue={region?.name} maxLength={50} errors={errors} className="w-48" />
      <TextField label="市州代码" name="code" defaultValue={region?.code} maxLength={30} errors={errors} className="w-40" hint="如 HH，用于编号和接口" />
      <Button type="submit" className="mt-6" pending={pending}>
        {region ? "保存" : "新增市州"}
      </Button>
      {notice && <Alert tone={notice.kind} className="w-full">{notice.text}</Alert>}
    </form>
  );
}
