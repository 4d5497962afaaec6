"use client";

import { useEffect } from "react";

/**
 * Moves the focus to the first control of `form` marked aria-invalid (in document order),
 * so after a failed submit the keyboard and screen-reader user lands on the field to fix.
 * Returns whether a control was focused.
 */
export function focusFirstInvalid(form: HTMLElement | null | undefined): boolean {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])');
  if (!target) return false;
  target.focus();
  return true;
}

/**
 * Calls focusFirstInvalid when a new, non-empty set of field errors arrives. Only reads
 * `errors`; the form's state stays the caller's.
 */
export function useFocusFirstInvalid(formRef: React.RefObject<HTMLElement | null>, errors: Record<string, string[]>) {
  useEffect(() => {
    if (Object.keys(errors).length > 0) focusFirstInvalid(formRef.current);
  }, [errors, formRef]);
}
