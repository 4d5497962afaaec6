"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { acceptHandoffAction } from "@/lib/actions/first-contact/accept-handoff";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";

/** 接收: the responsible person takes over a problem from its 首问责任人. */
export function AcceptHandoffButton({ issueId }: { issueId: number }) {
  const t = useTranslations("firstContact.accept");
  const router = useRouter();
  const { notice, pending, submit } = useActionForm();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        type="button"
        size="sm"
        pending={pending}
        onClick={() =>
          submit(
            () => acceptHandoffAction({ issueId }),
            () => {
              router.refresh();
              return t("done");
            },
          )
        }
      >
        {t("button")}
      </Button>
      {notice && notice.kind === "error" && <Alert tone="error">{notice.text}</Alert>}
    </span>
  );
}
