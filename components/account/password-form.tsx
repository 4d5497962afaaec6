"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import { changeOwnPasswordAction } from "@/lib/actions/users/change-own-password";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/password-policy-rules";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { Button } from "@/components/ui/button";
import { useFocusFirstInvalid } from "@/components/ui/focus-first-invalid";

export function PasswordForm({ mustChange }: { mustChange: boolean }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const { errors, notice, pending, submit, fail } = useActionForm();
  useFocusFirstInvalid(formRef, errors);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const newPassword = String(f.get("newPassword") ?? "");
    if (newPassword !== String(f.get("confirmPassword") ?? "")) return fail("两次输入的新密码不一致", { confirmPassword: ["两次输入的新密码不一致"] });
    submit(
      () => changeOwnPasswordAction({ currentPassword: String(f.get("currentPassword") ?? ""), newPassword }),
      () => {
        formRef.current?.reset();
        if (mustChange) router.replace("/");
        else router.refresh();
        return "密码已修改。其他设备上的登录已退出。";
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="修改密码" className="max-w-md space-y-3">
      <TextField label={mustChange ? "临时密码" : "当前密码"} name="currentPassword" type="password" autoComplete="current-password" errors={errors} />
      <TextField
        label="新密码"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        errors={errors}
        hint={`至少 ${PASSWORD_MIN_LENGTH} 个字符，不能包含用户名，不能是演示密码或常见密码`}
      />
      <TextField label="再次输入新密码" name="confirmPassword" type="password" autoComplete="new-password" errors={errors} />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          {pending ? "保存中…" : "修改密码"}
        </Button>
      </div>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </form>
  );
}
