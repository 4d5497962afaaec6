"use client";

import { useRef } from "react";
import { useRouter } from "next/navigation";
import type { SafeResult } from "@/lib/actions/result";
import { useFocusFirstInvalid } from "./focus-first-invalid";
import { useActionForm } from "./use-action-form";

/** A form field's text; "" when the form has no such field. */
export const formText = (data: FormData, name: string) => String(data.get(name) ?? "");

/**
 * useActionForm for a <form> that saves what is typed in it through one server action and then
 * refreshes the page's server data. Give the form `formRef` (after a refusal the focus moves to
 * the first invalid field) and `onSubmit`, which reads the form, runs `save(data)` and, on
 * success, calls `done` (the form element passed to reset it) and refreshes the page; the
 * string `done` returns is the green notice.
 */
export function useSaveForm<T>(save: (data: FormData) => Promise<SafeResult<T>>, done: (result: T, data: FormData, form: HTMLFormElement) => string | void) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useActionForm();
  useFocusFirstInvalid(formRef, form.errors);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const element = e.currentTarget;
    const data = new FormData(element);
    form.submit(
      () => save(data),
      (result) => {
        const text = done(result, data, element);
        router.refresh();
        return text;
      },
    );
  }

  return { ...form, formRef, onSubmit };
}
