"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** The file name of a Content-Disposition header (RFC 6266: filename* in UTF-8 first). */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

async function failureText(res: Response, fallback: (status: number) => string): Promise<string> {
  try {
    const body = (await res.clone().json()) as { message?: unknown; error?: { message?: unknown } };
    const message = body.message ?? body.error?.message;
    if (typeof message === "string" && message) return message;
  } catch {
    // not JSON
  }
  const text = (await res.text()).trim();
  return text && text.length < 200 ? text : fallback(res.status);
}

/**
 * A link to a generated file (an Excel export): still an ordinary <a href download>, but a
 * click fetches the file itself so the button can say 正在生成… while the server builds it
 * (a big ledger takes seconds) and show a refusal beside it instead of an error page.
 */
export function DownloadLink({
  href,
  children,
  className,
  pendingLabel,
  testId,
}: {
  href: string;
  children: React.ReactNode;
  className?: string;
  pendingLabel?: string;
  testId?: string;
}) {
  const t = useTranslations("ui.download");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick(e: React.MouseEvent<HTMLAnchorElement>) {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const res = await fetch(href, { credentials: "same-origin" });
      if (!res.ok) {
        setError(await failureText(res, (status) => t("failedStatus", { status })));
        return;
      }
      const blob = await res.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = dispositionFileName(res.headers.get("Content-Disposition")) ?? "";
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setError(t("failedNetwork"));
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="no-print inline-flex flex-wrap items-center gap-2">
      <a href={href} download onClick={onClick} aria-disabled={pending || undefined} aria-busy={pending || undefined} className={`${className ?? ""} ${pending ? "cursor-progress opacity-70" : ""}`} data-testid={testId}>
        {pending ? (pendingLabel ?? t("generating")) : children}
      </a>
      {pending && (
        <span role="status" className="sr-only">
          {pendingLabel ?? t("generating")}
        </span>
      )}
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
