"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { updateUserAction } from "@/lib/actions/users/update-user";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

interface Profile {
  id: number;
  name: string;
  unit: string | null;
  title: string | null;
  phone: string | null;
}

export function UserProfileForm({ user }: { user: Profile }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit } = useActionForm();
  useFocusFirstInvalid(formRef, errors);
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "");
    submit(
      () => updateUserAction(user.id, { name: text("name"), unit: text("unit"), title: text("title"), phone: text("phone") }),
      (data) => {
        router.refresh();
        return data.changed.length ? "已保存" : "没有修改";
      },
    );
  }
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
