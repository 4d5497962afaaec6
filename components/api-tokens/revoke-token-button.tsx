"use client";

import { useState, useTransition } from "react";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens/revoke-api-token";
import { outcome } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

/** 吊销, after a confirmation; the token stops working at its next request. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function click() {
    if (!window.confirm(`确定吊销令牌「${name}」吗？吊销后使用该令牌的程序将立即无法访问，且不能恢复。`)) return;
    start(async () => {
      const result = outcome(await revokeApiTokenAction(id));
      setError(result.ok ? null : result.message);
    });
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" onClick={click} aria-label={`吊销 ${name}`} variant="ghost" tone="danger" pending={pending}>
        {pending ? "吊销中…" : "吊销"}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
