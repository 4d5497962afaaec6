"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** A temporary password, shown once, with copy; the person must replace it at first sign-in. */
export function TemporaryPassword({ username, password, onDone }: { username: string; password: string; onDone?: () => void }) {
  const t = useTranslations("admin.tempPassword");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" data-testid="temporary-password" className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900">
      <p className="font-semibold">{t("heading", { username })}</p>
      <p className="mt-2">
        <code data-testid="temporary-password-value" className="select-all rounded bg-white px-2 py-1 font-mono text-base text-slate-900">
          {password}
        </code>
        <Button type="button" onClick={copy} tone="success" className="ml-3">
          {copied ? t("copied") : t("copy")}
        </Button>
      </p>
      <p className="mt-2 text-emerald-800">{t("onceOnly")}</p>
      {onDone && (
        <Button type="button" onClick={onDone} variant="secondary" className="mt-3">
          {t("done")}
        </Button>
      )}
    </div>
  );
}
