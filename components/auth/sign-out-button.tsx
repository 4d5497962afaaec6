"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="whitespace-nowrap rounded px-2 py-1 text-sm text-slate-200 hover:bg-white/10">
      退出
    </button>
  );
}
