"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { decideProgressCorrectionAction } from "@/lib/actions/progress/decide-progress-correction";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";

const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm";

/** A park leader's 批准 / 驳回 of one request, with an opinion (required to reject). */
export function CorrectionDecision({ id, label }: { id: number; label: string }) {
  const t = useTranslations("progress.decision");
  const router = useRouter();
  const [note, setNote] = useState("");
  const { errors, notice, pending, submit } = useActionForm();

  function decide(decision: "APPROVE" | "REJECT") {
    submit(
      () => decideProgressCorrectionAction({ id, decision, note }),
      () => {
        router.refresh();
        return decision === "APPROVE" ? t("approved") : t("rejected");
      },
    );
  }

  return (
    <div className="no-print min-w-56 space-y-2" role="group" aria-label={t("groupLabel", { label })}>
      <Field label={t("note")} name="note" errors={errors} compact>
        <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} className={input} />
      </Field>
      <div className="flex gap-2">
        <Button type="button" size="sm" tone="success" onClick={() => decide("APPROVE")} pending={pending}>
          {t("approve")}
        </Button>
        <Button type="button" size="sm" variant="secondary" tone="danger" onClick={() => decide("REJECT")} pending={pending}>
          {t("reject")}
        </Button>
      </div>
      {notice && (
        <Alert as="p" tone={notice.kind} className="text-xs">
          {notice.text}
        </Alert>
      )}
    </div>
  );
}
