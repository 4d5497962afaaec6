"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/actions/users/create-user";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RoleScopeFields, type ScopeOptions, membershipFromForm } from "./role-scope-fields";
import { TemporaryPassword } from "./temporary-password";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

export function CreateUserForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations("admin.form");
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit } = useActionForm();
  useFocusFirstInvalid(formRef, errors);
  const [created, setCreated] = useState<{ id: number; username: string; temporaryPassword: string } | null>(null);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "");
    submit(
      () =>
        createUserAction({
          username: text("username"),
          name: text("name"),
          unit: text("unit"),
          title: text("title"),
          phone: text("phone"),
          memberships: [membershipFromForm(f)],
        }),
      (data) => {
        setCreated(data);
        formRef.current?.reset();
      },
    );
  }

  if (created) {
    return (
      <div className="space-y-3">
        <TemporaryPassword username={created.username} password={created.temporaryPassword} />
        <p className="text-sm">
          <Link href={`/admin/users/${created.id}`} className="text-brand-700 hover:underline">
            {t("viewUser")}
          </Link>
          <Button type="button" onClick={() => setCreated(null)} variant="link" className="ml-4">
            {t("createAnother")}
          </Button>
        </p>
      </div>
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("createAria")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label={t("username")} name="username" autoComplete="off" maxLength={32} errors={errors} hint={t("usernameHint")} />
        <TextField label={t("name")} name="name" maxLength={50} errors={errors} />
        <TextField label={t("phone")} name="phone" maxLength={30} errors={errors} />
        <TextField label={t("unit")} name="unit" maxLength={100} errors={errors} />
        <TextField label={t("title")} name="title" maxLength={50} errors={errors} />
      </div>
      <RoleScopeFields options={options} errors={errors} prefix="memberships.0." />
      {errors.memberships && <p className="text-xs text-red-600">{errors.memberships.join("；")}</p>}
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
        <span className="text-xs text-slate-500">{t("createHint")}</span>
      </div>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
