"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { CarryMode } from "@/lib/domain/year-plans";
import { carryOverPlansAction } from "@/lib/actions/plans/carry-over-plans";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * 确认结转: sends back the projects the preview listed, so the carry-over writes exactly what
 * was shown (if plans or progress changed meanwhile it is refused and the preview reloads).
 */
export function CarryOverConfirm({ parkId, year, mode, projectIds }: { parkId: number; year: number; mode: CarryMode; projectIds: number[] }) {
  const t = useTranslations("plans.carry");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { notice, pending, submit } = useActionForm();
  const none = projectIds.length === 0;
  return (
    <div className="no-print mt-4 flex flex-wrap items-center gap-3" data-testid="carry-confirm">
      {!done && (
        <Button
          type="button"
          tone="success"
          pending={pending}
          disabled={none}
          onClick={() => {
            if (!window.confirm(t("confirmQuestion", { count: projectIds.length, year: year + 1 }))) return;
            submit(
              () => carryOverPlansAction({ parkId, year, mode, projectIds }),
              (r) => {
                setDone(true);
                return t("done", { count: r.carried, year: r.toYear }) + (r.kept ? t("doneKept", { count: r.kept, year: r.toYear }) : "");
              },
              { onError: (f) => f.code === "CONFLICT" && router.refresh() },
            );
          }}
        >
          {pending ? t("carrying") : none ? t("nothing") : t("confirm", { count: projectIds.length })}
        </Button>
      )}
      {notice && (
        <Alert as="div" tone={notice.kind} className="w-full" testId="carry-notice">
          {notice.text}
          {done && (
            <Link href={`/plans?park=${parkId}&year=${year + 1}`} className="ml-2 text-brand-700 hover:underline">
              {t("view", { year: year + 1 })}
            </Link>
          )}
        </Alert>
      )}
    </div>
  );
}
