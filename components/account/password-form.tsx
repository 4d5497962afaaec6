"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/lib/actions/users/change-own-password";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy-rules";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

export function PasswordForm({ mustChange }: { mustChange: boolean }) {
  const t = useTranslations("account.form");
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit, fail } = useActionForm();
  useFocusFirstInvalid(formRef, errors);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const newPassword = String(f.get("newPassword") ?? "");
    if (newPassword !== String(f.get("confirmPassword") ?? "")) return fail(t("mismatch"), { confirmPassword: [t("mismatch")] });
    submit(
      () => changeOwnPasswordAction({ currentPassword: String(f.get("currentPassword") ?? ""), newPassword }),
      () => {
        formRef.current?.reset();
        if (mustChange) router.replace("/");
        else router.refresh();
        return t("changed");
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("label")} className="max-w-md space-y-3">
      <TextField label={mustChange ? t("temporary") : t("current")} name="currentPassword" type="password" autoComplete="current-password" errors={errors} />
      <TextField
        label={t("new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        errors={errors}
        hint={t("hint", { min: PASSWORD_MIN_LENGTH })}
      />
      <TextField label={t("confirm")} name="confirmPassword" type="password" autoComplete="new-password" errors={errors} />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? t("saving") : t("submit")}
        </Button>
      </div>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
