"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { signInSchema } from "@/lib/validation/sign-in";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = signInSchema.safeParse({ username: form.get("username"), password: form.get("password") });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "请填写用户名和密码");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl });
      if (!res || res.error) {
        setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "用户名或密码错误");
        return;
      }
      window.location.assign(res.url && new URL(res.url).origin === window.location.origin ? res.url : callbackUrl);
    } catch {
      setError("无法连接服务器，请稍后再试");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">用户名</span>
        <input name="username" autoComplete="username" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">密码</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </label>
      {error && (
        <Alert as="p" tone="error" testId="form-error">
          {error}
        </Alert>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? "正在登录…" : "登录"}
      </Button>
    </form>
  );
}
