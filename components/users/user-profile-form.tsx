"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("admin.form");
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => updateUserAction(user.id, { name: formText(f, "name"), unit: formText(f, "unit"), title: formText(f, "title"), phone: formText(f, "phone") }),
    (data) => (data.changed.length ? t("saved") : t("unchanged")),
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("profileAria")} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("name")} name="name" defaultValue={user.name} maxLength={50} errors={errors} />
        <TextField label={t("phone")} name="phone" defaultValue={user.phone ?? ""} maxLength={30} errors={errors} />
        <TextField label={t("unit")} name="unit" defaultValue={user.unit ?? ""} maxLength={100} errors={errors} />
        <TextField label={t("title")} name="title" defaultValue={user.title ?? ""} maxLength={50} errors={errors} />
      </div>
      <Button type="submit" pending={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
