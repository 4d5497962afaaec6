"use client";

import { createParkAction } from "@/lib/actions/org/create-park";
import { updateParkAction } from "@/lib/actions/org/update-park";
import { PARK_LEVEL_LABELS, PARK_TYPE_LABELS } from "@/lib/domain/labels";
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
      if (park) return "已保存";
      form.reset();
      return `已新增园区「${formText(f, "name")}」`;
    },
  );
  const select = (name: string, label: string, options: [string | number, string][], value?: string | number) => (
    <Field label={label} name={name} errors={errors}>
      <select name={name} defaultValue={value ?? ""} className={INPUT_CLASS}>
        <option value="">请选择</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={park ? "编辑园区" : "新增园区"} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <TextField label="园区名称" name="name" defaultValue={park?.name} maxLength={50} errors={errors} />
        <TextField label="园区代码" name="code" defaultValue={park?.code} maxLength={30} errors={errors} hint="项目编号的前缀，如 HHGX" />
        {select("level", "级别", Object.entries(PARK_LEVEL_LABELS), park?.level)}
        {select("type", "类型", Object.entries(PARK_TYPE_LABELS), park?.type)}
        {select("regionId", "所属市州", regions.map((r) => [r.id, r.name]), park?.regionId)}
      </div>
      <Button type="submit" pending={pending}>
        {park ? "保存" : "新增园区"}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
