"use client";

import type { SafeResult } from "@/lib/actions/result";
import { Button } from "./button";
import { useActionForm } from "./use-action-form";

/**
 * A table row's destructive button (删除, 吊销): asks `confirm` first, then runs `action`; a
 * refusal is shown beside the button in small print (an Alert box would not fit in the row).
 * The action revalidates the page itself.
 */
export function ConfirmActionButton({
  label,
  pendingLabel,
  confirm,
  action,
  "aria-label": ariaLabel,
}: {
  label: string;
  pendingLabel: string;
  confirm: string;
  action: () => Promise<SafeResult<unknown>>;
  "aria-label": string;
}) {
  const { notice, pending, submit } = useActionForm();

  function click() {
    if (!window.confirm(confirm)) return;
    submit(action);
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" onClick={click} aria-label={ariaLabel} variant="ghost" tone="danger" pending={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {notice && (
        <span role="alert" className="text-xs text-red-700">
          {notice.text}
        </span>
      )}
    </span>
  );
}
