"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import type { SafeResult } from "@/lib/actions/result";
import { signInSchema } from "@/lib/validation/sign-in";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * next-auth's sign-in in a server action's result shape, for useActionForm: the page to go
 * to (the callback, unless next-auth names one on this origin), or why not.
 */
async function signInResult(credentials: { username: string; password: string }, callbackUrl: string, t: (key: "wrongCredentials" | "network") => string): Promise<SafeResult<string>> {
  try {
    const res = await signIn("credentials", { ...credentials, redirect: false, callbackUrl });
    if (!res || res.error) return { serverError: { code: "UNAUTHENTICATED", message: res?.error && res.error !== "CredentialsSignin" ? res.error : t("wrongCredentials") } };
    return { data: res.url && new URL(res.url).origin === window.location.origin ? res.url : callbackUrl };
  } catch {
    return { serverError: { code: "NETWORK", message: t("network") } };
  }
}

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  const { notice, pending, submit, fail, clear } = useActionForm();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = signInSchema.safeParse({ username: form.get("username"), password: form.get("password") });
    if (!parsed.success) {
      // An empty field by name; anything else in the schema's own words (Chinese), or the field's rule in English.
      const field = parsed.error.issues[0]?.path[0] === "password" ? "password" : "username";
      if (!String(form.get(field) ?? "").trim()) return fail(t(field === "password" ? "passwordRequired" : "usernameRequired"));
      return fail(locale === "zh-CN" ? (parsed.error.issues[0]?.message ?? t("required")) : t(field === "password" ? "passwordInvalid" : "usernameInvalid"));
    }
    clear();
    submit(
      () => signInResult(parsed.data, callbackUrl, t),
      (url) => window.location.assign(url),
    );
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("username")}</span>
        <input name="username" autoComplete="username" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </label>
      {notice && (
        <Alert as="p" tone={notice.kind} testId="form-error">
          {notice.text}
        </Alert>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
