"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="whitespace-nowrap rounded px-2 py-1 text-sm text-slate-200 hover:bg-white/10">
      {t("signOut")}
    </button>
  );
}
