"use client";

import { revokeApiTokenAction } from "@/lib/actions/api-tokens/revoke-api-token";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** 吊销, after a confirmation; the token stops working at its next request. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  return (
    <ConfirmActionButton
      label="吊销"
      pendingLabel="吊销中…"
      aria-label={`吊销 ${name}`}
      confirm={`确定吊销令牌「${name}」吗？吊销后使用该令牌的程序将立即无法访问，且不能恢复。`}
      action={() => revokeApiTokenAction(id)}
    />
  );
}
