"use client";

import { useState, useTransition } from "react";
import { type SafeResult, outcome } from "@/lib/actions/result";

export type FormNotice = { kind: "success" | "error"; text: string } | null;

/**
 * The state every form around a server action keeps: per-field errors, one notice
 * (green on success, red on failure) and pending. `submit` runs the action and, on
 * success, calls `onOk`, whose returned string becomes the success notice.
 */
export function useActionForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<FormNotice>(null);
  const [pending, start] = useTransition();

  function submit<T>(run: () => Promise<SafeResult<T>>, onOk?: (data: T) => string | void) {
    start(async () => {
      const result = outcome(await run());
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setNotice({ kind: "error", text: result.message });
        return;
      }
      setErrors({});
      const text = onOk?.(result.data);
      setNotice(text ? { kind: "success", text } : null);
    });
  }

  return { errors, notice, pending, submit, setNotice, setErrors };
}
