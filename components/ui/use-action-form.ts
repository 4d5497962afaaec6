"use client";

import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { type SafeResult, outcome } from "@/lib/actions/result";

export type FormNotice = { kind: "success" | "error"; text: string } | null;

/** A failed action as `submit`'s `onError` gets it (field errors already as the form names them). */
export interface ActionFailure {
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}

export interface SubmitOptions {
  /**
   * The server's field errors under the names the form's fields use (e.g. the action's
   * `problems.0.title` as the form's `p3.title`); the result becomes `errors`.
   */
  mapFieldErrors?: (fieldErrors: Record<string, string[]>) => Record<string, string[]>;
  /** Called after a failure, once `errors` and the red notice are set (e.g. to leave a confirmation step). */
  onError?: (failure: ActionFailure) => void;
}

/**
 * The state every form around a server action keeps: per-field errors, one notice
 * (green on success, red on failure) and pending. `submit` runs the action and, on
 * success, calls `onOk`, whose returned string becomes the success notice (nothing
 * returned: no notice). `fail` shows a refusal found before any action runs (the
 * browser's own check), `clear` forgets errors and notice (a form opened afresh).
 */
export function useActionForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [notice, setNotice] = useState<FormNotice>(null);
  const [pending, start] = useTransition();
  const t = useTranslations("ui");
  const texts = { checkFields: t("checkFields"), noResponse: t("noResponse") };

  function submit<T>(run: () => Promise<SafeResult<T>>, onOk?: (data: T) => string | void, options: SubmitOptions = {}) {
    start(async () => {
      const result = outcome(await run(), texts);
      if (!result.ok) {
        const fieldErrors = options.mapFieldErrors ? options.mapFieldErrors(result.fieldErrors ?? {}) : (result.fieldErrors ?? {});
        setErrors(fieldErrors);
        setNotice({ kind: "error", text: result.message });
        options.onError?.({ code: result.code, message: result.message, fieldErrors });
        return;
      }
      setErrors({});
      const text = onOk?.(result.data);
      setNotice(text ? { kind: "success", text } : null);
    });
  }

  /** A refusal without a round trip: the red notice and, optionally, the fields it concerns. */
  function fail(text: string, fieldErrors: Record<string, string[]> = {}) {
    setErrors(fieldErrors);
    setNotice({ kind: "error", text });
  }

  function clear() {
    setErrors({});
    setNotice(null);
  }

  return { errors, notice, pending, submit, setNotice, setErrors, fail, clear };
}
