"use client";

import { useTranslations } from "next-intl";
import { addMembershipByUsernameAction } from "@/lib/actions/users/add-membership";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { formText, useSaveForm } from "@/components/ui/use-save-form";
import { RoleScopeFields, type ScopeOptions, membershipFromForm } from "./role-scope-fields";
import { Button } from "@/components/ui/button";

/** A park leader gives a role in their park to someone who already has an account. */
export function AddColleagueForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations("admin.colleague");
  const { formRef, errors, notice, pending, onSubmit } = useSaveForm(
    (f) => addMembershipByUsernameAction(formText(f, "username"), membershipFromForm(f)),
    (_, f) => t("added", { username: formText(f, "username") }),
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={t("aria")} className="flex flex-wrap items-end gap-3">
      <TextField label={t("username")} name="username" autoComplete="off" errors={errors} className="w-48" />
      <RoleScopeFields options={options} errors={errors} />
      <Button type="submit" pending={pending}>
        {t("add")}
      </Button>
      {notice && <Alert tone={notice.kind} className="w-full">{notice.text}</Alert>}
    </form>
  );
}
