"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { resetPasswordAction } from "@/lib/actions/users/reset-password";
import { updateUserAction } from "@/lib/actions/users/update-user";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";
import { TemporaryPassword } from "./temporary-password";
import { Button } from "@/components/ui/button";

/** Reset the password (temporary one shown once) and disable / re-enable the account. */
export function AccountControls({ user }: { user: { id: number; username: string; isActive: boolean; isSelf: boolean } }) {
  const router = useRouter();
  const t = useTranslations("admin.account");
  const { notice, pending, submit } = useActionForm();
  const [temp, setTemp] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"reset" | "disable" | null>(null);

  const reset = () =>
    submit(
      () => resetPasswordAction(user.id),
      (data) => {
        setConfirming(null);
        setTemp(data.temporaryPassword);
      },
    );
  const setActive = (isActive: boolean) =>
    submit(
      () => updateUserAction(user.id, { isActive }),
      () => {
        setConfirming(null);
        router.refresh();
        return isActive ? t("enabled") : t("disabledNotice");
      },
    );

  if (user.isSelf) return <p className="text-sm text-slate-500">{t("self")}</p>;
  return (
    <div className="space-y-3">
      {temp && <TemporaryPassword username={user.username} password={temp} onDone={() => setTemp(null)} />}
      <div className="flex flex-wrap gap-2">
        {confirming === "reset" ? (
          <span className="flex items-center gap-2 text-sm">
            {t("resetWarning")}
            <Button type="button" onClick={reset} variant="danger" pending={pending}>
              {t("confirmReset")}
            </Button>
            <Button type="button" onClick={() => setConfirming(null)} variant="secondary">
              {t("cancel")}
            </Button>
          </span>
        ) : confirming === "disable" ? (
          <span className="flex items-center gap-2 text-sm">
            {t("disableWarning")}
            <Button type="button" onClick={() => setActive(false)} variant="danger" pending={pending}>
              {t("confirmDisable")}
            </Button>
            <Button type="button" onClick={() => setConfirming(null)} variant="secondary">
              {t("cancel")}
            </Button>
          </span>
        ) : (
          <>
            <Button type="button" onClick={() => setConfirming("reset")} variant="secondary">
              {t("resetPassword")}
            </Button>
            {user.isActive ? (
              <Button type="button" onClick={() => setConfirming("disable")} variant="secondary" tone="danger">
                {t("disable")}
              </Button>
            ) : (
              <Button type="button" onClick={() => setActive(true)} variant="secondary" tone="success" pending={pending}>
                {t("reenable")}
              </Button>
            )}
          </>
        )}
      </div>
      {notice && <Alert tone={notice.kind}>{notice.text}</Alert>}
    </div>
  );
}
