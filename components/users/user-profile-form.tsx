"use client";

import { updateUserAction } from "@/lib/actions/users/update-user";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { formText, useSaveForm } from "@/components/ui/use-save-form";
import { Button } from "@/components/ui/button";

interface Profile {
  id: number;
  name: string;
  unit: string | null;
  title: string | null;
  phone: string | null;
}

export function UserProfileForm({ user }: { user: Profile }) {
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => updateUserAction(user.id, { name: formText(f, "name"), unit: formText(f, "unit"), title: formText(f, "title"), phone: formText(f, "phone") }),
    (data) => (data.changed.length ? "已保存" : "没有修改"),
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="基本信息" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="姓名" name="name" defaultValue={user.name} maxLength={50} errors={errors} />
        <TextField label="电话" name="phone" defaultValue={user.phone ?? ""} maxLength={30} errors={errors} />
        <TextField label="单位/部门" name="unit" defaultValue={user.unit ?? ""} maxLength={100} errors={errors} />
        <TextField label="职务" name="title" defaultValue={user.title ?? ""} maxLength={50} errors={errors} />
      </div>
      <Button type="submit" pending={pending}>
        {pending ? "保存中…" : "保存"}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
