"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { addMembershipByUsernameAction } from "@/lib/actions/users/add-membership";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { RoleScopeFields, type ScopeOptions, membershipFromForm } from "./role-scope-fields";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

/** A park leader gives a role in their park to someone who already has an account. */
export function AddColleagueForm({ options }: { options: ScopeOptions }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit } = useActionForm();
  useFocusFirstInvalid(formRef, errors);
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const username = String(f.get("username") ?? "");
    submit(
      () => addMembershipByUsernameAction(username, membershipFromForm(f)),
      () => {
        router.refresh();
        return `已为「${username}」添加角色`;
      },
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="加入已有账号" className="flex flex-wrap items-end gap-3">
      <TextField label="对方的用户名" name="username" autoComplete="off" errors={errors} className="w-48" />
      <RoleScopeFields options={options} errors={errors} />
      <Button type="submit" pending={pending}>
        添加
      </Button>
      {notice && <Alert tone={notice.kind} className="w-full">{notice.text}</Alert>}
    </form>
  );
}
