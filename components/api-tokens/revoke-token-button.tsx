"use client";

import { useTranslations } from "next-intl";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens/revoke-api-token";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";

/** 吊销, after a confirmation; the token stops working at its next request. */
export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const t = useTranslations("admin.tokens.revoke");
  return (
    <ConfirmActionButton
      label={t("label")}
      pendingLabel={t("pending")}
      aria-label={t("aria", { name })}
      confirm={t("confirm", { name })}
      action={() => revokeApiTokenAction(id)}
    />
  );
}
